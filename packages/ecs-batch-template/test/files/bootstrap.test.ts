import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parse } from '@cdktf/hcl2json';
import { DeployRolePolicy, GithubOidcTrustPolicy, PlanRolePolicy, StateBucketPolicy, TerraformVersions } from '@ecs-batch/core';
import { Bootstrap } from '../../src/files/bootstrap';
import { newProject, synth, synthInPlace, tempDir } from '../fixtures';

const ACCOUNT = '123456789012';
const REGION = 'ap-northeast-1';
const BOUNDARY = `arn:aws:iam::${ACCOUNT}:policy/ecs-batch-boundary`;
const REPO = 'acme/payments-batch';
const PROVIDER = GithubOidcTrustPolicy.providerArn('aws', ACCOUNT);
const BUCKET = Bootstrap.stateBucket('payments', ACCOUNT);
const ENVIRONMENTS = ['production', 'staging'];

/** Every .tf file of a folder, parsed by the real HCL parser. */
async function parseModule(dir: string): Promise<any[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.tf'));
  return Promise.all(files.map((f) => parse(f, readFileSync(join(dir, f), 'utf8'))));
}
const blocks = (parsed: any[], kind: string): Record<string, any> => Object.assign({}, ...parsed.map((p) => p[kind] ?? {}));

/**
 * What Terraform would evaluate the parsed locals to, for one account: each
 * reference the policies use, by its expression. A reference not listed fails the
 * test, so the module cannot grow a reference nobody checked.
 */
const VALUES: Record<string, unknown> = {
  'local.account_id': ACCOUNT,
  'local.partition': 'aws',
  'var.region': REGION,
  'var.permissions_boundary_arn': BOUNDARY,
  'aws_s3_bucket.state.bucket': BUCKET,
  'local.oidc_provider_arn': PROVIDER,
  'local.deploy_subjects': ENVIRONMENTS.map((e) => GithubOidcTrustPolicy.environmentSubject(REPO, e)),
  'var.github_repository': REPO,
};

function evaluate(value: unknown): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{([^{}]*)\}$/.exec(value);
    if (whole) return lookup(whole[1]);
    return value.replace(/\$\{([^{}]*)\}/g, (_, ref) => String(lookup(ref)));
  }
  if (Array.isArray(value)) return value.map(evaluate);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v)]));
  return value;
}

function lookup(ref: string): unknown {
  if (!(ref in VALUES)) throw new Error(`no test value for ${ref}`);
  return VALUES[ref];
}

describe.each(['cdktf', 'hcl'] as const)('Bootstrap (%s)', (infra) => {
  const dir = tempDir();
  synthInPlace(newProject({ infra }, dir));
  const bootstrap = join(dir, 'infra', 'bootstrap');

  test('infra/bootstrap: a Terraform module the real parser reads, and its README', async () => {
    expect(readdirSync(bootstrap).sort()).toEqual(['README.md', 'main.tf', 'outputs.tf', 'policies.tf', 'variables.tf', 'versions.tf']);
    const parsed = await parseModule(bootstrap);
    const [terraform] = parsed.flatMap((p) => p.terraform ?? []);
    expect(terraform.required_version).toBe(TerraformVersions.ROOT_MODULE);
    expect(terraform.required_providers).toEqual([{ aws: { source: 'hashicorp/aws', version: TerraformVersions.AWS_PROVIDER } }]);
    expect(terraform.backend).toBeUndefined();
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toContain('infra/bootstrap/*.tfstate');
  });

  test('each policy local evaluates to exactly core\'s document for the account', async () => {
    const [locals] = (await parseModule(bootstrap)).flatMap((p) => p.locals ?? []).filter((l: any) => 'deploy_policy' in l);
    const stack = { team: 'payments', accountId: ACCOUNT, region: REGION, stateBucket: BUCKET, repositoryName: 'payments-batch' };
    expect(evaluate(locals.deploy_policy)).toEqual(DeployRolePolicy.permissions({ ...stack, permissionsBoundaryArn: BOUNDARY }));
    expect(evaluate(locals.plan_policy)).toEqual(PlanRolePolicy.permissions(stack));
    expect(evaluate(locals.state_bucket_policy)).toEqual(StateBucketPolicy.tlsOnly(BUCKET));
    expect(evaluate(locals.deploy_trust_policy)).toEqual(GithubOidcTrustPolicy.document({ oidcProviderArn: PROVIDER, subjects: VALUES['local.deploy_subjects'] as string[] }));
    const pullRequests = [GithubOidcTrustPolicy.pullRequestSubject(REPO), GithubOidcTrustPolicy.branchSubject(REPO, 'main')];
    expect(evaluate(locals.plan_trust_policy)).toEqual(GithubOidcTrustPolicy.document({ oidcProviderArn: PROVIDER, subjects: pullRequests }));
    // The deploy role's subjects: one per environment of var.environments, as core spells them.
    expect(locals.deploy_subjects).toBe('${[for e in var.environments : "repo:${var.github_repository}:environment:${e}"]}');
    expect(GithubOidcTrustPolicy.environmentSubject('${var.github_repository}', '${e}')).toBe('repo:${var.github_repository}:environment:${e}');
  });

  test('the deploy policy fits IAM\'s 10,240-character limit of a role\'s inline policies', () => {
    const team = 'a-team-name-of-thirty-one-chars';
    const stack = { team, accountId: ACCOUNT, region: 'ap-southeast-3', stateBucket: Bootstrap.stateBucket(team, ACCOUNT), repositoryName: `${team}-batch` };
    const deploy = JSON.stringify(DeployRolePolicy.permissions({ ...stack, permissionsBoundaryArn: BOUNDARY }));
    const plan = JSON.stringify(PlanRolePolicy.permissions(stack));
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-entity-length
    expect(deploy.length).toBeLessThan(10240);
    expect(plan.length).toBeLessThan(10240);
  });

  test('the state bucket: the account in its name, versioned, encrypted, never public, TLS only', async () => {
    const parsed = await parseModule(bootstrap);
    const resources = blocks(parsed, 'resource');
    expect(resources.aws_s3_bucket.state[0].bucket).toBe('payments-terraform-state-${local.account_id}');
    expect(resources.aws_s3_bucket.state[0].lifecycle).toEqual([{ prevent_destroy: true }]);
    expect(resources.aws_s3_bucket_versioning.state[0].versioning_configuration).toEqual([{ status: 'Enabled' }]);
    expect(resources.aws_s3_bucket_server_side_encryption_configuration.state[0].rule[0].apply_server_side_encryption_by_default).toEqual([{ sse_algorithm: 'AES256' }]);
    expect(resources.aws_s3_bucket_public_access_block.state[0]).toMatchObject({
      block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    });
    expect(resources.aws_s3_bucket_policy.state[0].policy).toBe('${jsonencode(local.state_bucket_policy)}');
    const backend: string = readFileSync(join(dir, 'infra/environments/production.s3.tfbackend'), 'utf8');
    expect(backend).toContain(`bucket       = "${Bootstrap.stateBucket('payments', '<account-id>')}"`);
    expect(backend).toContain('use_lockfile = true');
  });

  test('the roles take core\'s policies; the OIDC provider is created unless given', async () => {
    const parsed = await parseModule(bootstrap);
    const resources = blocks(parsed, 'resource');
    expect(resources.aws_iam_role.deploy[0]).toMatchObject({ name: 'ecs-batch-deploy-payments', assume_role_policy: '${jsonencode(local.deploy_trust_policy)}' });
    expect(resources.aws_iam_role_policy.deploy[0]).toMatchObject({ role: '${aws_iam_role.deploy.name}', policy: '${jsonencode(local.deploy_policy)}' });
    expect(resources.aws_iam_role.plan[0]).toMatchObject({ name: 'ecs-batch-plan-payments', assume_role_policy: '${jsonencode(local.plan_trust_policy)}' });
    expect(resources.aws_iam_role_policy.plan[0]).toMatchObject({ role: '${aws_iam_role.plan.name}', policy: '${jsonencode(local.plan_policy)}' });
    expect(resources.aws_iam_openid_connect_provider.github[0]).toMatchObject({
      count: '${var.github_oidc_provider_arn == null ? 1 : 0}',
      url: 'https://token.actions.githubusercontent.com',
      client_id_list: ['sts.amazonaws.com'],
    });
    const variables = blocks(parsed, 'variable');
    expect(Object.keys(variables).sort()).toEqual(['environments', 'github_oidc_provider_arn', 'github_repository', 'permissions_boundary_arn', 'region']);
    expect(variables.permissions_boundary_arn[0].default).toBeUndefined();
    expect(variables.github_repository[0].default).toBeUndefined();
    expect(variables.region[0].default).toBe(REGION);
  });

  test('outputs the role ARNs under the names of the workflows\' GitHub variables', async () => {
    const outputs = blocks(await parseModule(bootstrap), 'output');
    expect(outputs.AWS_DEPLOY_ROLE_ARN[0].value).toBe('${aws_iam_role.deploy.arn}');
    expect(outputs.AWS_PLAN_ROLE_ARN[0].value).toBe('${aws_iam_role.plan.arn}');
    expect(outputs.state_bucket[0].value).toBe('${aws_s3_bucket.state.bucket}');
    const readme = readFileSync(join(bootstrap, 'README.md'), 'utf8');
    expect(readme).toContain('gh variable set AWS_DEPLOY_ROLE_ARN --env production --body "$(terraform output -raw AWS_DEPLOY_ROLE_ARN)"');
    expect(readme).toContain('gh variable set AWS_PLAN_ROLE_ARN --body "$(terraform output -raw AWS_PLAN_ROLE_ARN)"');
  });
});

describe('Bootstrap files', () => {
  const out = synth(newProject({ team: 'payments' }));

  test('repository patterns agree: the HCL validation is core\'s', () => {
    expect(out['infra/bootstrap/variables.tf']).toContain(`can(regex(${JSON.stringify(GithubOidcTrustPolicy.REPOSITORY_PATTERN)}, var.github_repository))`);
    for (const good of ['acme/payments-batch', 'a-b/c.d_e']) expect(new RegExp(GithubOidcTrustPolicy.REPOSITORY_PATTERN).test(good)).toBe(true);
    for (const bad of ['payments-batch', 'acme/*', 'acme/x/y']) expect(new RegExp(GithubOidcTrustPolicy.REPOSITORY_PATTERN).test(bad)).toBe(false);
  });

  test('the team README sends the administrator to infra/bootstrap and names the GitHub variables', () => {
    const readme: string = out['README.md'];
    const deploy = readme.slice(readme.indexOf('## Deploy'), readme.indexOf('## Roll back'));
    const link = /\[`infra\/bootstrap\/`\]\(([^)]+)\)/.exec(deploy);
    expect(link?.[1]).toBe('infra/bootstrap/README.md');
    expect(out[link![1]]).toContain('# infra/bootstrap');
    expect(deploy).toContain('the repository variable `AWS_PLAN_ROLE_ARN`, and the environment `production` with\n   required reviewers and the variable `AWS_DEPLOY_ROLE_ARN`');
    expect(deploy).not.toContain('AWS_ROLE_ARN`');
  });

  test('matches the snapshot (review aid)', () => {
    expect(out['infra/bootstrap/main.tf']).toMatchSnapshot();
    expect(out['infra/bootstrap/policies.tf']).toMatchSnapshot();
  });
});
