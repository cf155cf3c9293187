import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FargateSize } from '@ecs-batch/core';
import { analyze, MigrationReport } from '../../src';

/**
 * Lambda memory → the smallest Fargate pair with memory ≥ the Lambda's and vCPU ≥ memory / 1769 MB.
 * The edges: Lambda's smallest and largest sizes, one full vCPU (1769 MB), the old 3008 MB maximum,
 * and each side of the points where the CPU share needs the next CPU value.
 */
const TABLE: [number, number, number][] = [
  [128, 256, 512],
  [442, 256, 512],
  [443, 512, 1024],
  [512, 512, 1024],
  [1024, 1024, 2048],
  [1769, 1024, 2048],
  [1770, 2048, 4096],
  [3008, 2048, 4096],
  [3538, 2048, 4096],
  [3539, 4096, 8192],
  [10240, 8192, 16384],
];

describe('the Fargate size of each job', () => {
  let dir: string;
  let report: MigrationReport;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecs-batch-migrate-sizes-'));
    const functions = TABLE.map(([mb]) => `
  Mem${mb}Function:
    Type: AWS::Serverless::Function
    Properties:
      CodeUri: src/
      Handler: index.handler
      Runtime: nodejs22.x
      MemorySize: ${mb}
      Events:
        Nightly:
          Type: Schedule
          Properties:
            Schedule: cron(0 2 * * ? *)`).join('');
    writeFileSync(join(dir, 'template.yaml'), `Transform: AWS::Serverless-2016-10-31\nResources:${functions}\n`);
    report = await analyze(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(TABLE)('%d MB Lambda → cpu %d, memory %d, as core computes', (mb, cpu, memory) => {
    const job = report.jobs.find((j) => j.name === `mem${mb}`);
    expect(job).toBeDefined();
    expect(job!.memoryMb).toBe(mb);
    expect({ cpu: job!.cpu, memory: job!.memory }).toEqual({ cpu, memory });
    expect({ cpu: job!.cpu, memory: job!.memory }).toEqual(FargateSize.forLambda(mb));
    // and the pair is one Fargate accepts
    expect(() => FargateSize.validate(job!.cpu, job!.memory)).not.toThrow();
  });
});
