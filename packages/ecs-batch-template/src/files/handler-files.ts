import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { dirname, join, relative } from 'path';
import { Component, Project } from 'projen';
import { JobSettings } from '../private/job-settings';
import { NODE_SOURCE_EXTENSIONS } from '../private/lambda-migration';

/**
 * The job's code: `src/jobs/<job>/handler.ts`, a Lambda-style handler, and
 * `test/jobs/<job>.test.ts`, which runs it through the real runner library.
 *
 * Written once, when the handler file is absent: the handler is the team's code
 * from then on and projen never touches it again. The test comes with the
 * skeleton only, since a handler moved from Lambda has its own shape.
 */
export class HandlerFiles extends Component {
  /** Where the job's test lives. */
  public static testPath(job: JobSettings): string {
    return `test/jobs/${job.name}.test.ts`;
  }

  constructor(project: Project, private readonly job: JobSettings) {
    super(project, `HandlerFiles-${job.name}`);
  }

  public synthesize(): void {
    const handlerFile = join(this.project.outdir, this.job.handlerSource);
    // A handler moved from Lambda may be JavaScript (handler.js, report.mjs): any module file counts.
    const module = handlerFile.replace(/\.ts$/, '');
    if (NODE_SOURCE_EXTENSIONS.some((ext) => existsSync(`${module}${ext}`))) return;
    writeOnce(handlerFile, handlerSource(this.job));
    writeOnce(join(this.project.outdir, HandlerFiles.testPath(this.job)), testSource(this.job));
  }
}

function writeOnce(file: string, lines: string[]): void {
  if (existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, lines.join('\n') + '\n');
}

function pascal(name: string): string {
  return name.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
}

function handlerSource(job: JobSettings): string[] {
  const summary = `${pascal(job.name)}Summary`;
  return [
    "import type { LambdaContext } from '@ecs-batch/lambda-runner';",
    '',
    '/** The part of the EventBridge "Scheduled Event" this job reads. */',
    'export interface ScheduledEventFields {',
    "  readonly 'id'?: string;",
    "  readonly 'time'?: string;",
    "  readonly 'detail-type'?: string;",
    '}',
    '',
    '/** What one run reports; the runner logs it as the run\'s result. */',
    `export interface ${summary} {`,
    '  readonly job: string;',
    '  readonly requestId: string;',
    '  readonly scheduledTime: string;',
    '  readonly trigger: string;',
    '  readonly secondsLeft: number;',
    '}',
    '',
    '/**',
    ` * The ${job.name} job${job.description ? `: ${job.description}` : ''}.`,
    ' *',
    ' * A Lambda handler, unchanged in shape: ecs-batch-run calls it once per',
    ` * schedule (${job.scheduleDescription}) in its own ECS task, then exits.`,
    ' * Replace the body with the work; keep the signature.',
    ' */',
    `export async function ${job.handlerExport}(event: ScheduledEventFields, context: LambdaContext): Promise<${summary}> {`,
    `  console.log(JSON.stringify({ message: '${job.name} received its event', event }));`,
    `  const summary: ${summary} = {`,
    '    job: context.functionName,',
    '    requestId: context.awsRequestId,',
    "    scheduledTime: event.time ?? 'unscheduled',",
    "    trigger: event['detail-type'] ?? 'manual',",
    '    secondsLeft: Math.floor(context.getRemainingTimeInMillis() / 1000),',
    '  };',
    `  console.log(JSON.stringify({ message: '${job.name} finished', ...summary }));`,
    '  return summary;',
    '}',
  ];
}

function testSource(job: JobSettings): string[] {
  const testDir = dirname(HandlerFiles.testPath(job));
  const modulePath = relative(testDir, job.handlerSource.replace(/\.ts$/, '')).split('\\').join('/');
  return [
    "import { run, scheduledEvent } from '@ecs-batch/lambda-runner';",
    `import { ${job.handlerExport} } from '${modulePath}';`,
    '',
    `describe('${job.name} handler', () => {`,
    "  test('runs once under the runner and summarizes its scheduled event', async () => {",
    '    const logged: string[] = [];',
    "    const log = jest.spyOn(console, 'log').mockImplementation((line: string) => { logged.push(line); });",
    '    const runnerLines: string[] = [];',
    "    const event = scheduledEvent({ time: new Date('2024-06-01T17:00:00Z') });",
    '',
    '    const outcome = await run({',
    `      handler: ${job.handlerExport},`,
    '      event,',
    // In ECS the job name is the task definition family (ECS_BATCH_JOB_NAME).
    `      jobName: '${job.family}',`,
    `      timeoutSeconds: ${job.timeoutMinutes * 60},`,
    '      write: (line) => { runnerLines.push(line); },',
    '    });',
    '    log.mockRestore();',
    '',
    "    expect(outcome.status).toBe('succeeded');",
    '    expect(outcome.result).toEqual({',
    `      job: '${job.family}',`,
    '      requestId: outcome.awsRequestId,',
    "      scheduledTime: '2024-06-01T17:00:00Z',",
    "      trigger: 'Scheduled Event',",
    '      secondsLeft: expect.any(Number),',
    '    });',
    `    expect(logged.map((line) => JSON.parse(line))).toContainEqual({ message: '${job.name} received its event', event });`,
    "    expect(runnerLines.join('')).toContain('\"outcome\":\"succeeded\"');",
    '  });',
    '});',
  ];
}
