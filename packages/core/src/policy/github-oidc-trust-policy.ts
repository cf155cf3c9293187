import { Arn } from '../arn';
import { ValidationError } from '../errors';
import { PolicyDocument } from './policy-document';

/**
 * Who may assume a role through GitHub's OIDC provider: the provider, and the
 * exact token subjects (`sub`) allowed.
 */
export interface GithubOidcTrustProps {
  /**
   * The account's IAM OIDC provider for `token.actions.githubusercontent.com`
   * (`arn:<partition>:iam::<account>:oidc-provider/token.actions.githubusercontent.com`).
   */
  readonly oidcProviderArn: string;

  /**
   * The subjects allowed, exactly (no wildcards), e.g. from
   * `GithubOidcTrustPolicy.environmentSubject()` or `pullRequestSubject()`.
   * A single Terraform reference to a list is passed through.
   */
  readonly subjects: string[];
}

/**
 * The trust policy of a role that GitHub Actions assumes with
 * `sts:AssumeRoleWithWebIdentity`: the token's audience must be `sts.amazonaws.com`
 * (what `aws-actions/configure-aws-credentials` asks for) and its subject one of
 * the given subjects, compared with `StringEquals`, so no other repository, branch,
 * environment or event can assume it.
 *
 * @see https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub
 */
export class GithubOidcTrustPolicy {
  /** The issuer of GitHub Actions' OIDC tokens, and the prefix of their condition keys. */
  public static readonly PROVIDER_HOST = 'token.actions.githubusercontent.com';
  /** The audience `configure-aws-credentials` requests. */
  public static readonly AUDIENCE = 'sts.amazonaws.com';
  /** Sid of the trust statement. */
  public static readonly SID_TRUST = 'GithubActionsAssumeRole';
  /**
   * A repository as `<owner>/<repo>`: owners are letters, digits and hyphens (up to 39),
   * repositories also `.` and `_` (up to 100).
   * @see https://docs.github.com/en/repositories/creating-and-managing-repositories/about-repositories
   */
  public static readonly REPOSITORY_PATTERN = '^[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}$';

  /**
   * The subject of a job that runs in a GitHub environment:
   * `repo:<owner>/<repo>:environment:<environment>`.
   *
   * @param repository `<owner>/<repo>`
   * @param environment the GitHub environment's name
   * @throws ValidationError naming `repository` or `environment`
   * @see https://docs.github.com/en/actions/reference/security/oidc#example-subject-claims
   */
  public static environmentSubject(repository: string, environment: string): string {
    GithubOidcTrustPolicy.checkRepository(repository);
    if (!Arn.isToken(environment) && !/^[^*?:\s][^*?:]{0,254}$/.test(environment)) {
      throw new ValidationError('environment', `'${environment}' is not a GitHub environment name (1-255 characters, no '*', '?' or ':')`);
    }
    return `repo:${repository}:environment:${environment}`;
  }

  /**
   * The subject of a workflow run by a `pull_request` event: `repo:<owner>/<repo>:pull_request`.
   *
   * @param repository `<owner>/<repo>`
   * @throws ValidationError naming `repository`
   */
  public static pullRequestSubject(repository: string): string {
    GithubOidcTrustPolicy.checkRepository(repository);
    return `repo:${repository}:pull_request`;
  }

  /**
   * The subject of a job that runs on a branch, outside any environment:
   * `repo:<owner>/<repo>:ref:refs/heads/<branch>`. A team repo's deploy plans the
   * release commit this way, on the default branch, before the environment's
   * reviewers approve the apply.
   *
   * @param repository `<owner>/<repo>`
   * @param branch the branch, e.g. `main`
   * @throws ValidationError naming `repository` or `branch`
   * @see https://docs.github.com/en/actions/reference/security/oidc#example-subject-claims
   */
  public static branchSubject(repository: string, branch: string): string {
    GithubOidcTrustPolicy.checkRepository(repository);
    if (!Arn.isToken(branch) && !/^[^*?:\s~^\\]{1,255}$/.test(branch ?? '')) {
      throw new ValidationError('branch', `'${branch}' is not a branch name (no '*', '?', ':', spaces or wildcards)`);
    }
    return `repo:${repository}:ref:refs/heads/${branch}`;
  }

  /**
   * The OIDC provider's ARN in an account.
   *
   * @param partition e.g. `aws`
   * @param accountId the 12-digit account
   */
  public static providerArn(partition: string, accountId: string): string {
    return `arn:${partition}:iam::${accountId}:oidc-provider/${GithubOidcTrustPolicy.PROVIDER_HOST}`;
  }

  /**
   * Build the trust policy.
   *
   * @returns an IAM trust policy document (plain JSON)
   * @throws ValidationError naming `oidcProviderArn` or `subjects[i]`
   */
  public static document(props: GithubOidcTrustProps): any {
    const provider = props.oidcProviderArn;
    if (!Arn.isToken(provider)) {
      const arn = Arn.parse(provider, 'oidcProviderArn');
      if (arn.service !== 'iam' || arn.resource !== `oidc-provider/${GithubOidcTrustPolicy.PROVIDER_HOST}`) {
        throw new ValidationError('oidcProviderArn', `'${provider}' is not the IAM OIDC provider of ${GithubOidcTrustPolicy.PROVIDER_HOST}`);
      }
    }
    if (props.subjects.length === 0) {
      throw new ValidationError('subjects', 'is empty (at least one subject, e.g. repo:<owner>/<repo>:environment:<env>)');
    }
    props.subjects.forEach((subject, i) => {
      if (Arn.isToken(subject)) return;
      if (!/^repo:[^/:*?\s]+\/[^/:*?\s]+:[^*?\s]+$/.test(subject)) {
        throw new ValidationError(`subjects[${i}]`, `'${subject}' is not an exact GitHub subject (repo:<owner>/<repo>:<context>, no wildcards)`);
      }
    });
    const host = GithubOidcTrustPolicy.PROVIDER_HOST;
    return PolicyDocument.of([{
      sid: GithubOidcTrustPolicy.SID_TRUST,
      federatedPrincipal: provider,
      actions: ['sts:AssumeRoleWithWebIdentity'],
      conditions: [
        { operator: 'StringEquals', key: `${host}:aud`, value: GithubOidcTrustPolicy.AUDIENCE },
        { operator: 'StringEquals', key: `${host}:sub`, value: PolicyDocument.oneOrMany(props.subjects) },
      ],
    }]);
  }

  private static checkRepository(repository: string): void {
    if (Arn.isToken(repository)) return;
    if (typeof repository !== 'string' || !new RegExp(GithubOidcTrustPolicy.REPOSITORY_PATTERN).test(repository)) {
      throw new ValidationError('repository', `'${repository}' is not a GitHub repository (<owner>/<repo>)`);
    }
  }

  private constructor() {}
}
