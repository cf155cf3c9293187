import { createHash } from 'crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parse as parseYaml } from 'yaml';
import type { ActionPin, ImagePin } from '../../packages/ecs-batch-template/src/private/pins';

/** An action the workflows use, and the major they follow. */
export interface TrackedAction {
  /** `owner/repo`, or `owner/repo/path` for an action in a folder of its repository. */
  readonly repo: string;
  readonly major: number;
}

/** The actions every workflow may use, at their current (node24) majors. Add one here, then run the task. */
export const TRACKED_ACTIONS: readonly TrackedAction[] = [
  { repo: 'actions/checkout', major: 7 },
  { repo: 'actions/download-artifact', major: 8 },
  { repo: 'actions/setup-node', major: 7 },
  { repo: 'actions/upload-artifact', major: 7 },
  { repo: 'aws-actions/amazon-ecr-login', major: 2 },
  { repo: 'aws-actions/configure-aws-credentials', major: 6 },
  { repo: 'changesets/action', major: 2 },
  { repo: 'docker/setup-buildx-action', major: 4 },
  // An action in a folder: its repository's tags, its folder's action.yml.
  { repo: 'github/codeql-action/upload-sarif', major: 4 },
  { repo: 'hashicorp/setup-terraform', major: 4 },
  { repo: 'peter-evans/create-pull-request', major: 8 },
];

/** The team repos' base image: Docker Hub's official `node` image, Node 22 on Debian bookworm, slim. */
export const TRACKED_IMAGE = { image: 'node', tag: '22-bookworm-slim' };

/** The runtime GitHub still runs JavaScript actions on (node20 was removed from hosted runners in 2026). */
export const ACTION_RUNTIME = 'node24';

/** Where the pins live (the template's source) and where the vendored action.yml files go. */
export const PINS_FILE = 'packages/ecs-batch-template/src/private/pins.ts';
export const ACTION_FIXTURES = 'test/fixtures/actions';

/** The part of the fetch API the updater needs: tests pass recorded responses. */
export type HttpGet = (url: string, headers: Record<string, string>) => Promise<HttpResponse>;
export interface HttpResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Media types of a multi-architecture index: OCI image index and Docker manifest list. */
const INDEX_TYPES = ['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json'];

export interface UpdateResult {
  readonly actions: ActionPin[];
  readonly image: ImagePin;
  /** Human-readable lines: what moved. */
  readonly changes: string[];
}

/**
 * Reads the newest release tag of each tracked action's major from GitHub's REST
 * API, the commit it points to and its action.yml there, and the multi-arch index
 * digest of the base image from the Docker Hub registry API; then rewrites
 * pins.ts and the vendored action.yml fixtures.
 */
export class ActionsUpdate {
  constructor(private readonly get: HttpGet, private readonly githubToken?: string) {}

  async run(root: string, previous: { actions: readonly ActionPin[]; image: ImagePin }): Promise<UpdateResult> {
    const resolved: Array<{ pin: ActionPin; actionYml: string }> = [];
    for (const tracked of TRACKED_ACTIONS) resolved.push(await this.action(tracked));
    const image = await this.image();

    const actions = resolved.map((r) => r.pin);
    writeFileSync(join(root, PINS_FILE), renderPins(actions, image));
    const fixtures = join(root, ACTION_FIXTURES);
    for (const { pin, actionYml } of resolved) {
      const dir = join(fixtures, pin.repo);
      // Only the pinned SHA's action.yml stays: the check reads the inputs of what runs.
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      // As git keeps it (.gitattributes: eol=lf), so a re-run leaves the tree clean.
      writeFileSync(join(dir, `${pin.sha}.yml`), actionYml.replace(/\r\n/g, '\n'));
    }
    removeUnpinned(fixtures, '', actions);

    const changes: string[] = [];
    for (const pin of actions) {
      const before = previous.actions.find((p) => p.repo === pin.repo);
      if (!before) changes.push(`${pin.repo}: pinned at ${pin.tag} (${pin.sha})`);
      else if (before.sha !== pin.sha) changes.push(`${pin.repo}: ${before.tag} -> ${pin.tag} (${pin.sha})`);
    }
    for (const before of previous.actions) {
      if (!actions.some((p) => p.repo === before.repo)) changes.push(`${before.repo}: no longer pinned`);
    }
    if (previous.image.digest !== image.digest) changes.push(`${image.image}:${image.tag}: ${previous.image.digest} -> ${image.digest}`);
    return { actions, image, changes };
  }

  /** The newest `v<major>.x.y` tag of an action, its commit, and its action.yml at that commit. */
  async action(tracked: TrackedAction): Promise<{ pin: ActionPin; actionYml: string }> {
    // `github/codeql-action/upload-sarif`: the tags are the repository's, the action.yml is the folder's.
    const [owner, name, ...folder] = tracked.repo.split('/');
    const api = `https://api.github.com/repos/${owner}/${name}`;
    const prefix = folder.length > 0 ? `${folder.join('/')}/` : '';
    const refs = JSON.parse(await this.github(`${api}/git/matching-refs/tags/v${tracked.major}.`)) as Array<{ ref: string; object: { sha: string; type: string } }>;
    const releases = refs
      .map((ref) => ({ ref, version: /^refs\/tags\/v(\d+)\.(\d+)\.(\d+)$/.exec(ref.ref) }))
      .filter((r): r is { ref: typeof r.ref; version: RegExpExecArray } => r.version !== null && Number(r.version[1]) === tracked.major)
      .sort((a, b) => compareVersions(b.version, a.version));
    if (releases.length === 0) throw new Error(`${tracked.repo}: no release tag v${tracked.major}.x.y on GitHub`);
    const { ref, version } = releases[0];
    const tag = `v${version[1]}.${version[2]}.${version[3]}`;
    // An annotated tag points to a tag object; the pin is the commit under it.
    let object = ref.object;
    while (object.type === 'tag') object = JSON.parse(await this.github(`${api}/git/tags/${object.sha}`)).object;
    if (object.type !== 'commit' || !/^[0-9a-f]{40}$/.test(object.sha)) throw new Error(`${tracked.repo}@${tag}: points to a ${object.type} ${object.sha}, not a commit`);

    let actionYml: string | undefined;
    for (const file of ['action.yml', 'action.yaml']) {
      actionYml = await this.github(`${api}/contents/${prefix}${file}?ref=${object.sha}`, { accept: 'application/vnd.github.raw+json', optional: true });
      if (actionYml !== undefined) break;
    }
    if (actionYml === undefined) throw new Error(`${tracked.repo}@${tag}: no ${prefix}action.yml or ${prefix}action.yaml at ${object.sha}`);
    const using = parseYaml(actionYml)?.runs?.using;
    if (using !== ACTION_RUNTIME) throw new Error(`${tracked.repo}@${tag}: runs.using is '${using}', not ${ACTION_RUNTIME}: not a current major`);
    return { pin: { repo: tracked.repo, tag, sha: object.sha }, actionYml };
  }

  /** The digest of the base image's multi-architecture index, checked against the index's own bytes. */
  async image(): Promise<ImagePin> {
    const repository = `library/${TRACKED_IMAGE.image}`;
    const auth = await this.get(`https://auth.docker.io/token?service=registry.docker.io&scope=repository:${repository}:pull`, {});
    if (auth.status !== 200) throw new Error(`Docker Hub token: HTTP ${auth.status}`);
    const token = JSON.parse(auth.body).token;
    const url = `https://registry-1.docker.io/v2/${repository}/manifests/${TRACKED_IMAGE.tag}`;
    const manifest = await this.get(url, { authorization: `Bearer ${token}`, accept: INDEX_TYPES.join(', ') });
    if (manifest.status !== 200) throw new Error(`${url}: HTTP ${manifest.status}`);
    const type = header(manifest, 'content-type')?.split(';')[0].trim();
    if (!type || !INDEX_TYPES.includes(type)) throw new Error(`${TRACKED_IMAGE.image}:${TRACKED_IMAGE.tag}: ${type} is not a multi-architecture index`);
    const platforms = (JSON.parse(manifest.body).manifests ?? []).map((m: any) => `${m.platform?.os}/${m.platform?.architecture}`);
    for (const wanted of ['linux/amd64', 'linux/arm64']) {
      if (!platforms.includes(wanted)) throw new Error(`${TRACKED_IMAGE.image}:${TRACKED_IMAGE.tag}: the index has no ${wanted} image (${platforms.join(', ')})`);
    }
    const digest = `sha256:${createHash('sha256').update(manifest.body).digest('hex')}`;
    const stated = header(manifest, 'docker-content-digest');
    if (stated && stated !== digest) throw new Error(`${url}: Docker-Content-Digest ${stated} is not the sha256 of the index (${digest})`);
    return { image: TRACKED_IMAGE.image, tag: TRACKED_IMAGE.tag, digest, source: `${url} (multi-architecture index)` };
  }

  private async github(url: string, options: { accept?: string; optional?: boolean } = {}): Promise<string | any> {
    const headers: Record<string, string> = { 'accept': options.accept ?? 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };
    if (this.githubToken) headers.authorization = `Bearer ${this.githubToken}`;
    const response = await this.get(url, headers);
    if (response.status === 404 && options.optional) return undefined;
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status} ${response.body.slice(0, 200)}`);
    return response.body;
  }
}

/**
 * Removes the fixtures of actions no longer pinned: `<owner>/<repo>[/<path>]/<sha>.yml`.
 * A folder is kept while it is a pinned action's or holds one (`github/codeql-action`
 * holds `upload-sarif`); empty folders go.
 */
function removeUnpinned(root: string, dir: string, actions: readonly ActionPin[]): void {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    const pinned = actions.some((a) => a.repo === path);
    const holdsPinned = actions.some((a) => a.repo.startsWith(`${path}/`));
    if (!pinned && !holdsPinned) {
      rmSync(join(root, path), { recursive: true, force: true });
      continue;
    }
    if (holdsPinned) removeUnpinned(root, path, actions);
    if (readdirSync(join(root, path)).length === 0) rmSync(join(root, path), { recursive: true, force: true });
  }
}

function header(response: HttpResponse, name: string): string | undefined {
  const key = Object.keys(response.headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : response.headers[key];
}

function compareVersions(a: RegExpExecArray, b: RegExpExecArray): number {
  for (let i = 1; i <= 3; i++) {
    const d = Number(a[i]) - Number(b[i]);
    if (d !== 0) return d;
  }
  return 0;
}

/** pins.ts as the updater writes it. */
export function renderPins(actions: readonly ActionPin[], image: ImagePin): string {
  const sorted = [...actions].sort((a, b) => a.repo.localeCompare(b.repo));
  const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return [
    '// Written by `npx projen actions:update` in the ecs-batch monorepo (scripts/lib/actions-update.ts):',
    '// the one place the GitHub Actions and the base image are pinned, for the monorepo\'s own',
    '// workflows and for every team repo (a template release carries new pins; `npx projen`',
    '// in the team repo writes them). Edit by running that task, not by hand.',
    '',
    '/** A GitHub Action pinned to the full commit SHA of a release tag of its current major. */',
    'export interface ActionPin {',
    '  /** `owner/repo`, or `owner/repo/path` for an action in a folder of its repository (`uses:` names it so). */',
    '  readonly repo: string;',
    '  /** The release tag the SHA was read from, e.g. `v7.0.1`. */',
    '  readonly tag: string;',
    '  /** The commit the tag points to (40 hex digits). */',
    '  readonly sha: string;',
    '}',
    '',
    '/** A container image pinned by the digest of its multi-architecture index. */',
    'export interface ImagePin {',
    '  /** The image name on Docker Hub, e.g. `node`. */',
    '  readonly image: string;',
    '  /** The tag the digest was read from. */',
    '  readonly tag: string;',
    '  /** `sha256:` digest of the multi-architecture index (OCI image index or Docker manifest list). */',
    '  readonly digest: string;',
    '  /** Where the digest was read. */',
    '  readonly source: string;',
    '}',
    '',
    'export const ACTION_PINS: readonly ActionPin[] = [',
    ...sorted.map((p) => `  { repo: ${q(p.repo)}, tag: ${q(p.tag)}, sha: ${q(p.sha)} },`),
    '];',
    '',
    'export const BASE_IMAGE: ImagePin = {',
    `  image: ${q(image.image)},`,
    `  tag: ${q(image.tag)},`,
    `  digest: ${q(image.digest)},`,
    `  source: ${q(image.source)},`,
    '};',
    '',
  ].join('\n');
}

/** The real network: Node's fetch. */
export const fetchGet: HttpGet = async (url, headers) => {
  const response = await fetch(url, { headers });
  const all: Record<string, string> = {};
  response.headers.forEach((value, key) => { all[key] = value; });
  return { status: response.status, headers: all, body: await response.text() };
};
