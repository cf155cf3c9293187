import { existsSync, readFileSync } from 'fs';
import { dirname, join, relative, sep } from 'path';
import { parse as parseYaml } from 'yaml';
import { ImportedPackage } from './import-graph';

/** The dependencies a job's code needs, and what to tell the team about them. */
export interface JobDependencies {
  /** `{ name: version }`, sorted by name: the version the source's lockfile installed, else the range its package.json declares. */
  readonly dependencies: Record<string, string>;
  /** Notes and warnings: runtime-provided SDKs added, imports that are declared nowhere. */
  readonly warnings: string[];
}

/** The repo's declared ranges and installed versions, as read from its package.json and lockfile. */
interface SourcePackages {
  /** The package.json, relative to the analyzed folder. */
  readonly manifest?: string;
  readonly declared: Record<string, string>;
  readonly installed: Record<string, string>;
}

/**
 * The version of each imported package: from the lockfile next to the nearest `package.json` up
 * from the handler (package-lock.json v2/v3, yarn.lock v1, pnpm-lock.yaml), else the range the
 * package.json declares. The AWS SDK that Lambda's runtime provides is added when undeclared:
 * `@aws-sdk/*` (v3) from nodejs18.x, `aws-sdk` (v2) up to nodejs16.x.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html
 *
 * @param root the analyzed folder (absolute); the search for package.json stops there
 * @param handlerDir the folder of the handler file (absolute)
 */
export function jobDependencies(root: string, handlerDir: string, runtime: string, imported: ImportedPackage[], codePath: string): JobDependencies {
  const source = sourcePackages(root, handlerDir);
  const sdkMajor = runtimeSdkMajor(runtime);
  const dependencies: Record<string, string> = {};
  const warnings: string[] = [];
  const sdkAdded: string[] = [];
  for (const { name, file } of imported) {
    const version = source.installed[name] ?? source.declared[name];
    if (version !== undefined) {
      dependencies[name] = version;
    } else if (sdkMajor === 3 && name.startsWith('@aws-sdk/')) {
      dependencies[name] = '^3';
      sdkAdded.push(name);
    } else if (sdkMajor === 2 && name === 'aws-sdk') {
      dependencies[name] = '^2';
      sdkAdded.push(name);
    } else {
      const where = source.manifest ? `not in ${source.manifest}` : 'no package.json declares it';
      warnings.push(`${posixJoin(codePath, file)}: imports ${name}, ${where}; add it to deps by hand`);
    }
  }
  if (sdkAdded.length > 0) {
    warnings.push(`deps: ${sdkAdded.join(', ')} added at ^${sdkMajor} (the latest v${sdkMajor}), since the ${runtime} runtime provided AWS SDK v${sdkMajor} and a container has none`);
  }
  return { dependencies: Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b))), warnings };
}

/** The AWS SDK major version a Node.js Lambda runtime bundles: 3 from nodejs18.x, 2 before; `undefined` for other runtimes. */
export function runtimeSdkMajor(runtime: string): 2 | 3 | undefined {
  const match = /^nodejs(\d+)/.exec(runtime);
  if (!match) return undefined;
  return Number(match[1]) >= 18 ? 3 : 2;
}

/** The nearest package.json from `dir` up to `root`, and the lockfile beside it (or above it, for a workspace). */
function sourcePackages(root: string, dir: string): SourcePackages {
  let manifestDir: string | undefined;
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) {
      manifestDir = d;
      break;
    }
    if (d === root || dirname(d) === d || relative(root, d).startsWith('..')) break;
  }
  if (manifestDir === undefined) return { declared: {}, installed: {} };
  const manifest = JSON.parse(readFileSync(join(manifestDir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  const declared = { ...manifest.optionalDependencies, ...manifest.devDependencies, ...manifest.dependencies };
  const installed: Record<string, string> = {};
  for (let d = manifestDir; ; d = dirname(d)) {
    const found = readLockfile(d, declared, toPosix(relative(d, manifestDir)) || '.');
    if (found) {
      Object.assign(installed, found);
      break;
    }
    if (d === root || dirname(d) === d || relative(root, d).startsWith('..')) break;
  }
  return { manifest: toPosix(relative(root, join(manifestDir, 'package.json'))), declared, installed };
}

/** The installed versions of the declared packages, from the first lockfile in `dir`; `undefined` when there is none. */
function readLockfile(dir: string, declared: Record<string, string>, importer: string): Record<string, string> | undefined {
  const npm = join(dir, 'package-lock.json');
  if (existsSync(npm)) return npmLockVersions(readFileSync(npm, 'utf8'), Object.keys(declared), importer);
  const yarn = join(dir, 'yarn.lock');
  if (existsSync(yarn)) return yarnLockVersions(readFileSync(yarn, 'utf8'), declared);
  const pnpm = join(dir, 'pnpm-lock.yaml');
  if (existsSync(pnpm)) return pnpmLockVersions(readFileSync(pnpm, 'utf8'), importer);
  return undefined;
}

/**
 * package-lock.json v2 and v3: `packages["node_modules/<name>"].version` (a workspace's own
 * `<importer>/node_modules/<name>` first).
 * @see https://docs.npmjs.com/cli/configuring-npm/package-lock-json#packages
 */
export function npmLockVersions(text: string, names: string[], importer = '.'): Record<string, string> {
  const lock = JSON.parse(text) as { packages?: Record<string, { version?: string }> };
  const versions: Record<string, string> = {};
  for (const name of names) {
    const entry = (importer !== '.' ? lock.packages?.[`${importer}/node_modules/${name}`] : undefined) ?? lock.packages?.[`node_modules/${name}`];
    if (entry?.version) versions[name] = entry.version;
  }
  return versions;
}

/**
 * yarn.lock v1: each entry's key lists the `name@range` it satisfies, then `version "x.y.z"`.
 * @see https://classic.yarnpkg.com/lang/en/docs/yarn-lock/
 */
export function yarnLockVersions(text: string, declared: Record<string, string>): Record<string, string> {
  const versions: Record<string, string> = {};
  const wanted = new Map(Object.entries(declared).map(([name, range]) => [`${name}@${range}`, name]));
  let current: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line !== '' && !line.startsWith(' ') && !line.startsWith('#') && line.endsWith(':')) {
      current = line.slice(0, -1).split(',').map((key) => key.trim().replace(/^"|"$/g, ''));
      continue;
    }
    const version = /^\s+version:? "?([^"\s]+)"?/.exec(line);
    if (!version) continue;
    for (const key of current) {
      const name = wanted.get(key);
      if (name !== undefined && versions[name] === undefined) versions[name] = version[1];
    }
  }
  return versions;
}

/**
 * pnpm-lock.yaml: the importer's `dependencies` (v6 and later: `{ specifier, version }`; v5: the
 * version), with the peer suffix `(…)` or `_…` cut off.
 * @see https://github.com/pnpm/spec/blob/master/lockfile/9.0.md
 */
export function pnpmLockVersions(text: string, importer = '.'): Record<string, string> {
  const lock = (parseYaml(text) ?? {}) as Record<string, unknown>;
  const importers = lock.importers as Record<string, Record<string, unknown>> | undefined;
  const project = importers?.[importer] ?? lock;
  const versions: Record<string, string> = {};
  for (const group of ['dependencies', 'devDependencies', 'optionalDependencies']) {
    const deps = (project[group] ?? {}) as Record<string, string | { version?: string }>;
    for (const [name, entry] of Object.entries(deps)) {
      const version = typeof entry === 'string' ? entry : entry?.version;
      if (version && versions[name] === undefined) versions[name] = version.replace(/[(_].*$/, '');
    }
  }
  return versions;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

function posixJoin(dir: string, file: string): string {
  return dir === '.' ? file : `${dir}/${file}`;
}
