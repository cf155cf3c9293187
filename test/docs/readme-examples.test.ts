/**
 * Every package README's examples run as written, in a user's project that
 * has the packages installed: TypeScript examples are doctests (see
 * support/ts-example.ts), console sessions are replayed and their output
 * compared, and shell lines that call our bins must succeed. Commands of other
 * tools (npm, projen) are what the end-to-end suite proves.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as ts from 'typescript';
import { ExampleProject, sessionSteps, shellSteps } from './support/console-session';
import { outputDiff } from './support/expected-output';
import { codeBlocks } from './support/markdown';
import { runTsExample } from './support/ts-example';

const ROOT = resolve(__dirname, '../..');
const PACKAGES = ['core', 'lambda-runner', 'migrate', 'ecs-batch-template', 'terraform-reader', 'lint'];
const tempDirs: string[] = [];
afterAll(() => tempDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A folder where `@ecs-batch/*` resolve to this checkout's builds and their bins are on PATH. */
function exampleProject(): ExampleProject {
  const dir = mkdtempSync(join(tmpdir(), 'readme-'));
  tempDirs.push(dir);
  const bins: string[] = [];
  mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
  for (const folder of ['core', 'cdktf', 'lambda-runner', 'migrate', 'ecs-batch-template', 'terraform-reader', 'lint']) {
    const pkgDir = join(ROOT, 'packages', folder);
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    mkdirSync(dirname(join(dir, 'node_modules', pkg.name)), { recursive: true });
    symlinkSync(pkgDir, join(dir, 'node_modules', pkg.name));
    for (const [bin, path] of Object.entries<string>(pkg.bin ?? {})) {
      symlinkSync(join(pkgDir, path), join(dir, 'node_modules/.bin', bin));
      bins.push(bin);
    }
  }
  const project = new ExampleProject(dir, bins);
  project.write('package.json', '{ "name": "example", "private": true }\n');
  return project;
}

/** `// dist/jobs/nightly.js: the handler` (or `# infra/main.tf` in HCL) opens a file the next examples use. */
function fileOf(code: string): string | undefined {
  return /^(?:\/\/|#) ([\w./-]+\.\w+)(?::|$)/.exec(code)?.[1];
}

async function checkReadme(readme: string): Promise<{ failures: string[]; checked: number }> {
  const name = readme.slice(ROOT.length + 1);
  const project = exampleProject();
  const failures: string[] = [];
  let checked = 0;
  for (const block of codeBlocks(readFileSync(readme, 'utf8'))) {
    const at = `${name}:${block.line}`;
    const file = ['js', 'ts', 'hcl'].includes(block.lang) ? fileOf(block.code) : undefined;
    if (file) {
      project.write(file, `${block.code}\n`);
    } else if (block.lang === 'ts' && !/^import /m.test(block.code)) {
      // A fragment of a file shown elsewhere (e.g. `project.addJob(…)` in .projenrc.ts): it must parse.
      const { diagnostics } = ts.transpileModule(block.code, { reportDiagnostics: true });
      failures.push(...(diagnostics ?? []).map((d) => `${at}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`));
      checked++;
    } else if (block.lang === 'ts') {
      failures.push(...(await runTsExample(block.code, block.line, project.dir)).map((f) => `${name}:${f.replace(/^line /, '')}`));
      checked++;
    } else if (block.lang === 'console') {
      for (const step of sessionSteps(block.code)) {
        const diff = project.replay(step);
        if (diff === undefined) continue;
        failures.push(...diff.map((d) => `${at} \`${step.command}\`, ${d}`));
        checked++;
      }
    } else if (block.lang === 'sh') {
      for (const step of shellSteps(block.code).filter((s) => project.runsOurBin(s.command))) {
        const result = project.run(step.command);
        if (result.status !== step.status) failures.push(`${at} \`${step.command}\` exited ${result.status}, not ${step.status}: ${result.output}`);
        if (step.output) failures.push(...outputDiff(result.output, step.output).map((d) => `${at} \`${step.command}\`, ${d}`));
        checked++;
      }
    }
  }
  return { failures, checked };
}

/** The guides whose examples show our packages' own behaviour (the others narrate a team's code). */
const GUIDES = ['docs/scheduling.md', 'docs/iam.md'];

describe.each([...PACKAGES.map((p) => `packages/${p}/README.md`), ...GUIDES])('%s', (path) => {
  test('its examples run and show what they print', async () => {
    const { failures, checked } = await checkReadme(join(ROOT, path));
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });
});
