import { SsmParameterArn } from '../../src';
import { errorOf } from '../error-of';

const WHERE = { partition: 'aws', region: 'ap-northeast-1', account: '123456789012' };

test.each([
  ['/payments/db/host', 'arn:aws:ssm:ap-northeast-1:123456789012:parameter/payments/db/host'],
  ['db-host', 'arn:aws:ssm:ap-northeast-1:123456789012:parameter/db-host'],
  ['arn:aws:ssm:us-east-1:210987654321:parameter/shared/key', 'arn:aws:ssm:us-east-1:210987654321:parameter/shared/key'],
  ['${TfToken[TOKEN.1]}', '${TfToken[TOKEN.1]}'],
])('%s', (nameOrArn, arn) => {
  expect(SsmParameterArn.of({ nameOrArn, ...WHERE })).toBe(arn);
});

test('tokens for the account and region', () => {
  expect(SsmParameterArn.of({ nameOrArn: '/a/b', partition: 'aws', region: '${TfToken[TOKEN.2]}', account: '${TfToken[TOKEN.3]}' }))
    .toBe('arn:aws:ssm:${TfToken[TOKEN.2]}:${TfToken[TOKEN.3]}:parameter/a/b');
});

test.each([
  ['', 'ssmParameters.API_KEY: is empty (an SSM parameter ARN or name, e.g. /team/db/host)'],
  ['/a b', "ssmParameters.API_KEY: '/a b' is neither an SSM parameter ARN nor a parameter name (letters, numbers, . - _ and / between levels, at most 1011 characters)"],
  ['/a//b', "ssmParameters.API_KEY: '/a//b' is neither an SSM parameter ARN nor a parameter name (letters, numbers, . - _ and / between levels, at most 1011 characters)"],
  ['/aws/reserved', "ssmParameters.API_KEY: '/aws/reserved' starts with aws or ssm, which are reserved parameter name prefixes"],
  ['arn:aws:ssm:ap-northeast-1:123456789012:document/x', "ssmParameters.API_KEY: service is 'ssm' but resource is 'document/x', expected parameter/<name>"],
])('%j is refused', (nameOrArn, message) => {
  expect(errorOf(() => SsmParameterArn.of({ nameOrArn, ...WHERE, field: 'ssmParameters.API_KEY' })).message).toBe(message);
});

test('terraformExpression', () => {
  expect(SsmParameterArn.terraformExpression('v', 'local.p', 'local.r', 'local.a'))
    .toBe('startswith(v, "arn:") ? v : "arn:${local.p}:ssm:${local.r}:${local.a}:parameter/${trimprefix(v, "/")}"');
});
