/**
 * What a core minor release does to the construct packages, which take core as a
 * peer dependency (issue 13, item 6): the real `changeset version` (changesets 3)
 * runs on a copy of this workspace's package.json files and `.changeset/config.json`
 * with one changeset, `"@ecs-batch/core": minor`.
 *
 * changesets 3 gives a peer dependent a patch, never a forced major
 * (https://github.com/changesets/changesets/pull/2090); what is left to get right
 * is the range: a patch release of the constructs must still accept the core a team
 * has. See docs/releasing.md.
 */
import { execFileSync } from 'child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const CHANGESET = join(ROOT, 'node_modules', '@changesets', 'cli', 'bin.js');
const CORE = '@ecs-batch/core';
const CONSTRUCTS = ['@ecs-batch/cdktf', '@ecs-batch/cdktn'];

interface Manifest {
  name: string;
  version: string;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
}

type Edit = (config: any, manifests: Manifest[]) => void;

/** The workspace's manifests, by name. */
function manifests(root: string): Map<string, Manifest> {
  return new Map(readdirSync(join(root, 'packages')).map((dir) => {
    const m = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as Manifest;
    return [m.name, m];
  }));
}

/** Runs `changeset version` with a core-minor changeset on a copy of the workspace, edited first by `edit`. */
function versionCoreMinor(edit: Edit = () => {}): { before: Map<string, Manifest>; after: Map<string, Manifest> } {
  const dir = mkdtempSync(join(tmpdir(), 'peer-dependency-'));
  try {
    const rootManifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: rootManifest.name, private: true, workspaces: rootManifest.workspaces }, null, 2));
    // changesets finds npm workspaces by their lockfile.
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: rootManifest.name, lockfileVersion: 3, requires: true, packages: {} }));
    for (const ws of rootManifest.workspaces as string[]) {
      mkdirSync(join(dir, ws), { recursive: true });
      cpSync(join(ROOT, ws, 'package.json'), join(dir, ws, 'package.json'));
    }
    mkdirSync(join(dir, '.changeset'));
    const config = JSON.parse(readFileSync(join(ROOT, '.changeset', 'config.json'), 'utf8'));
    const before = manifests(dir);
    edit(config, [...before.values()]);
    for (const m of before.values()) {
      const folder = (rootManifest.workspaces as string[]).find((ws) => JSON.parse(readFileSync(join(dir, ws, 'package.json'), 'utf8')).name === m.name)!;
      writeFileSync(join(dir, folder, 'package.json'), JSON.stringify(m, null, 2));
    }
    writeFileSync(join(dir, '.changeset', 'config.json'), JSON.stringify(config, null, 2));
    writeFileSync(join(dir, '.changeset', 'core-minor.md'), `---\n"${CORE}": minor\n---\n\nA new core feature.\n`);
    // The changelog module resolves from the workspace, as in the repo.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync(process.execPath, [CHANGESET, 'version'], { cwd: dir, stdio: 'pipe', env: { ...process.env, CI: 'true' } });
    return { before, after: manifests(dir) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const parse = (v: string) => v.split('.').map(Number);
const bump = (v: string, type: 'patch' | 'minor') => {
  const [major, minor, patch] = parse(v);
  return type === 'minor' ? `${major}.${minor + 1}.0` : `${major}.${minor}.${patch + 1}`;
};

/**
 * What is wrong with a release of the construct packages after a core minor:
 * anything but a patch, versions apart, a peer range narrowed (a team on the
 * previous core breaks on a patch upgrade) or not admitting the new core, or a
 * dev dependency that is not exactly the core they were tested with.
 */
function problems(before: Map<string, Manifest>, after: Map<string, Manifest>): string[] {
  const found: string[] = [];
  const oldCore = before.get(CORE)!.version;
  const newCore = after.get(CORE)!.version;
  if (newCore !== bump(oldCore, 'minor')) found.push(`core: ${oldCore} -> ${newCore}, not a minor`);
  for (const name of CONSTRUCTS) {
    const [b, a] = [before.get(name)!, after.get(name)!];
    if (a.version !== bump(b.version, 'patch')) found.push(`${name}: ${b.version} -> ${a.version}, not a patch`);
    const [oldRange, newRange] = [b.peerDependencies?.[CORE], a.peerDependencies?.[CORE]];
    if (oldRange !== newRange) found.push(`${name}: peer range of core moved from "${oldRange}" to "${newRange}" in a patch`);
    if (!admits(newRange, oldCore) || !admits(newRange, newCore)) found.push(`${name}: peer range "${newRange}" must admit core ${oldCore} and ${newCore}`);
    if (a.devDependencies?.[CORE] !== newCore) found.push(`${name}: dev dependency on core is "${a.devDependencies?.[CORE]}", not exactly ${newCore}`);
    if (a.dependencies?.[CORE]) found.push(`${name}: core is a dependency too (two copies of core)`);
  }
  const versions = new Set(CONSTRUCTS.map((n) => after.get(n)!.version));
  if (versions.size !== 1) found.push(`the construct packages are apart: ${[...versions].join(', ')}`);
  return found;
}

/** Whether a `>=a <b` range admits a version (the only form the construct packages use). */
function admits(range: string | undefined, version: string): boolean {
  const m = /^>=(\d+\.\d+\.\d+) <(\d+\.\d+\.\d+)$/.exec(range ?? '');
  if (!m) return false;
  const cmp = (x: string, y: string) => {
    const [p, q] = [parse(x), parse(y)];
    return p[0] - q[0] || p[1] - q[1] || p[2] - q[2];
  };
  return cmp(version, m[1]) >= 0 && cmp(version, m[2]) < 0;
}

const setPeer = (range: string): Edit => (_config, ms) => {
  for (const m of ms) if (CONSTRUCTS.includes(m.name)) m.peerDependencies![CORE] = range;
};

describe('a core minor release, through the real changeset version', () => {
  test('the construct packages: core is a peer and an exact dev dependency, never a dependency', () => {
    const ms = manifests(ROOT);
    for (const name of CONSTRUCTS) {
      const m = ms.get(name)!;
      expect([name, m.peerDependencies?.[CORE], m.devDependencies?.[CORE], m.dependencies?.[CORE]])
        .toEqual([name, '>=0.1.0 <1.0.0', ms.get(CORE)!.version, undefined]);
    }
  });

  test('this repo\'s set-up: core gets a minor, cdktf and cdktn one patch together, the peer range stays, the dev dependency follows', () => {
    const { before, after } = versionCoreMinor();
    expect(problems(before, after)).toEqual([]);
    expect(after.get(CORE)!.version).toBe(bump(before.get(CORE)!.version, 'minor'));
  }, 60_000);

  test('wrong: a caret peer range (^0.1.0) is left by a 0.x minor, so a patch of the constructs drops the core a team has', () => {
    const { before, after } = versionCoreMinor(setPeer(`^${manifests(ROOT).get(CORE)!.version}`));
    expect(problems(before, after).join('\n')).toMatch(/peer range of core moved from "\^0\.1\.0" to "\^0\.2\.0"/);
  }, 60_000);

  test('wrong: without onlyUpdatePeerDependentsWhenOutOfRange, changesets narrows an in-range peer range to the new core', () => {
    const { before, after } = versionCoreMinor((config) => {
      config.___experimentalUnsafeOptions_WILL_CHANGE_IN_PATCH.onlyUpdatePeerDependentsWhenOutOfRange = false;
    });
    expect(problems(before, after).join('\n')).toMatch(/peer range of core moved from ">=0\.1\.0 <1\.0\.0" to ">=0\.2\.0 <1\.0\.0"/);
  }, 60_000);

  test('wrong: without the fixed group, a change to one flavour alone would set the two apart', () => {
    const { before, after } = versionCoreMinor((config, ms) => {
      config.fixed = [];
      // A cdktn-only patch release before, as one of the two would get without the group.
      ms.find((m) => m.name === CONSTRUCTS[1])!.version = '0.1.1';
    });
    expect(problems(before, after).join('\n')).toMatch(/the construct packages are apart/);
  }, 60_000);
});
