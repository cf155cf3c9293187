import { chmodSync, mkdirSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { runMigrationAnalyzer } from '../../src/private/migration-analyzer';
import { PackageAssets } from '../../src/private/package-assets';
import { errorOf, tempDir } from '../fixtures';

const FIXTURES = resolve(__dirname, '..', '..', '..', 'migrate', 'test', 'fixtures');
const pinned = () => PackageAssets.packageVersion('@ecs-batch/migrate');

describe('runMigrationAnalyzer', () => {
  test('runs the installed analyzer when it is the pinned version (here, the workspace\'s)', () => {
    const { report, analyzer } = runMigrationAnalyzer(join(FIXTURES, 'sam-app'), tempDir());
    expect(analyzer).toBe(`@ecs-batch/migrate@${pinned()}`);
    expect(report.jobs.map((j) => j.name)).toEqual(['nightly-report', 'cleanup', 'prod-ledger-sync-every15', 'prod-ledger-sync-weekly']);
    expect(report.addJob.map((a) => a.job)).toEqual(report.jobs.map((j) => j.name));
  });

  test('otherwise runs npx --yes @ecs-batch/migrate@<pinned>, and reports its failure naming --migrate-from', () => {
    const outdir = tempDir();
    // Another version is installed where the project resolves it: not the one the template pins.
    const installed = join(outdir, 'node_modules', '@ecs-batch', 'migrate');
    mkdirSync(installed, { recursive: true });
    writeFileSync(join(installed, 'package.json'), JSON.stringify({ name: '@ecs-batch/migrate', version: '9.9.9', bin: { 'ecs-batch-migrate': 'bin.js' } }));
    // A stand-in npx on PATH says how it was called, the way the analyzer reports unreadable input.
    const bin = tempDir();
    writeFileSync(join(bin, 'npx'), [
      '#!/bin/sh',
      'echo "npm warn exec The following package was not found and will be installed" >&2',
      'if [ "$3" = "unparseable" ]; then echo "ecs-batch-migrate: npx $*" >&2; exit 1; fi',
      'echo "npm error code E404" >&2; echo "npm error 404 Not Found - GET http://127.0.0.1/@ecs-batch%2fmigrate" >&2; exit 1',
    ].join('\n'));
    chmodSync(join(bin, 'npx'), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    try {
      mkdirSync(join(outdir, 'unparseable'));
      // The analyzer's own message (exit 1: unreadable input) is passed on as it is...
      expect(errorOf(() => runMigrationAnalyzer('unparseable', outdir)))
        .toBe(`--migrate-from: npx --yes @ecs-batch/migrate@${pinned()} unparseable --template-json`);
      // A deploy's inputs reach the analyzer as its own flags (--migrate-var as --var, --migrate-var-file as --var-file).
      writeFileSync(join(outdir, 'prod.tfvars'), 'env = "prod"\n');
      const inputs = { stage: 'prod', parameters: ['Stage=prod', 'Rate=rate(1 hour)'], vars: ['env=prod'], varFiles: ['prod.tfvars'] };
      expect(errorOf(() => runMigrationAnalyzer('unparseable', outdir, inputs)))
        .toBe(`--migrate-from: npx --yes @ecs-batch/migrate@${pinned()} unparseable --template-json --stage prod `
          + '--parameter-overrides Stage=prod --parameter-overrides Rate=rate(1 hour) --var env=prod --var-file prod.tfvars');
      // A var file that is not one, or does not exist, names the template's flag before the analyzer runs.
      expect(errorOf(() => runMigrationAnalyzer('unparseable', outdir, { varFiles: ['prod.env'] })))
        .toBe('--migrate-var-file: prod.env is not a .tfvars or .tfvars.json file (e.g. ../legacy-lambdas/prod.tfvars)');
      expect(errorOf(() => runMigrationAnalyzer('unparseable', outdir, { varFiles: ['qa.tfvars.json'] })))
        .toBe('--migrate-var-file: qa.tfvars.json does not exist (a .tfvars or .tfvars.json file, relative to the new repo)');
      // ...while npm's own failure says the analyzer could not be run, and why.
      expect(errorOf(() => runMigrationAnalyzer('.', outdir))).toBe(`--migrate-from: could not run @ecs-batch/migrate@${pinned()} through npx `
        + '(npm error code E404; npm error 404 Not Found - GET http://127.0.0.1/@ecs-batch%2fmigrate)');
    } finally {
      process.env.PATH = path;
    }
  });

  test('an empty or missing path fails before the analyzer runs', () => {
    expect(errorOf(() => runMigrationAnalyzer('', tempDir()))).toMatch(/^--migrate-from: is empty/);
    expect(errorOf(() => runMigrationAnalyzer('../nowhere-to-be-found', tempDir())))
      .toBe('--migrate-from: ../nowhere-to-be-found does not exist (a folder of Terraform, AWS SAM or Serverless Framework files, relative to the new repo)');
  });
});
