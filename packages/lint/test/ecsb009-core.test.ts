/**
 * ECSB009 judges alerts by core's FailureAlert, the pattern EcsBatchJob and the
 * ecs-batch-job module deploy, and its fix is that pattern.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FailureAlert } from '@ecs-batch/core';
import { Linter } from '../src';

test('the fix is core\'s failed-run pattern for the family, which core counts as a full alert', async () => {
  const report = await Linter.lint({ paths: [join(__dirname, 'fixtures', 'ECSB009', 'bad')] });
  const finding = report.findings.find((f) => f.rule === 'ECSB009')!;
  expect(finding).toBeDefined();
  const json = /event_pattern = jsonencode\((.*)\) and a target/.exec(finding.fix)![1];
  const pattern = JSON.parse(json);
  expect(pattern).toEqual(FailureAlert.familyEventPattern('report'));
  expect(FailureAlert.coverage(pattern)).toEqual({ taskStateChanges: true, nonZeroExit: true, failedToStart: true });
});

test('the fix, pasted into the module as it says, silences ECSB009', async () => {
  const bad = join(__dirname, 'fixtures', 'ECSB009', 'bad', 'main.tf');
  const before = await Linter.lint({ paths: [join(__dirname, 'fixtures', 'ECSB009', 'bad')] });
  const fix = before.findings.find((f) => f.rule === 'ECSB009')!.fix;
  const pattern = /event_pattern = (jsonencode\(.*\)) and a target/.exec(fix)![1];
  const dir = mkdtempSync(join(tmpdir(), 'ecsb009-'));
  try {
    writeFileSync(join(dir, 'main.tf'), `${readFileSync(bad, 'utf8')}
resource "aws_cloudwatch_event_rule" "failed" {
  name          = "report-failed"
  event_pattern = ${pattern}
}
`);
    const after = await Linter.lint({ paths: [dir] });
    expect(after.unreadable).toEqual([]);
    expect(after.findings.filter((f) => f.rule === 'ECSB009')).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the rule\'s description names core\'s facts', () => {
  const rule = Linter.rules().find((r) => r.id === 'ECSB009')!;
  expect(rule.description).toContain(FailureAlert.FAILED_TO_START);
  expect(rule.description).toContain(FailureAlert.DETAIL_TYPE);
});
