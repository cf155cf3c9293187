import { Arn } from '../arn';
import { ArnExpectation } from '../arn/arn-expectation';
import { ValidationError } from '../errors';
import { EcsTasksTrust } from './ecs-tasks-trust';
import { EcsTasksTrustProps } from './ecs-tasks-trust-props';
import { PolicyDocument, Statement } from './policy-document';

/**
 * What the ECS agent needs to start the task: pull the image, write logs, inject secrets.
 *
 * Every ARN may be a Terraform/CDKTF token, except in `secretArns` (a token's service
 * cannot be told; use `secretsManagerSecretArns` / `ssmParameterArns` for tokens).
 */
export interface ExecutionRolePermissionsProps {
  /**
   * The CloudWatch Logs group of the `awslogs` log driver
   * (`arn:<partition>:logs:<region>:<account>:log-group:<name>`, a trailing `:*` is accepted).
   */
  readonly logGroupArn: string;

  /**
   * Secrets injected as environment variables, as Secrets Manager secret ARNs and/or
   * SSM parameter ARNs; split by service into `secretsmanager:GetSecretValue` and
   * `ssm:GetParameters`. A Secrets Manager ARN may carry the ECS
   * `:<json-key>:<version-stage>:<version-id>` suffix; the policy grants the secret itself.
   * @default - none
   */
  readonly secretArns?: string[];

  /**
   * Secrets Manager secret ARNs, tokens allowed.
   * @default - none
   */
  readonly secretsManagerSecretArns?: string[];

  /**
   * SSM Parameter Store parameter ARNs, tokens allowed.
   * @default - none
   */
  readonly ssmParameterArns?: string[];

  /**
   * Customer managed KMS keys that encrypt those secrets: adds `kms:Decrypt` on them,
   * only through the services that hold the secrets (`kms:ViaService`
   * `secretsmanager.<region>.amazonaws.com` and/or `ssm.<region>.amazonaws.com`).
   * Not needed for the AWS managed keys (`aws/secretsmanager`, `aws/ssm`).
   * @default - none
   */
  readonly kmsKeyArns?: string[];

  /**
   * The region the task runs in (where ECS reads the secrets), for `kms:ViaService`. May be a token.
   * @default - the region of the KMS key ARNs (required when a key ARN is a token)
   */
  readonly region?: string;

  /**
   * The private ECR repository of the image: adds `ecr:GetAuthorizationToken` (which
   * only supports `*`) and the three pull actions on this repository. Omit it for
   * public images (Docker Hub, ECR Public), which need no IAM permission.
   * @default - no ECR statements
   */
  readonly ecrRepositoryArn?: string;
}

/**
 * The task execution role: the permissions the ECS agent uses on your behalf.
 *
 * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
 */
export class ExecutionRolePolicy {
  /** Sid of `ecr:GetAuthorizationToken`. */
  public static readonly SID_ECR_AUTH = 'EcrAuthorizationToken';
  /** Sid of the ECR image pull actions. */
  public static readonly SID_ECR_PULL = 'EcrPullImage';
  /** Sid of the CloudWatch Logs actions. */
  public static readonly SID_LOGS = 'WriteLogs';
  /** Sid of `secretsmanager:GetSecretValue`. */
  public static readonly SID_SECRETS_MANAGER = 'ReadSecretsManagerSecrets';
  /** Sid of `ssm:GetParameters`. */
  public static readonly SID_SSM = 'ReadSsmParameters';
  /** Sid of `kms:Decrypt`. */
  public static readonly SID_KMS = 'DecryptSecrets';
  /** Sid of the trust statement. */
  public static readonly SID_TRUST = 'EcsTasksAssumeExecutionRole';

  /**
   * A Secrets Manager `valueFrom` of ECS: the secret ARN, optionally with
   * `:<json-key>:<version-stage>:<version-id>` (each part may be empty).
   * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html
   */
  public static readonly SECRETS_MANAGER_VALUE_FROM_PATTERN: string =
    '^arn:aws(-cn|-us-gov)?:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[^:]+(:[^:]*:[^:]*:[^:]*)?$';

  /**
   * The IAM resource of a Secrets Manager `valueFrom` as a Terraform expression
   * (the first seven `:`-separated parts), for the HCL module.
   *
   * @param valueFrom an HCL expression, e.g. `arn`
   */
  public static terraformSecretArnExpression(valueFrom: string): string {
    return `join(":", slice(split(":", ${valueFrom}), 0, 7))`;
  }

  /**
   * Build the permissions policy.
   *
   * @returns an IAM policy document (plain JSON)
   * @throws ValidationError naming the prop, e.g. `secretArns[1]: ...`
   * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html
   * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-ssm-paramstore.html
   * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html
   */
  public static permissions(props: ExecutionRolePermissionsProps): any {
    const statements: Statement[] = [];
    if (props.ecrRepositoryArn !== undefined) {
      const repository = ExecutionRolePolicy.REPOSITORY.passThroughOrCheck(props.ecrRepositoryArn, 'ecrRepositoryArn');
      // GetAuthorizationToken has no resource type: it only accepts "*".
      // https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonelasticcontainerregistry.html
      statements.push({ sid: ExecutionRolePolicy.SID_ECR_AUTH, actions: ['ecr:GetAuthorizationToken'], resources: ['*'] });
      statements.push({
        sid: ExecutionRolePolicy.SID_ECR_PULL,
        actions: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        resources: [repository],
      });
    }

    statements.push({
      sid: ExecutionRolePolicy.SID_LOGS,
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [`${ExecutionRolePolicy.logGroup(props.logGroupArn)}:log-stream:*`],
    });

    const secretsManager = (props.secretsManagerSecretArns ?? []).map((a, i) => ExecutionRolePolicy.secret(a, `secretsManagerSecretArns[${i}]`));
    const ssm = (props.ssmParameterArns ?? []).map((a, i) => ExecutionRolePolicy.PARAMETER.passThroughOrCheck(a, `ssmParameterArns[${i}]`));
    (props.secretArns ?? []).forEach((arn, i) => {
      const field = `secretArns[${i}]`;
      if (Arn.isToken(arn)) {
        throw new ValidationError(field, `'${arn}' is an unresolved token, so its service cannot be told (pass it in secretsManagerSecretArns or ssmParameterArns)`);
      }
      const service = Arn.parse(arn, field).service;
      if (service === 'secretsmanager') {
        secretsManager.push(ExecutionRolePolicy.secret(arn, field));
      } else if (service === 'ssm') {
        ssm.push(ExecutionRolePolicy.PARAMETER.passThroughOrCheck(arn, field));
      } else {
        throw new ValidationError(field, `service is '${service}' but expected 'secretsmanager' or 'ssm' (a Secrets Manager secret or SSM parameter ARN)`);
      }
    });
    if (secretsManager.length > 0) {
      statements.push({ sid: ExecutionRolePolicy.SID_SECRETS_MANAGER, actions: ['secretsmanager:GetSecretValue'], resources: secretsManager });
    }
    if (ssm.length > 0) {
      statements.push({ sid: ExecutionRolePolicy.SID_SSM, actions: ['ssm:GetParameters'], resources: ssm });
    }

    const keys = ExecutionRolePolicy.checkKmsKeyArns(props.kmsKeyArns ?? [], secretsManager.length + ssm.length, 'kmsKeyArns');
    if (keys.length > 0) {
      const regions = ExecutionRolePolicy.keyRegions(keys, props.region);
      // The agent reads the secrets through Secrets Manager and SSM, which call
      // kms:Decrypt on its behalf: allow exactly those calls.
      // https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service
      const viaServices = regions.flatMap((r) => [
        ...(secretsManager.length > 0 ? [`secretsmanager.${r}.amazonaws.com`] : []),
        ...(ssm.length > 0 ? [`ssm.${r}.amazonaws.com`] : []),
      ]);
      statements.push({
        sid: ExecutionRolePolicy.SID_KMS,
        actions: ['kms:Decrypt'],
        resources: keys,
        conditions: [{ operator: 'StringEquals', key: 'kms:ViaService', value: viaServices.length === 1 ? viaServices[0] : viaServices }],
      });
    }
    return PolicyDocument.of(statements);
  }

  /**
   * Trust for `ecs-tasks.amazonaws.com` with `StringEquals aws:SourceAccount`.
   *
   * @returns an IAM trust policy document (plain JSON)
   * @throws ValidationError naming `accountId`
   * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
   */
  public static trust(props: EcsTasksTrustProps): any {
    return EcsTasksTrust.document(ExecutionRolePolicy.SID_TRUST, props);
  }

  /**
   * The IAM resource of a Secrets Manager `valueFrom` (the secret ARN without
   * `:<json-key>:<version-stage>:<version-id>`), after checking its format. Tokens pass through.
   *
   * @param valueFrom the secret ARN as ECS takes it
   * @param field the caller's name for it, used in errors, e.g. `secretsManagerSecrets.DB_PASSWORD`
   * @throws ValidationError naming `field`
   * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html
   */
  public static secretResource(valueFrom: string, field: string): string {
    return ExecutionRolePolicy.secret(valueFrom, field);
  }

  /**
   * Check the KMS keys of a job's secrets: each a key ARN (not an alias), and only with a secret to decrypt.
   *
   * @param kmsKeyArns the key ARNs (tokens pass through)
   * @param secretCount how many Secrets Manager secrets and SSM parameters the job reads
   * @param field the caller's name for the list; errors name `<field>` or `<field>[i]`
   * @throws ValidationError naming the field
   */
  public static checkKmsKeyArns(kmsKeyArns: string[], secretCount: number, field: string): string[] {
    const keys = kmsKeyArns.map((a, i) => ExecutionRolePolicy.KEY.passThroughOrCheck(a, `${field}[${i}]`));
    if (keys.length > 0 && secretCount === 0) {
      throw new ValidationError(field, 'are given but there is no secret to decrypt (add secretsManagerSecrets or ssmParameters, or drop kmsKeyArns)');
    }
    return keys;
  }

  private static readonly REPOSITORY = new ArnExpectation('ecr', 'repository/', 'repository/<name>');
  private static readonly LOG_GROUP = new ArnExpectation('logs', 'log-group:', 'log-group:<name>');
  private static readonly SECRET = new ArnExpectation('secretsmanager', 'secret:', 'secret:<name>');
  private static readonly PARAMETER = new ArnExpectation('ssm', 'parameter/', 'parameter/<name>');
  private static readonly KEY = new ArnExpectation('kms', 'key/', 'key/<key-id>');

  /** The log group ARN without the `:*` that DescribeLogGroups appends. */
  private static logGroup(arn: string): string {
    if (Arn.isToken(arn)) return arn;
    const components = ExecutionRolePolicy.LOG_GROUP.parse(arn, 'logGroupArn');
    const name = components.resource.slice('log-group:'.length).replace(/:\*$/, '');
    // Log group names: 1-512 of a-z, A-Z, 0-9, '_', '-', '/', '.', '#'.
    // https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html
    if (!/^[.\-_/#A-Za-z0-9]{1,512}$/.test(name)) {
      throw new ValidationError('logGroupArn', `log group name '${name}' is not valid (1-512 letters, numbers, _, -, /, ., #)`);
    }
    return `arn:${components.partition}:logs:${components.region}:${components.account}:log-group:${name}`;
  }

  /**
   * The secret itself: ECS accepts `arn:...:secret:<name>:<json-key>:<version-stage>:<version-id>`
   * in `valueFrom` (all three or none, each may be empty, e.g. `:password::`), but IAM
   * authorizes the secret ARN (the first seven parts).
   * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html
   */
  private static secret(arn: string, field: string): string {
    if (Arn.isToken(arn)) return arn;
    ExecutionRolePolicy.SECRET.parse(arn, field);
    if (!new RegExp(ExecutionRolePolicy.SECRETS_MANAGER_VALUE_FROM_PATTERN).test(arn)) {
      throw new ValidationError(field, `'${arn}' is not a Secrets Manager valueFrom (arn:<partition>:secretsmanager:<region>:<account>:secret:<name>, optionally followed by :<json-key>:<version-stage>:<version-id>, each may be empty, e.g. :password::)`);
    }
    return arn.split(':').slice(0, 7).join(':');
  }

  /** The regions for kms:ViaService: the given one, or those of the (literal) key ARNs. */
  private static keyRegions(keys: string[], region: string | undefined): string[] {
    if (region !== undefined) return [region];
    if (keys.some((k) => Arn.isToken(k))) {
      throw new ValidationError('region', 'is needed for kms:ViaService when a KMS key ARN is a token');
    }
    return [...new Set(keys.map((k) => Arn.parse(k, 'kmsKeyArns').region))];
  }

  private constructor() {}
}
