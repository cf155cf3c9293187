import { runSimulation } from '@cloud-copilot/iam-simulate';
import { GithubOidcTrustPolicy } from '../../src';
import { errorOf } from '../error-of';

const ACCOUNT = '123456789012';
const PROVIDER = GithubOidcTrustPolicy.providerArn('aws', ACCOUNT);
const ROLE = `arn:aws:iam::${ACCOUNT}:role/ecs-batch-deploy-payments`;
const REPO = 'acme/payments-jobs';

/**
 * The simulator's condition-key data lists GitHub's other claims but not `sub` and
 * `aud`, which STS does support for every OIDC provider
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#condition-keys-wif),
 * and drops them from the request. So both the policy and the request spell them as
 * two claims it knows; StringEquals compares the same strings either way.
 */
const SIMULATED_KEYS: Record<string, string> = {
  'token.actions.githubusercontent.com:sub': 'token.actions.githubusercontent.com:job_workflow_ref',
  'token.actions.githubusercontent.com:aud': 'token.actions.githubusercontent.com:workflow',
};

function simulatable(trust: any): any {
  const text = JSON.stringify(trust);
  const renamed = Object.entries(SIMULATED_KEYS).reduce((t, [from, to]) => t.split(`"${from}"`).join(`"${to}"`), text);
  if (renamed === text) throw new Error('the trust policy checks neither sub nor aud');
  return JSON.parse(renamed);
}

/**
 * GitHub's token as STS sees it: the web identity federation principal is the
 * provider, and the token's claims arrive as `<host>:aud` / `<host>:sub`.
 */
async function assume(trust: unknown, claims: { sub: string; aud?: string }): Promise<string> {
  const host = GithubOidcTrustPolicy.PROVIDER_HOST;
  const result = await runSimulation({
    request: {
      principal: PROVIDER,
      action: 'sts:AssumeRoleWithWebIdentity',
      resource: { resource: ROLE, accountId: ACCOUNT },
      contextVariables: {
        [SIMULATED_KEYS[`${host}:sub`]]: claims.sub,
        [SIMULATED_KEYS[`${host}:aud`]]: claims.aud ?? GithubOidcTrustPolicy.AUDIENCE,
      },
    },
    identityPolicies: [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: simulatable(trust),
  }, {});
  if (result.resultType !== 'single') throw new Error(`simulation: ${JSON.stringify(result)}`);
  if ((result.result.ignoredContextKeys ?? []).length > 0) throw new Error(`ignored: ${result.result.ignoredContextKeys!.join(', ')}`);
  return result.overallResult;
}

describe('subjects', () => {
  test('an environment and pull requests of one repository', () => {
    expect(GithubOidcTrustPolicy.environmentSubject(REPO, 'production')).toBe('repo:acme/payments-jobs:environment:production');
    expect(GithubOidcTrustPolicy.pullRequestSubject(REPO)).toBe('repo:acme/payments-jobs:pull_request');
    expect(GithubOidcTrustPolicy.branchSubject(REPO, 'main')).toBe('repo:acme/payments-jobs:ref:refs/heads/main');
    expect(errorOf(() => GithubOidcTrustPolicy.branchSubject(REPO, 'release/*')).message).toBe("branch: 'release/*' is not a branch name (no '*', '?', ':', spaces or wildcards)");
  });

  test('a repository is <owner>/<repo>, an environment has no wildcard', () => {
    expect(errorOf(() => GithubOidcTrustPolicy.pullRequestSubject('payments-jobs')).message).toBe("repository: 'payments-jobs' is not a GitHub repository (<owner>/<repo>)");
    expect(errorOf(() => GithubOidcTrustPolicy.environmentSubject(REPO, 'prod*')).message).toBe("environment: 'prod*' is not a GitHub environment name (1-255 characters, no '*', '?' or ':')");
  });

  test('Terraform references pass through', () => {
    expect(GithubOidcTrustPolicy.environmentSubject('${var.github_repository}', '${e}')).toBe('repo:${var.github_repository}:environment:${e}');
  });
});

describe('document', () => {
  test('the provider as federated principal, aud and sub compared exactly', () => {
    const trust = GithubOidcTrustPolicy.document({ oidcProviderArn: PROVIDER, subjects: [GithubOidcTrustPolicy.environmentSubject(REPO, 'production')] });
    expect(trust).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'GithubActionsAssumeRole',
        Effect: 'Allow',
        Principal: { Federated: PROVIDER },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
            'token.actions.githubusercontent.com:sub': 'repo:acme/payments-jobs:environment:production',
          },
        },
      }],
    });
  });

  test('wildcard subjects, no subject and a provider that is not GitHub\'s are refused', () => {
    expect(errorOf(() => GithubOidcTrustPolicy.document({ oidcProviderArn: PROVIDER, subjects: ['repo:acme/*:*'] })).message)
      .toBe("subjects[0]: 'repo:acme/*:*' is not an exact GitHub subject (repo:<owner>/<repo>:<context>, no wildcards)");
    expect(errorOf(() => GithubOidcTrustPolicy.document({ oidcProviderArn: PROVIDER, subjects: [] })).message)
      .toBe('subjects: is empty (at least one subject, e.g. repo:<owner>/<repo>:environment:<env>)');
    expect(errorOf(() => GithubOidcTrustPolicy.document({ oidcProviderArn: `arn:aws:iam::${ACCOUNT}:oidc-provider/gitlab.com`, subjects: ['repo:a/b:pull_request'] })).message)
      .toBe(`oidcProviderArn: 'arn:aws:iam::${ACCOUNT}:oidc-provider/gitlab.com' is not the IAM OIDC provider of token.actions.githubusercontent.com`);
  });
});

describe('IAM simulation', () => {
  const deploy = GithubOidcTrustPolicy.document({
    oidcProviderArn: PROVIDER,
    subjects: ['production', 'staging'].map((e) => GithubOidcTrustPolicy.environmentSubject(REPO, e)),
  });
  const plan = GithubOidcTrustPolicy.document({
    oidcProviderArn: PROVIDER,
    subjects: [GithubOidcTrustPolicy.pullRequestSubject(REPO), GithubOidcTrustPolicy.branchSubject(REPO, 'main')],
  });

  test.each([
    ['the repo\'s production environment', deploy, 'repo:acme/payments-jobs:environment:production', undefined, 'Allowed'],
    ['the repo\'s staging environment', deploy, 'repo:acme/payments-jobs:environment:staging', undefined, 'Allowed'],
    ['another environment', deploy, 'repo:acme/payments-jobs:environment:dev', undefined, 'ImplicitlyDenied'],
    ['a branch of the repo', deploy, 'repo:acme/payments-jobs:ref:refs/heads/main', undefined, 'ImplicitlyDenied'],
    ['a pull request of the repo', deploy, 'repo:acme/payments-jobs:pull_request', undefined, 'ImplicitlyDenied'],
    ['another repo\'s production', deploy, 'repo:acme/billing-jobs:environment:production', undefined, 'ImplicitlyDenied'],
    ['another audience', deploy, 'repo:acme/payments-jobs:environment:production', 'https://github.com/acme', 'ImplicitlyDenied'],
    ['plan: a pull request of the repo', plan, 'repo:acme/payments-jobs:pull_request', undefined, 'Allowed'],
    ['plan: another repo\'s pull request', plan, 'repo:acme/billing-jobs:pull_request', undefined, 'ImplicitlyDenied'],
    ['plan: the default branch (the deploy\'s plan job)', plan, 'repo:acme/payments-jobs:ref:refs/heads/main', undefined, 'Allowed'],
    ['plan: another branch', plan, 'repo:acme/payments-jobs:ref:refs/heads/feature', undefined, 'ImplicitlyDenied'],
    ['plan: the production environment', plan, 'repo:acme/payments-jobs:environment:production', undefined, 'ImplicitlyDenied'],
  ])('%s', async (_, trust, sub, aud, expected) => {
    expect(await assume(trust, { sub, aud })).toBe(expected);
  });
});
