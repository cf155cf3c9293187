import { Arn } from '../../src/arn';
import { errorOf } from '../error-of';

describe('Arn.parse', () => {
  test('splits the five parts and keeps colons inside the resource', () => {
    const arn = Arn.parse('arn:aws:logs:us-east-1:123456789012:log-group:/ecs/job:log-stream:abc');
    expect(arn.partition).toBe('aws');
    expect(arn.service).toBe('logs');
    expect(arn.region).toBe('us-east-1');
    expect(arn.account).toBe('123456789012');
    expect(arn.resource).toBe('log-group:/ecs/job:log-stream:abc');
  });

  test.each([
    ['aws', 'us-east-1'],
    ['aws', 'ap-northeast-1'],
    ['aws', 'eu-central-2'],
    ['aws-cn', 'cn-north-1'],
    ['aws-cn', 'cn-northwest-1'],
    ['aws-us-gov', 'us-gov-west-1'],
    ['aws-us-gov', 'us-gov-east-1'],
  ])('accepts partition %s with region %s', (partition, region) => {
    const arn = Arn.parse(`arn:${partition}:ecs:${region}:123456789012:cluster/default`);
    expect(arn.partition).toBe(partition);
    expect(arn.region).toBe(region);
  });

  test('IAM ARNs are global: no region, an account', () => {
    const arn = Arn.parse('arn:aws:iam::123456789012:role/service-role/exec');
    expect(arn.region).toBe('');
    expect(arn.account).toBe('123456789012');
    expect(arn.resource).toBe('role/service-role/exec');
  });

  test('AWS managed IAM policies use the pseudo-account aws', () => {
    expect(Arn.parse('arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy').account).toBe('aws');
  });

  test('S3 buckets have neither region nor account', () => {
    const arn = Arn.parse('arn:aws:s3:::my-bucket/key');
    expect(arn.region).toBe('');
    expect(arn.account).toBe('');
  });

  test('unknown services are checked leniently but still need well-formed parts', () => {
    expect(Arn.parse('arn:aws:newservice:us-west-2:123456789012:thing/x').service).toBe('newservice');
    expect(errorOf(() => Arn.parse('arn:aws:newservice:us-west-2:1234:thing/x')).message)
      .toBe("arn: account '1234' must be 12 digits");
  });

  test.each([
    ['', 'arn: is empty (expected arn:<partition>:<service>:<region>:<account>:<resource>)'],
    ['not-an-arn', "arn: 'not-an-arn' is not an ARN (expected arn:<partition>:<service>:<region>:<account>:<resource>)"],
    ['arn:aws:ecs:us-east-1:123456789012', "arn: 'arn:aws:ecs:us-east-1:123456789012' is not an ARN (expected arn:<partition>:<service>:<region>:<account>:<resource>)"],
    ['urn:aws:ecs:us-east-1:123456789012:cluster/x', "arn: 'urn:aws:ecs:us-east-1:123456789012:cluster/x' is not an ARN (expected arn:<partition>:<service>:<region>:<account>:<resource>)"],
    ['arn:aws-iso:ecs:us-iso-east-1:123456789012:cluster/x', "arn: partition 'aws-iso' is not supported (aws, aws-cn, aws-us-gov)"],
    ['arn:aws:ECS:us-east-1:123456789012:cluster/x', "arn: service 'ECS' is not valid (lowercase letters, digits and '-', e.g. ecs)"],
    ['arn:aws:ecs::123456789012:cluster/x', 'arn: region is empty but ecs ARNs need one (e.g. us-east-1)'],
    ['arn:aws:ecs:useast1:123456789012:cluster/x', "arn: region 'useast1' is not a region name (e.g. us-east-1, ap-northeast-1, cn-north-1, us-gov-west-1)"],
    ['arn:aws:ecs:cn-north-1:123456789012:cluster/x', "arn: region 'cn-north-1' is not in partition 'aws' (it is in 'aws-cn')"],
    ['arn:aws-cn:ecs:us-east-1:123456789012:cluster/x', "arn: region 'us-east-1' is not in partition 'aws-cn' (it is in 'aws')"],
    ['arn:aws-us-gov:ecs:us-east-1:123456789012:cluster/x', "arn: region 'us-east-1' is not in partition 'aws-us-gov' (it is in 'aws')"],
    ['arn:aws:iam:us-east-1:123456789012:role/x', "arn: region 'us-east-1' must be empty for iam (iam ARNs are global: arn:<partition>:iam::<account>:<resource>)"],
    ['arn:aws:ecs:us-east-1::cluster/x', 'arn: account is empty but ecs ARNs need one (12 digits)'],
    ['arn:aws:ecs:us-east-1:12345:cluster/x', "arn: account '12345' must be 12 digits"],
    ['arn:aws:ecs:us-east-1:12345678901a:cluster/x', "arn: account '12345678901a' must be 12 digits"],
    ['arn:aws:iam::aws:role/x', "arn: account 'aws' must be 12 digits"],
    ['arn:aws:ecs:us-east-1:123456789012:', 'arn: resource is empty (expected arn:<partition>:<service>:<region>:<account>:<resource>)'],
  ])('rejects %j', (input, message) => {
    const error = errorOf(() => Arn.parse(input));
    expect(error.field).toBe('arn');
    expect(error.message).toBe(message);
  });

  test('names the given field', () => {
    const error = errorOf(() => Arn.parse('nope', '--cluster-arn'));
    expect(error.field).toBe('--cluster-arn');
    expect(error.message).toBe("--cluster-arn: 'nope' is not an ARN (expected arn:<partition>:<service>:<region>:<account>:<resource>)");
  });

  test('refuses to parse a token', () => {
    expect(errorOf(() => Arn.parse('${TfToken[TOKEN.12]}')).message)
      .toBe("arn: '${TfToken[TOKEN.12]}' is an unresolved token and cannot be parsed at synth time (pass a literal ARN, or let the builder pass the token through)");
  });
});

describe('Arn.format', () => {
  test('joins and validates literal parts', () => {
    expect(Arn.format({ partition: 'aws-cn', service: 'ecs', region: 'cn-north-1', account: '123456789012', resource: 'cluster/c' }))
      .toBe('arn:aws-cn:ecs:cn-north-1:123456789012:cluster/c');
  });

  test('round-trips parse', () => {
    const text = 'arn:aws-us-gov:events:us-gov-west-1:123456789012:rule/bus/nightly';
    expect(Arn.format(Arn.parse(text))).toBe(text);
  });

  test('rejects invalid literal parts', () => {
    expect(errorOf(() => Arn.format({ partition: 'aws', service: 'ecs', region: 'us-east-1', account: '12345', resource: 'cluster/c' })).message)
      .toBe("arn: account '12345' must be 12 digits");
  });

  test('passes token parts through unvalidated', () => {
    expect(Arn.format({ partition: 'aws', service: 'ecs', region: '${data.aws_region.current.name}', account: '${TfToken[TOKEN.3]}', resource: 'cluster/c' }))
      .toBe('arn:aws:ecs:${data.aws_region.current.name}:${TfToken[TOKEN.3]}:cluster/c');
  });
});

describe('Arn.isToken', () => {
  test.each([
    ['${TfToken[TOKEN.1]}', true],
    ['arn:aws:ecs:us-east-1:123456789012:cluster/${TfToken[TOKEN.1]}', true],
    ['#{TfToken[TOKEN.7]}', true],
    ['${aws_ecs_cluster.this.arn}', true],
    ['arn:aws:ecs:us-east-1:123456789012:cluster/x', false],
    ['', false],
    ['$notinterpolation', false],
  ])('%j -> %s', (value, expected) => {
    expect(Arn.isToken(value)).toBe(expected);
  });
});
