import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { synthSnapshot } from 'projen/lib/util/synth';
import { jsiiPackage, rootProject } from './fixtures';
import { LazyRequires } from '../../projenrc/lazy-requires';

const SCRIPT = join(__dirname, '..', '..', 'projenrc', 'scripts', 'lazy-requires.mjs');

test('LazyRequires rewrites lib/ first thing after compiling, before docgen reads it', () => {
  const root = rootProject();
  const pkg = jsiiPackage(root, 'cdktf');
  new LazyRequires(pkg);
  const out = synthSnapshot(pkg);
  const steps = out['.projen/tasks.json'].tasks['post-compile'].steps;
  expect(steps[0]).toEqual({ exec: 'node ../../projenrc/scripts/lazy-requires.mjs lib' });
  expect(steps).toContainEqual({ spawn: 'docgen' });
  // The script lives outside the package, so it is an input of the package's cached build.
  expect(out['package.json'].nx.targets.build.inputs).toEqual(['production', '^production', '{workspaceRoot}/projenrc/scripts/lazy-requires.mjs']);
});

/** Compiled CommonJS as tsc writes it; each module records that it was loaded. */
const STAR = (spec: string) => `__exportStar(require("${spec}"), exports);`;
const HEADER = '"use strict";\nObject.defineProperty(exports, "__esModule", { value: true });\n';
const loaded = (name: string) => `(globalThis.loaded ??= []).push(${JSON.stringify(name)});\n`;
const FILES: Record<string, string> = {
  'heavy.js': `${HEADER}exports.helper = exports.Heavy = void 0;\n${loaded('heavy')}class Heavy { static of() { return 'heavy'; } }\nexports.Heavy = Heavy;\nfunction helper() { return ['h']; }\nexports.helper = helper;\n`,
  'other.js': `${HEADER}exports.Other = void 0;\n${loaded('other')}var Other;\n(function (Other) { Other["A"] = "a"; })(Other || (exports.Other = Other = {}));\n`,
  'props.js': `${HEADER}`,
  'user.js': `${HEADER}exports.User = void 0;\n${loaded('user')}const heavy_1 = require("./heavy");\nconst other_1 = require("./other");\n` +
    'class User { static run() { return [heavy_1.Heavy.of(), ...(0, heavy_1.helper)()]; } static other() { return other_1; } }\nexports.User = User;\n',
  'index.js': `"use strict";\nvar __exportStar = function (m, e) { for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(e, p)) Object.defineProperty(e, p, { enumerable: true, get: () => m[p] }); };\nObject.defineProperty(exports, "__esModule", { value: true });\n${
    [STAR('./user'), STAR('./heavy'), STAR('./other'), STAR('./props')].join('\n')}\n`,
};

describe('projenrc/scripts/lazy-requires.mjs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'lazy-requires-'));
    mkdirSync(join(dir, 'lib'));
    for (const [name, source] of Object.entries(FILES)) writeFileSync(join(dir, 'lib', name), source);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const lazify = () => execFileSync(process.execPath, [SCRIPT, 'lib'], { cwd: dir, encoding: 'utf8' });
  /** Runs `code` in a fresh node process in `dir`; `loaded` lists the modules loaded so far. */
  const probe = (code: string): any => JSON.parse(execFileSync(process.execPath, ['-e', `const lib = require('./lib'); console.log(JSON.stringify(${code}))`], { cwd: dir, encoding: 'utf8' }));

  test('loading the barrel loads no module; using an export loads what it needs, when it needs it', () => {
    const before = probe('{ keys: Object.keys(lib), loaded: globalThis.loaded }');
    expect(before.loaded).toEqual(['user', 'heavy', 'other']);
    expect(lazify()).toMatch(/made lazy/);
    expect(probe('{ keys: Object.keys(lib), loaded: globalThis.loaded ?? [] }')).toEqual({ keys: before.keys, loaded: [] });
    // props.js compiled from interfaces only: the barrel no longer requires it at all.
    expect(readFileSync(join(dir, 'lib', 'index.js'), 'utf8')).not.toContain('require("./props")');
    // user.js returns other_1 itself, so it still requires ./other as it loads; ./heavy waits for its first use.
    expect(probe('[typeof lib.User, globalThis.loaded]')).toEqual(['function', ['user', 'other']]);
    // A spread and a (0, f)() call are uses too.
    expect(probe('[lib.User.run(), globalThis.loaded]')).toEqual([['heavy', 'h'], ['user', 'other', 'heavy']]);
    expect(probe('[lib.Other.A, globalThis.loaded]')).toEqual(['a', ['other']]);
  });

  test('a binding used other than as binding.Name keeps its eager require', () => {
    lazify();
    const user = readFileSync(join(dir, 'lib', 'user.js'), 'utf8');
    expect(user).toContain('const other_1 = require("./other");');
    expect(user).not.toContain('const heavy_1 = require("./heavy");');
    expect(probe('[lib.User.other().Other.A, globalThis.loaded]')).toEqual(['a', ['user', 'other']]);
  });

  test('running it twice changes nothing more', () => {
    lazify();
    const once = readFileSync(join(dir, 'lib', 'index.js'), 'utf8');
    expect(lazify()).toMatch(/^lazy-requires: 0 require/);
    expect(readFileSync(join(dir, 'lib', 'index.js'), 'utf8')).toBe(once);
  });

  test('a barrel that would lose an export its source hides fails the build, naming it', () => {
    writeFileSync(join(dir, 'lib', 'other.js'), `${FILES['other.js']}exports["Hidden"] = 1;\n`);
    expect(() => execFileSync(process.execPath, [SCRIPT, 'lib'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' }))
      .toThrow(/lib\/index\.js would lose the exports Hidden/);
  });
});
