import { TaskDefinitionArn } from '../../arn';
import { Command } from '../command';

/** `ecs-batch arn family <arn>` */
export const ARN_FAMILY: Command = {
  group: 'arn',
  name: 'family',
  summary: 'the family ARN, all-revisions resource and revision of a task definition ARN',
  arguments: [{ name: 'arn', description: 'an ECS task definition ARN, with or without a revision' }],
  options: [],
  description: [
    'Strips the revision from an ECS task definition ARN. A schedule that targets the family ARN',
    'runs the latest ACTIVE revision; IAM must grant the all-revisions resource (<family>:*),',
    'because ECS authorizes RunTask against the resolved revision.',
    '',
    'JSON: {"familyArn":"...","allRevisions":"...:*","revision":3}; "revision" is null when the ARN has none.',
  ].join('\n'),
  examples: [
    'ecs-batch arn family arn:aws:ecs:us-east-1:123456789012:task-definition/sample_def:3',
    'ecs-batch arn family arn:aws:ecs:us-east-1:123456789012:task-definition/sample_def --json',
  ],
  run(args) {
    const td = TaskDefinitionArn.parse(args.positionals[0], 'arn');
    const revision = td.revision ?? null;
    return {
      json: { familyArn: td.familyArn, allRevisions: td.allRevisionsResource, revision },
      text: [
        `familyArn:    ${td.familyArn}`,
        `allRevisions: ${td.allRevisionsResource}`,
        `revision:     ${revision === null ? 'none (the ARN is revisionless)' : revision}`,
      ].join('\n'),
    };
  },
};
