import { TaskDefinitionArn } from '../../src/arn';
import { errorOf } from '../error-of';

const BASE = 'arn:aws:ecs:us-east-1:123456789012:task-definition';

describe('TaskDefinitionArn.parse', () => {
  test('with a revision', () => {
    const td = TaskDefinitionArn.parse(`${BASE}/sample_def:3`);
    expect(td.arn).toBe(`${BASE}/sample_def:3`);
    expect(td.partition).toBe('aws');
    expect(td.region).toBe('us-east-1');
    expect(td.account).toBe('123456789012');
    expect(td.family).toBe('sample_def');
    expect(td.revision).toBe(3);
    expect(td.isRevisionless).toBe(false);
    expect(td.familyArn).toBe(`${BASE}/sample_def`);
    expect(td.allRevisionsResource).toBe(`${BASE}/sample_def:*`);
  });

  test('without a revision', () => {
    const td = TaskDefinitionArn.parse(`${BASE}/sample-def_2`);
    expect(td.revision).toBeUndefined();
    expect(td.isRevisionless).toBe(true);
    expect(td.familyArn).toBe(`${BASE}/sample-def_2`);
    expect(td.allRevisionsResource).toBe(`${BASE}/sample-def_2:*`);
  });

  test.each([
    ['aws-cn', 'cn-northwest-1'],
    ['aws-us-gov', 'us-gov-east-1'],
  ])('in partition %s', (partition, region) => {
    const td = TaskDefinitionArn.parse(`arn:${partition}:ecs:${region}:210987654321:task-definition/job:12`);
    expect(td.partition).toBe(partition);
    expect(td.familyArn).toBe(`arn:${partition}:ecs:${region}:210987654321:task-definition/job`);
  });

  test.each([
    ['not an ARN', 'nightly', "taskDefinitionArn: 'nightly' is not an ARN (expected arn:<partition>:<service>:<region>:<account>:<resource>)"],
    ['another resource type', 'arn:aws:ecs:us-east-1:123456789012:cluster/x', "taskDefinitionArn: service is 'ecs' but resource is 'cluster/x', expected task-definition/<family>[:<revision>]"],
    ['another service', 'arn:aws:lambda:us-east-1:123456789012:function:nightly', "taskDefinitionArn: service is 'lambda' but expected 'ecs' (arn:<partition>:ecs:...:task-definition/<family>[:<revision>])"],
    ['a short account', 'arn:aws:ecs:us-east-1:12345:task-definition/x:1', "taskDefinitionArn: account '12345' must be 12 digits"],
    ['no region', 'arn:aws:ecs::123456789012:task-definition/x:1', 'taskDefinitionArn: region is empty but ecs ARNs need one (e.g. us-east-1)'],
    ['revision 0', `${BASE}/x:0`, "taskDefinitionArn: revision '0' is not valid (a positive integer, e.g. task-definition/x:3)"],
    ['a non-numeric revision', `${BASE}/x:latest`, "taskDefinitionArn: revision 'latest' is not valid (a positive integer, e.g. task-definition/x:3)"],
    ['an empty revision', `${BASE}/x:`, "taskDefinitionArn: revision '' is not valid (a positive integer, e.g. task-definition/x:3)"],
    ['a wildcard revision', `${BASE}/x:*`, "taskDefinitionArn: revision '*' is a wildcard, not a task definition (pass the ARN of the family or of one revision; policies add ':*' themselves)"],
    ['an empty family', `${BASE}/`, "taskDefinitionArn: family '' is not valid (1-255 letters, numbers, hyphens and underscores)"],
    ['a family with a dot', `${BASE}/my.job:1`, "taskDefinitionArn: family 'my.job' is not valid (1-255 letters, numbers, hyphens and underscores)"],
    ['a family that is too long', `${BASE}/${'a'.repeat(256)}`, `taskDefinitionArn: family '${'a'.repeat(256)}' is not valid (1-255 letters, numbers, hyphens and underscores)`],
  ])('rejects %s', (_what, input, message) => {
    const error = errorOf(() => TaskDefinitionArn.parse(input));
    expect(error.field).toBe('taskDefinitionArn');
    expect(error.message).toBe(message);
  });

  test('a 255-character family is fine', () => {
    expect(TaskDefinitionArn.parse(`${BASE}/${'a'.repeat(255)}:1`).family).toHaveLength(255);
  });

  test('uses the given field', () => {
    expect(errorOf(() => TaskDefinitionArn.parse('x', '--task-definition-arn')).field).toBe('--task-definition-arn');
  });
});

describe('runTaskResource', () => {
  test('unpinned is every revision of the family', () => {
    expect(TaskDefinitionArn.parse(`${BASE}/job:7`).runTaskResource(false)).toBe(`${BASE}/job:*`);
    expect(TaskDefinitionArn.parse(`${BASE}/job`).runTaskResource(false)).toBe(`${BASE}/job:*`);
  });

  test('pinned is the exact revision', () => {
    expect(TaskDefinitionArn.parse(`${BASE}/job:7`).runTaskResource(true)).toBe(`${BASE}/job:7`);
  });

  test('pinning a revisionless ARN is an error', () => {
    const error = errorOf(() => TaskDefinitionArn.parse(`${BASE}/job`).runTaskResource(true));
    expect(error.field).toBe('pinRevision');
    expect(error.message).toBe(`pinRevision: needs a task definition ARN with a revision, but '${BASE}/job' has none (e.g. ${BASE}/job:3)`);
  });
});

describe('Terraform forms', () => {
  test('REVISION_SUFFIX_PATTERN is the Terraform regex literal /:\\d+$/', () => {
    expect(TaskDefinitionArn.REVISION_SUFFIX_PATTERN).toBe('/:' + '\\' + 'd+$/');
    // The same regex, applied the way Terraform's replace() applies it.
    const regex = new RegExp(TaskDefinitionArn.REVISION_SUFFIX_PATTERN.slice(1, -1));
    expect(`${BASE}/job:12`.replace(regex, '')).toBe(`${BASE}/job`);
    expect(`${BASE}/job`.replace(regex, '')).toBe(`${BASE}/job`);
  });

  test('terraformFamilyExpression produces the HCL source replace(<expr>, "/:\\\\d+$/", "")', () => {
    const hcl = TaskDefinitionArn.terraformFamilyExpression('aws_ecs_task_definition.this.arn');
    expect(hcl).toBe('replace(aws_ecs_task_definition.this.arn, "/:\\\\d+$/", "")');
    // Character by character, as it must appear in a .tf file.
    expect(hcl).toBe(String.raw`replace(aws_ecs_task_definition.this.arn, "/:\\d+$/", "")`);
  });

  test('terraformFamilyExpression unwraps one whole interpolation', () => {
    expect(TaskDefinitionArn.terraformFamilyExpression('${aws_ecs_task_definition.this.arn}'))
      .toBe(String.raw`replace(aws_ecs_task_definition.this.arn, "/:\\d+$/", "")`);
    expect(TaskDefinitionArn.terraformFamilyExpression(' var.task_definition_arn '))
      .toBe(String.raw`replace(var.task_definition_arn, "/:\\d+$/", "")`);
  });

  test('terraformFamilyExpression rejects CDKTF tokens and empty input', () => {
    expect(errorOf(() => TaskDefinitionArn.terraformFamilyExpression('${TfToken[TOKEN.4]}')).message)
      .toBe("expression: '${TfToken[TOKEN.4]}' is a CDKTF token, which cannot be wrapped in HCL source (use Fn.replace(arn, TaskDefinitionArn.REVISION_SUFFIX_PATTERN, ''))");
    expect(errorOf(() => TaskDefinitionArn.terraformFamilyExpression('  ')).message)
      .toBe('expression: is empty (expected a Terraform expression such as aws_ecs_task_definition.this.arn)');
  });

  test('allRevisionsResourceOf appends :* to a literal family ARN or a token', () => {
    expect(TaskDefinitionArn.allRevisionsResourceOf(`${BASE}/job`)).toBe(`${BASE}/job:*`);
    expect(TaskDefinitionArn.allRevisionsResourceOf('${TfToken[TOKEN.9]}')).toBe('${TfToken[TOKEN.9]}:*');
    const hcl = '${' + TaskDefinitionArn.terraformFamilyExpression('aws_ecs_task_definition.this.arn') + '}';
    expect(TaskDefinitionArn.allRevisionsResourceOf(hcl)).toBe('${' + String.raw`replace(aws_ecs_task_definition.this.arn, "/:\\d+$/", "")` + '}:*');
  });

  test('allRevisionsResourceOf rejects an ARN with a revision', () => {
    const error = errorOf(() => TaskDefinitionArn.allRevisionsResourceOf(`${BASE}/job:4`));
    expect(error.field).toBe('taskDefinitionFamilyArn');
    expect(error.message).toBe(`taskDefinitionFamilyArn: '${BASE}/job:4' has revision 4 (expected the family ARN without a revision: ${BASE}/job)`);
  });
});
