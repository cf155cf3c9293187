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
   * Customer managed KMS keys that encrypt those secrets: adds `kms:Decrypt` on them.
   * Not needed for the AWS managed keys (`aws/secretsmanager`, `aws/ssm`).
   * @default - none
   */
  readonly kmsKeyArns?: string[];

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

    const keys = (props.kmsKeyArns ?? []).map((a, i) => ExecutionRolePolicy.KEY.passThroughOrCheck(a, `kmsKeyArns[${i}]`));
    if (keys.length > 0) {
      statements.push({ sid: ExecutionRolePolicy.SID_KMS, actions: ['kms:Decrypt'], resources: keys });
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
   * in `valueFrom`, but IAM authorizes the secret ARN (the first seven parts).
   * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html
   */
  private static secret(arn: string, field: string): string {
    if (Arn.isToken(arn)) return arn;
    ExecutionRolePolicy.SECRET.parse(arn, field);
    return arn.split(':').slice(0, 7).join(':');
  }

  private constructor() {}
}
