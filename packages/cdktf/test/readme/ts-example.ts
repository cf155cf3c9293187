/**
 * Runs the TypeScript examples of a README the way a reader would: type-checked
 * against this package's source, then executed with `@ecs-batch/cdktf` resolved
 * to it, and every `App` the example makes synthesized with cdktf's `Testing`.
 *
 * A statement followed by a comment that shows a result is checked:
 *
 *     task.trigger;              // 'rule' (why)       → the value equals the leading literal
 *     new EcsScheduledTask(...); // throws: subnetIds: … → it throws that message, `…` standing for any text
 *
 * These are the conventions of the monorepo's own doctests (test/docs/support
 * at the root), so the README reads the same as the other packages'.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import * as cdktf from 'cdktf';
import * as ts from 'typescript';

const PACKAGE_DIR = resolve(__dirname, '..', '..');

export interface CodeBlock {
  readonly line: number;
  readonly code: string;
}

export function tsBlocks(markdown: string): CodeBlock[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => ({ line: markdown.slice(0, m.index).split('\n').length + 1, code: m[1] }));
}

/** Type errors of each block, as `README.md:<line>: <message>`. */
export function typeErrors(blocks: CodeBlock[]): string[] {
  const files = new Map(blocks.map((b) => [join(PACKAGE_DIR, 'test', 'readme', `example-${b.line}.ts`), b]));
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    // The package as a user imports it, from this checkout's source.
    paths: { '@ecs-batch/cdktf': [join(PACKAGE_DIR, 'src', 'index.ts')] },
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  host.getSourceFile = (name, version, ...rest) => files.has(name)
    ? ts.createSourceFile(name, files.get(name)!.code, version)
    : getSourceFile(name, version, ...rest);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  host.readFile = (name) => files.get(name)?.code ?? readFile(name);
  const program = ts.createProgram([...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program).filter((d) => d.file && files.has(d.file.fileName)).map((d) => {
    const block = files.get(d.file!.fileName)!;
    const line = block.line + d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line;
    return `README.md:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

export interface RunResult {
  readonly failures: string[];
  /** Synthesized Terraform JSON of every stack of every App the example made, by stack name. */
  readonly stacks: Record<string, any>;
}

/**
 * Run one block. `requireFromTest` resolves what the example imports, as the
 * test file would; `packageExports` is what `@ecs-batch/cdktf` gives it.
 */
export function runExample(block: CodeBlock, requireFromTest: NodeJS.Require, packageExports: unknown): RunResult {
  const failures: string[] = [];
  const apps: cdktf.App[] = [];
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-readme-'));
  // `app.synth()` of an example writes into a temp folder; the App is kept to synthesize its stacks here.
  class App extends cdktf.App {
    constructor(config: cdktf.AppConfig = {}) {
      super({ ...config, outdir });
      apps.push(this);
    }
  }
  const modules: Record<string, unknown> = {
    'cdktf': { ...cdktf, App },
    '@ecs-batch/cdktf': packageExports,
  };
  const doc = {
    value(line: number, fn: () => unknown, comment: string) {
      const want = literalOf(comment);
      const got = fn();
      if (want === undefined) return;
      if (got !== want.value) failures.push(`README.md:${line}: got ${JSON.stringify(got)}, the README says ${comment}`);
    },
    throws(line: number, fn: () => unknown, comment: string) {
      const message = comment.replace(/^throws:?\s*/, '');
      try {
        fn();
        failures.push(`README.md:${line}: did not throw, the README says ${comment}`);
      } catch (e) {
        const text = e instanceof Error ? e.message : String(e);
        if (!elided(message).test(text)) failures.push(`README.md:${line}: threw '${text}', the README says ${comment}`);
      }
    },
  };
  const js = ts.transpileModule(instrument(block), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  try {
    const require = (id: string) => (id in modules ? modules[id] : requireFromTest(id));
    new Function('require', 'exports', '__doc', js)(require, {}, doc);
    const stacks: Record<string, any> = {};
    for (const app of apps) {
      for (const stack of app.node.children.filter((c): c is cdktf.TerraformStack => c instanceof cdktf.TerraformStack)) {
        stacks[stack.node.id] = JSON.parse(cdktf.Testing.synth(stack, true));
      }
    }
    return { failures, stacks };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The whole message, with `…` (or `...`) matching any text. */
function elided(expected: string): RegExp {
  const parts = expected.trimEnd().split(/…|\.\.\./).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[\\s\\S]*?')}$`);
}

/** A leading `'text'`, `"text"`, number, `true`/`false`/`undefined`; prose may follow. */
function literalOf(comment: string): { value: unknown } | undefined {
  const quoted = /^(['"])(.*?)\1/.exec(comment);
  if (quoted) return { value: quoted[2] };
  const word = /^(-?\d+(?:\.\d+)?|true|false|undefined)\b/.exec(comment)?.[1];
  if (word === undefined) return undefined;
  return { value: word === 'undefined' ? undefined : JSON.parse(word) };
}

/** Each top-level expression statement with a result comment on its line becomes a checked call. */
function instrument(block: CodeBlock): string {
  const { code } = block;
  const file = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const statement of file.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    const trailing = ts.getTrailingCommentRanges(code, statement.end)?.[0];
    if (!trailing || code.slice(trailing.pos, trailing.pos + 2) !== '//') continue;
    const comment = code.slice(trailing.pos + 2, trailing.end).trim();
    const line = block.line + file.getLineAndCharacterOfPosition(statement.getStart()).line;
    const kind = /^throws\b/.test(comment) ? 'throws' : 'value';
    edits.push({ start: statement.getStart(), end: statement.end, text: `__doc.${kind}(${line}, () => (${statement.expression.getText()}), ${JSON.stringify(comment)});` });
  }
  let out = code;
  for (const edit of edits.reverse()) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
