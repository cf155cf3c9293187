import { EcrImage } from '../../src/arn';
import { ValidationError } from '../../src/errors';

test.each([
  ['123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/nightly:latest', 'arn:aws:ecr:ap-northeast-1:123456789012:repository/nightly'],
  ['123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/nightly', 'arn:aws:ecr:ap-northeast-1:123456789012:repository/nightly'],
  ['123456789012.dkr.ecr.us-east-1.amazonaws.com/team/jobs/nightly:1.2.3', 'arn:aws:ecr:us-east-1:123456789012:repository/team/jobs/nightly'],
  ['123456789012.dkr.ecr.us-east-1.amazonaws.com/nightly@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    'arn:aws:ecr:us-east-1:123456789012:repository/nightly'],
  ['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/nightly:v1', 'arn:aws-cn:ecr:cn-north-1:123456789012:repository/nightly'],
  ['123456789012.dkr.ecr.us-gov-west-1.amazonaws.com/nightly:v1', 'arn:aws-us-gov:ecr:us-gov-west-1:123456789012:repository/nightly'],
  ['123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/nightly:v1', 'arn:aws:ecr:us-east-1:123456789012:repository/nightly'],
])('%s -> %s', (image, arn) => {
  expect(EcrImage.repositoryArn(image)).toBe(arn);
});

test.each([
  'node:22',
  'docker.io/library/node:22',
  'public.ecr.aws/lambda/nodejs:22',
  'ghcr.io/org/job:1',
  'registry.example.com:5000/job:1',
])('%s is not private ECR: undefined', (image) => {
  expect(EcrImage.repositoryArn(image)).toBeUndefined();
});

test('a token cannot be classified', () => {
  expect(() => EcrImage.repositoryArn('${TfToken[TOKEN.1]}:latest')).toThrow(ValidationError);
  expect(() => EcrImage.repositoryArn('${TfToken[TOKEN.1]}:latest', 'containerImage'))
    .toThrow("containerImage: '${TfToken[TOKEN.1]}:latest' is an unresolved token, so its registry cannot be told (pass the repository ARN explicitly)");
});
