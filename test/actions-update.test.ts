/**
 * `npx projen actions:update` (scripts/lib/actions-update.ts) against recorded
 * responses: GitHub's REST API as test/fixtures/actions-update/github.json has
 * it (rebuilt from git mirrors of the actions), and Docker Hub's registry API
 * with an index written here. The real network is used only where a maintainer
 * runs the task.
 */
import { createHash } from 'crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, resolve } from 'path';
import { ACTION_PINS, BASE_IMAGE } from '../packages/ecs-batch-template/src/private/pins';
import { ACTION_FIXTURES, ActionsUpdate, HttpGet, HttpResponse, PINS_FILE, renderPins } from '../scripts/lib/actions-update';

const ROOT = resolve(__dirname, '..');
const GITHUB: Record<string, HttpResponse> = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/actions-update/github.json'), 'utf8')).responses;
const INDEX_TYPE = 'application/vnd.oci.image.index.v1+json';
const MANIFEST_URL = 'https://registry-1.docker.io/v2/library/node/manifests/22-bookworm-slim';

/** A multi-architecture index as the registry serves one (its children's digests are made up). */
function index(platforms = ['amd64', 'arm64']): string {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: INDEX_TYPE,
    manifests: platforms.map((architecture, i) => ({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: `sha256:${String(i + 1).repeat(64)}`,
      size: 1234,
      platform: { architecture, os: 'linux' },
    })),
  });
}
const sha256 = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

interface Replay { get: HttpGet; calls: Array<{ url: string; headers: Record<string, string> }> }
function replay(overrides: Record<string, HttpResponse> = {}, body = index(), type = INDEX_TYPE): Replay {
  const docker: Record<string, HttpResponse> = {
    'https://auth.docker.io/token?service=registry.docker.io&scope=repository:library/node:pull': { status: 200, headers: {}, body: JSON.stringify({ token: 'recorded-token' }) },
    [MANIFEST_URL]: { status: 200, headers: { 'content-type': type, 'docker-content-digest': sha256(body) }, body },
  };
  const all: Record<string, HttpResponse> = { ...GITHUB, ...docker, ...overrides };
  const calls: Replay['calls'] = [];
  return {
    calls,
    get: async (url, headers) => {
      calls.push({ url, headers });
      return all[url] ?? { status: 404, headers: {}, body: '{"message":"Not Found"}' };
    },
  };
}

/** A folder shaped like the repo (pins.ts and the fixtures), so the update can write there. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'actions-update-'));
  mkdirSync(dirname(join(dir, PINS_FILE)), { recursive: true });
  cpSync(join(ROOT, PINS_FILE), join(dir, PINS_FILE));
  cpSync(join(ROOT, ACTION_FIXTURES), join(dir, ACTION_FIXTURES), { recursive: true });
  return dir;
}
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const previous = { actions: ACTION_PINS, image: BASE_IMAGE };

describe('actions:update', () => {
  test('from the recorded responses: the pins and fixtures committed today, and the index digest', async () => {
    const dir = workspace();
    dirs.push(dir);
    const r = replay();
    const result = await new ActionsUpdate(r.get).run(dir, previous);
    expect(result.actions).toEqual([...ACTION_PINS]);
    expect(result.image).toEqual({ image: 'node', tag: '22-bookworm-slim', digest: sha256(index()), source: `${MANIFEST_URL} (multi-architecture index)` });
    expect(result.changes).toEqual([`node:22-bookworm-slim: ${BASE_IMAGE.digest} -> ${sha256(index())}`]);
    expect(readFileSync(join(dir, PINS_FILE), 'utf8')).toBe(renderPins(ACTION_PINS, result.image));
    for (const pin of ACTION_PINS) {
      const file = join(ACTION_FIXTURES, pin.repo, `${pin.sha}.yml`);
      expect(readFileSync(join(dir, file), 'utf8')).toBe(readFileSync(join(ROOT, file), 'utf8'));
    }
    // The registry was asked for an index, with the token it handed out.
    const manifest = r.calls.find((c) => c.url === MANIFEST_URL)!;
    expect(manifest.headers).toEqual({ authorization: 'Bearer recorded-token', accept: `${INDEX_TYPE}, application/vnd.docker.distribution.manifest.list.v2+json` });
  });

  test('pins.ts is exactly what the task writes', () => {
    expect(readFileSync(join(ROOT, PINS_FILE), 'utf8')).toBe(renderPins(ACTION_PINS, BASE_IMAGE));
  });

  test('day two: a new release moves its pin (through its annotated tag) and replaces its fixture; prereleases are skipped', async () => {
    const dir = workspace();
    dirs.push(dir);
    const api = 'https://api.github.com/repos/actions/checkout';
    const refs = JSON.parse(GITHUB[`${api}/git/matching-refs/tags/v7.`].body);
    const tagObject = 'b'.repeat(40);
    const commit = 'c'.repeat(40);
    refs.push({ ref: 'refs/tags/v7.0.2', object: { sha: tagObject, type: 'tag' } });
    refs.push({ ref: 'refs/tags/v7.1.0-beta.1', object: { sha: 'd'.repeat(40), type: 'commit' } });
    const old = ACTION_PINS.find((p) => p.repo === 'actions/checkout')!;
    const actionYml = GITHUB[`${api}/contents/action.yml?ref=${old.sha}`].body.replace('description:', 'description: (v7.0.2)');
    const r = replay({
      [`${api}/git/matching-refs/tags/v7.`]: { status: 200, headers: {}, body: JSON.stringify(refs) },
      [`${api}/git/tags/${tagObject}`]: { status: 200, headers: {}, body: JSON.stringify({ object: { sha: commit, type: 'commit' } }) },
      [`${api}/contents/action.yml?ref=${commit}`]: { status: 200, headers: {}, body: actionYml },
    });
    const result = await new ActionsUpdate(r.get).run(dir, previous);
    expect(result.actions.find((p) => p.repo === 'actions/checkout')).toEqual({ repo: 'actions/checkout', tag: 'v7.0.2', sha: commit });
    expect(result.changes).toContain(`actions/checkout: v7.0.1 -> v7.0.2 (${commit})`);
    expect(readdirSync(join(dir, ACTION_FIXTURES, 'actions/checkout'))).toEqual([`${commit}.yml`]);
    expect(readFileSync(join(dir, PINS_FILE), 'utf8')).toContain(`{ repo: 'actions/checkout', tag: 'v7.0.2', sha: '${commit}' }`);
  });

  test('an action in a folder: the repository\'s tags, the folder\'s action.yml, its fixture nested; unpinned fixtures go', async () => {
    const dir = workspace();
    dirs.push(dir);
    const fixtures = join(dir, ACTION_FIXTURES);
    mkdirSync(join(fixtures, 'github/codeql-action/analyze'), { recursive: true });
    writeFileSync(join(fixtures, 'github/codeql-action/analyze', `${'e'.repeat(40)}.yml`), 'name: stale\n');
    mkdirSync(join(fixtures, 'actions/cache'), { recursive: true });
    writeFileSync(join(fixtures, 'actions/cache', `${'e'.repeat(40)}.yml`), 'name: stale\n');
    const r = replay();
    const result = await new ActionsUpdate(r.get).run(dir, previous);
    const upload = result.actions.find((p) => p.repo === 'github/codeql-action/upload-sarif')!;
    expect(upload.tag).toMatch(/^v4\.\d+\.\d+$/);
    expect(r.calls.map((c) => c.url)).toEqual(expect.arrayContaining([
      'https://api.github.com/repos/github/codeql-action/git/matching-refs/tags/v4.',
      `https://api.github.com/repos/github/codeql-action/contents/upload-sarif/action.yml?ref=${upload.sha}`,
    ]));
    expect(readdirSync(join(fixtures, 'github/codeql-action'))).toEqual(['upload-sarif']);
    expect(readdirSync(join(fixtures, 'github/codeql-action/upload-sarif'))).toEqual([`${upload.sha}.yml`]);
    expect(existsSync(join(fixtures, 'actions/cache'))).toBe(false);
    expect(existsSync(join(fixtures, 'actions/checkout'))).toBe(true);
  });

  test('refuses a release that runs on node20, naming it, and writes nothing', async () => {
    const dir = workspace();
    dirs.push(dir);
    const pin = ACTION_PINS.find((p) => p.repo === 'hashicorp/setup-terraform')!;
    const url = `https://api.github.com/repos/hashicorp/setup-terraform/contents/action.yml?ref=${pin.sha}`;
    const r = replay({ [url]: { status: 200, headers: {}, body: GITHUB[url].body.replace(/using: .node24./, "using: 'node20'") } });
    await expect(new ActionsUpdate(r.get).run(dir, previous)).rejects.toThrow("hashicorp/setup-terraform@v4.0.1: runs.using is 'node20', not node24");
    expect(readFileSync(join(dir, PINS_FILE), 'utf8')).toBe(readFileSync(join(ROOT, PINS_FILE), 'utf8'));
  });

  test('refuses a single-platform manifest, an index without arm64, and a digest that is not the index\'s', async () => {
    const update = (r: Replay) => new ActionsUpdate(r.get).image();
    await expect(update(replay({}, index(['amd64']), 'application/vnd.oci.image.manifest.v1+json'))).rejects.toThrow('is not a multi-architecture index');
    await expect(update(replay({}, index(['amd64'])))).rejects.toThrow('the index has no linux/arm64 image');
    const body = index();
    const r = replay({ [MANIFEST_URL]: { status: 200, headers: { 'content-type': INDEX_TYPE, 'docker-content-digest': `sha256:${'0'.repeat(64)}` }, body } });
    await expect(update(r)).rejects.toThrow('is not the sha256 of the index');
  });

  test('an action without a release of its major fails, naming it', async () => {
    const r = replay({ 'https://api.github.com/repos/changesets/action/git/matching-refs/tags/v2.': { status: 200, headers: {}, body: '[]' } });
    await expect(new ActionsUpdate(r.get).action({ repo: 'changesets/action', major: 2 })).rejects.toThrow('changesets/action: no release tag v2.x.y on GitHub');
    expect(existsSync(join(ROOT, ACTION_FIXTURES, 'changesets/action'))).toBe(true);
  });
});
