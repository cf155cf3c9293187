/**
 * Every `uses:` step of every workflow, the monorepo's and both generated
 * flavours', against the action.yml vendored at its pinned SHA
 * (test/fixtures/actions, written by `npx projen actions:update`): pinned to a
 * full SHA with its tag in a comment, node24, valid inputs, required inputs
 * given; and the token rules: `permissions: {}` at the top, per-job rights,
 * `id-token: write` only where a role is assumed or a package is published with
 * provenance, no `secrets: inherit`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { synthSnapshot } from 'projen/lib/util/synth';
import { parse as parseYaml } from 'yaml';
import { checkWorkflow } from './support/workflow-check';
import { ACTION_PINS } from '../../packages/ecs-batch-template/src/private/pins';
import { EcsBatchProject } from 'ecs-batch-template';

const ROOT = resolve(__dirname, '..', '..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function teamWorkflows(infra: string): Record<string, string> {
  const outdir = mkdtempSync(join(tmpdir(), `workflows-${infra}-`));
  dirs.push(outdir);
  const out = synthSnapshot(new EcsBatchProject({ name: 'payments-batch', team: 'payments', infra, outdir }));
  return Object.fromEntries(Object.entries(out).filter(([path]) => path.startsWith('.github/workflows/')).map(([p, c]) => [`${infra}:${p}`, c as string]));
}

const monorepo = Object.fromEntries(readdirSync(join(ROOT, '.github', 'workflows')).map((f) =>
  [`monorepo:.github/workflows/${f}`, readFileSync(join(ROOT, '.github', 'workflows', f), 'utf8')]));
const all: Record<string, string> = { ...monorepo, ...teamWorkflows('cdktf'), ...teamWorkflows('hcl') };

describe('every workflow', () => {
  test('covers the monorepo\'s build and release, and each flavour\'s build, deploy, release and upgrade', () => {
    expect(Object.keys(all).sort()).toEqual([
      'cdktf:.github/workflows/build.yml', 'cdktf:.github/workflows/deploy.yml', 'cdktf:.github/workflows/release.yml', 'cdktf:.github/workflows/upgrade.yml',
      'hcl:.github/workflows/build.yml', 'hcl:.github/workflows/deploy.yml', 'hcl:.github/workflows/release.yml', 'hcl:.github/workflows/upgrade.yml',
      'monorepo:.github/workflows/build.yml', 'monorepo:.github/workflows/release.yml',
    ]);
  });

  test.each(Object.keys(all))('%s: pinned, valid actions and least token rights', (file) => {
    expect(checkWorkflow(ROOT, file, all[file])).toEqual([]);
  });

  test('every pinned action is used somewhere, so a stale pin is noticed', () => {
    const used = new Set(Object.values(all).flatMap((text) => [...text.matchAll(/uses:\s+([\w.-]+\/[\w.-]+(?:\/[\w.-]+)*)@/g)].map((m) => m[1])));
    expect(ACTION_PINS.map((p) => p.repo).filter((repo) => !used.has(repo))).toEqual([]);
  });
});

describe('the check fails what GitHub or a reviewer would refuse', () => {
  const release = all['cdktf:.github/workflows/release.yml'];
  const problems = (text: string) => checkWorkflow(ROOT, 'broken.yml', text);
  const changesets = ACTION_PINS.find((p) => p.repo === 'changesets/action')!;

  test('the inputs changesets/action v1 took (v2 renamed them)', () => {
    const broken = release.replace('version-script:', 'version:').replace('create-github-releases:', 'createGithubReleases:');
    expect(problems(broken)).toEqual([
      expect.stringContaining("input 'version' is not an input of changesets/action@v2"),
      expect.stringContaining("input 'createGithubReleases' is not an input"),
    ]);
  });

  test('a mutable tag, a SHA without its tag comment, a wrong tag comment', () => {
    expect(problems(release.replace(`changesets/action@${changesets.sha} # ${changesets.tag}`, 'changesets/action@v2')))
      .toEqual([expect.stringContaining("pinned to 'v2', not a full commit SHA")]);
    expect(problems(release.replace(` # ${changesets.tag}`, ''))).toEqual([expect.stringContaining(`needs the comment '# ${changesets.tag}'`)]);
    expect(problems(release.replace(` # ${changesets.tag}`, ' # v1.4.0'))).toEqual([expect.stringContaining('needs the comment')]);
  });

  test('a missing required input', () => {
    const deploy = all['hcl:.github/workflows/deploy.yml'];
    const broken = deploy.replace(/\n\s+aws-region: \$\{\{ env\.AWS_REGION \}\}/, '');
    expect(problems(broken)).toContainEqual(expect.stringContaining("required input 'aws-region' is not given"));
  });

  test('an unvendored SHA, and an action on node20', () => {
    const other = 'a'.repeat(40);
    expect(problems(release.replace(changesets.sha, other))).toContainEqual(expect.stringContaining('is not the pinned'));
    const node20 = parseYaml(readFileSync(join(ROOT, 'test/fixtures/actions/changesets/action', `${changesets.sha}.yml`), 'utf8'));
    expect(node20.runs.using).toBe('node24');
  });

  test('workflow-wide write rights, secrets: inherit, id-token on a job that assumes nothing', () => {
    const wide = release.replace('permissions: {}\njobs:', 'permissions:\n  contents: write\njobs:');
    expect(problems(wide)).toEqual([expect.stringContaining('the workflow grants {"contents":"write"}')]);
    const inherit = release.replace('    uses: ./.github/workflows/deploy.yml\n', '    uses: ./.github/workflows/deploy.yml\n    secrets: inherit\n');
    expect(problems(inherit)).toEqual([expect.stringContaining('`secrets: inherit`')]);
    const build = all['hcl:.github/workflows/build.yml'];
    const idToken = build.replace('      actions: read\n    strategy:', '      actions: read\n      id-token: write\n    strategy:');
    expect(idToken).not.toBe(build);
    expect(problems(idToken)).toEqual([expect.stringContaining('`id-token: write` without assuming a role')]);
  });
});
