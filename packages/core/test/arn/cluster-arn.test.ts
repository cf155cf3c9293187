import { ClusterArn } from '../../src/arn';
import { errorOf } from '../error-of';

test('parses a cluster ARN', () => {
  const cluster = ClusterArn.parse('arn:aws:ecs:ap-northeast-1:123456789012:cluster/batch-jobs');
  expect(cluster.arn).toBe('arn:aws:ecs:ap-northeast-1:123456789012:cluster/batch-jobs');
  expect(cluster.partition).toBe('aws');
  expect(cluster.region).toBe('ap-northeast-1');
  expect(cluster.account).toBe('123456789012');
  expect(cluster.name).toBe('batch-jobs');
  expect(cluster.taskArnPattern).toBe('arn:aws:ecs:ap-northeast-1:123456789012:task/batch-jobs/*');
});

test('in the China partition', () => {
  expect(ClusterArn.parse('arn:aws-cn:ecs:cn-north-1:123456789012:cluster/c').taskArnPattern)
    .toBe('arn:aws-cn:ecs:cn-north-1:123456789012:task/c/*');
});

test.each([
  ['arn:aws:ecs:us-east-1:123456789012:task-definition/x:1', "clusterArn: service is 'ecs' but resource is 'task-definition/x:1', expected cluster/<name>"],
  ['arn:aws:ecs:us-east-1:123456789012:cluster/', "clusterArn: cluster name '' is not valid (1-255 letters, numbers, hyphens and underscores)"],
  ['arn:aws:ecs:us-east-1:123456789012:cluster/a/b', "clusterArn: cluster name 'a/b' is not valid (1-255 letters, numbers, hyphens and underscores)"],
  ['arn:aws:sqs:us-east-1:123456789012:cluster/x', "clusterArn: service is 'sqs' but expected 'ecs' (arn:<partition>:ecs:...:cluster/<name>)"],
  ['arn:aws:ecs:us-east-1:12345:cluster/x', "clusterArn: account '12345' must be 12 digits"],
  ['default', "clusterArn: 'default' is not an ARN (expected arn:<partition>:<service>:<region>:<account>:<resource>)"],
])('rejects %j', (input, message) => {
  const error = errorOf(() => ClusterArn.parse(input));
  expect(error.field).toBe('clusterArn');
  expect(error.message).toBe(message);
});
