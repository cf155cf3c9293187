import { identityDecision, trustDecision } from './simulate';
import { ExecutionRolePolicy } from '../../src';
import { errorOf } from '../error-of';

const ACCOUNT = '123456789012';
const LOG_GROUP = `arn:aws:logs:ap-northeast-1:${ACCOUNT}:log-group:/ecs/nightly`;
const REPO = `arn:aws:ecr:ap-northeast-1:${ACCOUNT}:repository/nightly`;
const SECRET = `arn:aws:secretsmanager:ap-northeast-1:${ACCOUNT}:secret:nightly/db-AbCdEf`;
const PARAM = `arn:aws:ssm:ap-northeast-1:${ACCOUNT}:parameter/nightly/api-key`;
const KEY = `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

describe('permissions document', () => {
  test('logs only by default', () => {
    expect(ExecutionRolePolicy.permissions({ logGroupArn: LOG_GROUP })).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'WriteLogs',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: `${LOG_GROUP}:log-stream:*`,
      }],
    });
  });

  test('everything, in a fixed order', () => {
    const policy = ExecutionRolePolicy.permissions({ logGroupArn: `${LOG_GROUP}:*`, ecrRepositoryArn: REPO, secretArns: [SECRET, PARAM], kmsKeyArns: [KEY] });
    expect(policy.Statement).toEqual([
      { Sid: 'EcrAuthorizationToken', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
      { Sid: 'EcrPullImage', Effect: 'Allow', Action: ['ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'], Resource: REPO },
      { Sid: 'WriteLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${LOG_GROUP}:log-stream:*` },
      { Sid: 'ReadSecretsManagerSecrets', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: SECRET },
      { Sid: 'ReadSsmParameters', Effect: 'Allow', Action: 'ssm:GetParameters', Resource: PARAM },
      {
        Sid: 'DecryptSecrets',
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: KEY,
        Condition: { StringEquals: { 'kms:ViaService': ['secretsmanager.ap-northeast-1.amazonaws.com', 'ssm.ap-northeast-1.amazonaws.com'] } },
      },
    ]);
  });

  test('a Secrets Manager valueFrom with a JSON key is granted as the secret', () => {
    const policy = ExecutionRolePolicy.permissions({ logGroupArn: LOG_GROUP, secretArns: [`${SECRET}:password::`, `${SECRET}:username:AWSCURRENT:`] });
    expect(policy.Statement[1].Resource).toBe(SECRET);
  });

  test('every valueFrom form of the ECS guide is granted as its secret', () => {
    // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html
    for (const suffix of ['', ':username1::', '::AWSPREVIOUS:', ':::', ':password:AWSCURRENT:', ':::1a2b3c4d-5e6f']) {
      const policy = ExecutionRolePolicy.permissions({ logGroupArn: LOG_GROUP, secretsManagerSecretArns: [`${SECRET}${suffix}`] });
      expect([suffix, policy.Statement[1].Resource]).toEqual([suffix, SECRET]);
    }
  });

  test('kms:ViaService in the given region (a token) for the services in use', () => {
    const policy = ExecutionRolePolicy.permissions({
      logGroupArn: LOG_GROUP, ssmParameterArns: [PARAM], kmsKeyArns: ['${TfToken[TOKEN.5]}'], region: '${TfToken[TOKEN.6]}',
    });
    expect(policy.Statement[2]).toEqual({
      Sid: 'DecryptSecrets',
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: '${TfToken[TOKEN.5]}',
      Condition: { StringEquals: { 'kms:ViaService': 'ssm.${TfToken[TOKEN.6]}.amazonaws.com' } },
    });
  });

  test('terraformSecretArnExpression keeps the first seven parts', () => {
    expect(ExecutionRolePolicy.terraformSecretArnExpression('arn')).toBe('join(":", slice(split(":", arn), 0, 7))');
  });

  test('tokens: explicit per-service lists', () => {
    const policy = ExecutionRolePolicy.permissions({
      logGroupArn: '${TfToken[TOKEN.1]}',
      secretsManagerSecretArns: ['${TfToken[TOKEN.2]}'],
      ssmParameterArns: ['${TfToken[TOKEN.3]}', PARAM],
      ecrRepositoryArn: '${TfToken[TOKEN.4]}',
    });
    expect(policy.Statement.map((s: any) => s.Resource)).toEqual([
      '*', '${TfToken[TOKEN.4]}', '${TfToken[TOKEN.1]}:log-stream:*', '${TfToken[TOKEN.2]}', ['${TfToken[TOKEN.3]}', PARAM],
    ]);
  });

  test.each([
    [{ logGroupArn: `arn:aws:logs:ap-northeast-1:${ACCOUNT}:destination:x` }, 'logGroupArn', "logGroupArn: service is 'logs' but resource is 'destination:x', expected log-group:<name>"],
    [{ logGroupArn: `arn:aws:logs:ap-northeast-1:${ACCOUNT}:log-group:bad name` }, 'logGroupArn', "logGroupArn: log group name 'bad name' is not valid (1-512 letters, numbers, _, -, /, ., #)"],
    [{ ecrRepositoryArn: `arn:aws:ecr:ap-northeast-1:${ACCOUNT}:nightly` }, 'ecrRepositoryArn', "ecrRepositoryArn: service is 'ecr' but resource is 'nightly', expected repository/<name>"],
    [{ secretArns: [SECRET, 'arn:aws:s3:::bucket/secret'] }, 'secretArns[1]', "secretArns[1]: service is 's3' but expected 'secretsmanager' or 'ssm' (a Secrets Manager secret or SSM parameter ARN)"],
    [{ secretArns: ['${TfToken[TOKEN.9]}'] }, 'secretArns[0]', "secretArns[0]: '${TfToken[TOKEN.9]}' is an unresolved token, so its service cannot be told (pass it in secretsManagerSecretArns or ssmParameterArns)"],
    [{ secretArns: [`arn:aws:ssm:ap-northeast-1:${ACCOUNT}:document/x`] }, 'secretArns[0]', "secretArns[0]: service is 'ssm' but resource is 'document/x', expected parameter/<name>"],
    [{ secretsManagerSecretArns: [PARAM] }, 'secretsManagerSecretArns[0]', "secretsManagerSecretArns[0]: service is 'ssm' but expected 'secretsmanager' (arn:<partition>:secretsmanager:...:secret:<name>)"],
    [{ ssmParameterArns: [SECRET] }, 'ssmParameterArns[0]', "ssmParameterArns[0]: service is 'secretsmanager' but expected 'ssm' (arn:<partition>:ssm:...:parameter/<name>)"],
    [{ kmsKeyArns: [`arn:aws:kms:ap-northeast-1:${ACCOUNT}:alias/x`] }, 'kmsKeyArns[0]', "kmsKeyArns[0]: service is 'kms' but resource is 'alias/x', expected key/<key-id>"],
    [{ secretsManagerSecretArns: [`${SECRET}:password`] }, 'secretsManagerSecretArns[0]', `secretsManagerSecretArns[0]: '${SECRET}:password' is not a Secrets Manager valueFrom (arn:<partition>:secretsmanager:<region>:<account>:secret:<name>, optionally followed by :<json-key>:<version-stage>:<version-id>, each may be empty, e.g. :password::)`],
    [{ kmsKeyArns: [KEY] }, 'kmsKeyArns', 'kmsKeyArns: are given but there is no secret to decrypt (add secretsManagerSecrets or ssmParameters, or drop kmsKeyArns)'],
    [{ ssmParameterArns: [PARAM], kmsKeyArns: ['${TfToken[TOKEN.5]}'] }, 'region', 'region: is needed for kms:ViaService when a KMS key ARN is a token'],
  ])('rejects %j', (override, field, message) => {
    const error = errorOf(() => ExecutionRolePolicy.permissions({ logGroupArn: LOG_GROUP, ...override }));
    expect(error.field).toBe(field);
    expect(error.message).toBe(message);
  });
});

describe('IAM evaluation', () => {
  const policy = ExecutionRolePolicy.permissions({ logGroupArn: LOG_GROUP, ecrRepositoryArn: REPO, secretArns: [SECRET, PARAM] });

  test('pull from the repository, write to the log group, read the given secrets', async () => {
    expect(await identityDecision(policy, { action: 'ecr:GetAuthorizationToken', resource: '*' })).toBe('Allowed');
    for (const action of ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability']) {
      expect(await identityDecision(policy, { action, resource: REPO })).toBe('Allowed');
    }
    const stream = `${LOG_GROUP}:log-stream:ecs/nightly/0123456789abcdef`;
    expect(await identityDecision(policy, { action: 'logs:CreateLogStream', resource: stream })).toBe('Allowed');
    expect(await identityDecision(policy, { action: 'logs:PutLogEvents', resource: stream })).toBe('Allowed');
    expect(await identityDecision(policy, { action: 'secretsmanager:GetSecretValue', resource: SECRET })).toBe('Allowed');
    expect(await identityDecision(policy, { action: 'ssm:GetParameters', resource: PARAM })).toBe('Allowed');
  });

  test('nothing beyond them', async () => {
    expect(await identityDecision(policy, { action: 'ecr:BatchGetImage', resource: `arn:aws:ecr:ap-northeast-1:${ACCOUNT}:repository/other` })).toBe('ImplicitlyDenied');
    expect(await identityDecision(policy, { action: 'ecr:PutImage', resource: REPO })).toBe('ImplicitlyDenied');
    expect(await identityDecision(policy, { action: 'logs:PutLogEvents', resource: `arn:aws:logs:ap-northeast-1:${ACCOUNT}:log-group:/ecs/other:log-stream:x` })).toBe('ImplicitlyDenied');
    expect(await identityDecision(policy, { action: 'logs:PutLogEvents', resource: `arn:aws:logs:ap-northeast-1:${ACCOUNT}:log-group:/ecs/nightly-2:log-stream:x` })).toBe('ImplicitlyDenied');
    expect(await identityDecision(policy, { action: 'secretsmanager:GetSecretValue', resource: `arn:aws:secretsmanager:ap-northeast-1:${ACCOUNT}:secret:other-AbCdEf` })).toBe('ImplicitlyDenied');
    expect(await identityDecision(policy, { action: 'ssm:GetParameters', resource: `arn:aws:ssm:ap-northeast-1:${ACCOUNT}:parameter/other` })).toBe('ImplicitlyDenied');
    expect(await identityDecision(policy, { action: 'ssm:GetParameter', resource: PARAM })).toBe('ImplicitlyDenied');
  });

  test('without a repository there is no ECR access at all', async () => {
    const publicImage = ExecutionRolePolicy.permissions({ logGroupArn: LOG_GROUP });
    expect(await identityDecision(publicImage, { action: 'ecr:GetAuthorizationToken', resource: '*' })).toBe('ImplicitlyDenied');
    expect(await identityDecision(publicImage, { action: 'ecr:BatchGetImage', resource: REPO })).toBe('ImplicitlyDenied');
  });

  test('kms:Decrypt only on the given keys (with the default key policy, which delegates to IAM)', async () => {
    // https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam
    const defaultKeyPolicy = {
      Version: '2012-10-17',
      Statement: [{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' }],
    };
    const other = `arn:aws:kms:ap-northeast-1:${ACCOUNT}:key/0000abcd-12ab-34cd-56ef-1234567890ab`;
    const withKey = ExecutionRolePolicy.permissions({ logGroupArn: LOG_GROUP, secretsManagerSecretArns: [SECRET], kmsKeyArns: [KEY] });
    const via = (service: string) => ({ 'kms:ViaService': `${service}.ap-northeast-1.amazonaws.com` });
    const decrypt = (p: unknown, resource: string, context: Record<string, string>) =>
      identityDecision(p, { action: 'kms:Decrypt', resource, resourcePolicy: defaultKeyPolicy, context });
    expect(await decrypt(withKey, KEY, via('secretsmanager'))).toBe('Allowed');
    expect(await decrypt(withKey, other, via('secretsmanager'))).toBe('ImplicitlyDenied');
    // Only through Secrets Manager (the only secret service here), in the task's region.
    expect(await decrypt(withKey, KEY, via('ssm'))).toBe('ImplicitlyDenied');
    expect(await decrypt(withKey, KEY, { 'kms:ViaService': 'secretsmanager.us-east-1.amazonaws.com' })).toBe('ImplicitlyDenied');
    expect(await decrypt(withKey, KEY, { 'kms:ViaService': 's3.ap-northeast-1.amazonaws.com' })).toBe('ImplicitlyDenied');
    expect(await identityDecision(withKey, { action: 'kms:Encrypt', resource: KEY, resourcePolicy: defaultKeyPolicy, context: via('secretsmanager') })).toBe('ImplicitlyDenied');
    expect(await decrypt(policy, KEY, via('secretsmanager'))).toBe('ImplicitlyDenied');
    const ssmOnly = ExecutionRolePolicy.permissions({ logGroupArn: LOG_GROUP, ssmParameterArns: [PARAM], kmsKeyArns: [KEY] });
    expect(await decrypt(ssmOnly, KEY, via('ssm'))).toBe('Allowed');
    expect(await decrypt(ssmOnly, KEY, via('secretsmanager'))).toBe('ImplicitlyDenied');
  });
});

describe('trust', () => {
  const trust = ExecutionRolePolicy.trust({ accountId: ACCOUNT });
  const role = `arn:aws:iam::${ACCOUNT}:role/nightly-execution`;

  test('document', () => {
    expect(trust).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'EcsTasksAssumeExecutionRole',
        Effect: 'Allow',
        Principal: { Service: 'ecs-tasks.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
      }],
    });
  });

  test('ECS tasks of the account may assume it; another account or service may not', async () => {
    expect(await trustDecision(trust, { service: 'ecs-tasks.amazonaws.com', roleArn: role, context: { 'aws:SourceAccount': ACCOUNT } })).toBe('Allowed');
    expect(await trustDecision(trust, { service: 'ecs-tasks.amazonaws.com', roleArn: role, context: { 'aws:SourceAccount': '210987654321' } })).toBe('ImplicitlyDenied');
    expect(await trustDecision(trust, { service: 'lambda.amazonaws.com', roleArn: role, context: { 'aws:SourceAccount': ACCOUNT } })).toBe('ImplicitlyDenied');
  });

  test('rejects a bad account', () => {
    expect(errorOf(() => ExecutionRolePolicy.trust({ accountId: '1234567890123' })).message).toBe("accountId: account '1234567890123' must be 12 digits");
  });
});
