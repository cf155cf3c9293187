import { spawnSync } from 'child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Linter } from '@ecs-batch/lint';
import { LINT_SARIF_FILE, LintInfra } from '../../src/files/lint-infra';
import { newProject, synth, synthInPlace, tempDir } from '../fixtures';

const repoRoot = join(__dirname, '..', '..', '..', '..');

describe('LintInfra', () => {
  test.each(['hcl', 'cdktf'] as const)('%s: lint:infra runs ecs-batch-lint on the Terraform dir, in the build after the infra synthesizes', (infra) => {
    const out = synth(newProject({ infra }));
    const tasks = out['.projen/tasks.json'].tasks;
    const dir = infra === 'hcl' ? 'infra' : 'cdktf.out/stacks/payments-batch';
    expect(tasks['lint:infra'].steps).toEqual([{ exec: `ecs-batch-lint ${dir}`, receiveArgs: true }]);
    const postCompile = tasks['post-compile'].steps.map((s: { spawn?: string }) => s.spawn);
    expect(postCompile).toContain('lint:infra');
    if (infra === 'cdktf') expect(postCompile.indexOf('synth:infra')).toBeLessThan(postCompile.indexOf('lint:infra'));
    expect(out['package.json'].devDependencies['@ecs-batch/lint']).toMatch(/^\d+\.\d+\.\d+/);
  });
});

/** The line build.yml runs, in bash -e as GitHub runs `run:`, with the real linter. */
describe('LintInfra.sarifCommand', () => {
  const fixtures = join(repoRoot, 'packages', 'lint', 'test', 'fixtures', 'ECSB002');
  const run = (infra: string) => {
    const dir = tempDir();
    cpSync(infra, join(dir, 'infra'), { recursive: true });
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
    const result = spawnSync('bash', ['-e', '-c', LintInfra.sarifCommand('infra')], { cwd: dir, encoding: 'utf8' });
    const sarif = () => JSON.parse(readFileSync(join(dir, LINT_SARIF_FILE), 'utf8'));
    return { status: result.status, stderr: result.stderr, sarif };
  };

  test('findings that fail the build (exit 1): the step passes, and their SARIF is written for the upload', () => {
    const bad = run(join(fixtures, 'bad'));
    expect(bad.status).toBe(0);
    const results = bad.sarif().runs[0].results;
    expect(results.map((r: { ruleId: string }) => r.ruleId)).toContain('ECSB002');
    expect(results.find((r: { ruleId: string }) => r.ruleId === 'ECSB002').locations[0].physicalLocation.artifactLocation.uri).toMatch(/^infra\//);
  });

  test('clean infra: exit 0, a SARIF without results', () => {
    const good = run(join(fixtures, 'good'));
    expect(good.status).toBe(0);
    expect(good.sarif().version).toBe('2.1.0');
  });

  test('input it cannot read (ecs-batch-lint exits 2) fails the step, naming the file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'main.tf'), 'resource "aws_cloudwatch_event_target" "x" {\n');
    const broken = run(dir);
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toContain('main.tf');
  });
});

/** Dogfooding: what the template generates lints clean, in both flavours. */
describe('the generated infra lints clean', () => {
  test('hcl: the root module, its tfvars and the vendored modules', async () => {
    const dir = tempDir();
    const project = newProject({ infra: 'hcl', alertEmail: 'ops@example.com' }, dir);
    project.addJob({ name: 'weekly', schedule: 'cron(0 9 ? * MON *)', trigger: 'rule', timeZone: 'Asia/Tokyo' });
    synthInPlace(project);
    const report = await Linter.lint({ paths: [join(dir, 'infra')] });
    expect(report.unreadable).toEqual([]);
    // Two roots: the stack, and the bootstrap an administrator applies once.
    expect(report.roots.map((r) => r.replace(/^.*?(infra)/, '$1'))).toEqual(['infra', 'infra/bootstrap']);
    expect(report.findings).toEqual([]);
  });

  test('cdktf: the synthesized cdk.tf.json', async () => {
    const dir = tempDir();
    const project = newProject({ alertEmail: 'ops@example.com' }, dir);
    project.addJob({ name: 'weekly', schedule: 'cron(0 9 ? * MON *)', trigger: 'rule', timeZone: 'Asia/Tokyo' });
    synthInPlace(project);
    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
    const script = [
      "require('ts-node').register({ project: 'infra/tsconfig.json', transpileOnly: true });",
      "const { Testing } = require('cdktf');",
      "const { BatchStack } = require('./infra/main');",
      "process.stdout.write(Testing.synth(new BatchStack(Testing.app(), 'test')));",
    ].join('\n');
    const result = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    writeFileSync(join(dir, 'cdk.tf.json'), result.stdout);
    const report = await Linter.lint({ paths: [join(dir, 'cdk.tf.json')] });
    expect(report.unreadable).toEqual([]);
    // It did read the stack: a schedule and a rule for the two jobs.
    const stack = JSON.parse(result.stdout);
    expect(Object.keys(stack.resource)).toEqual(expect.arrayContaining(['aws_scheduler_schedule', 'aws_cloudwatch_event_target']));
    expect(report.findings).toEqual([]);

    // The same stack with RunTask on the bare family ARN: the linter sees into the synthesized policy.
    const policies = Object.values<any>(stack.resource.aws_iam_role_policy).filter((p) => p.policy.includes('ecs:RunTask'));
    expect(policies.length).toBeGreaterThan(0);
    for (const p of policies) p.policy = p.policy.replace(/("\)\}):\*"/g, '$1"');
    writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(stack, undefined, 2));
    const rules = (await Linter.lint({ paths: [join(dir, 'cdk.tf.json')] })).findings.map((f) => f.rule);
    expect(rules).toContain('ECSB002');
  });
});
