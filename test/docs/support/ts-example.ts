import { createRequire } from 'node:module';
import { join } from 'node:path';
import { format, isDeepStrictEqual } from 'node:util';
import * as ts from 'typescript';
import { NO_LITERAL, leadingLiteral, lineMatches } from './expected-output';

/**
 * Runs a README's TypeScript example as a doctest: the code runs as written
 * (imports resolved from `cwd`, as in a user's project), and each statement
 * whose comment shows a result is checked against it:
 *
 *     td.family;              // 'sample_def'        → the value must equal the literal
 *     FargateSize.validate(…) // throws: memory: …   → it must throw that message
 *     console.log(x);         // cron(0 17 * * ? *)  → a printed line must match
 *
 * Returns the failures, each naming the README line.
 */
export async function runTsExample(code: string, firstLine: number, cwd: string): Promise<string[]> {
  const failures: string[] = [];
  const printed: string[] = [];
  const doc = {
    value(line: number, fn: () => unknown, comment: string) {
      const want = leadingLiteral(comment);
      const got = fn();
      if (want !== NO_LITERAL && !matchesLiteral(got, want)) {
        failures.push(`line ${line}: got ${format('%o', got)}, README says ${comment}`);
      }
    },
    throws(line: number, fn: () => unknown, comment: string) {
      const message = comment.replace(/^throws:?\s*/, '');
      try {
        fn();
        failures.push(`line ${line}: did not throw, README says ${comment}`);
      } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        if (message && !lineMatches(text, message)) failures.push(`line ${line}: threw '${text}', README says ${comment}`);
      }
    },
    mark: () => printed.length,
    printed(line: number, from: number, comment: string) {
      const lines = printed.slice(from).join('\n').split('\n');
      if (!lines.some((l) => printedMatches(l, comment))) {
        failures.push(`line ${line}: printed ${JSON.stringify(lines)}, README says ${comment}`);
      }
    },
  };

  const js = ts.transpileModule(instrument(code, firstLine), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  const requireFromProject = createRequire(join(cwd, 'package.json'));
  const log = console.log;
  const write = process.stdout.write;
  const previous = process.cwd();
  // What the example prints, directly or through a library's stdout logging.
  console.log = (...args: unknown[]) => { printed.push(format(...args)); };
  process.stdout.write = ((chunk: string | Uint8Array) => printed.push(String(chunk).replace(/\n$/, '')) > 0) as typeof process.stdout.write;
  process.chdir(cwd);
  try {
    // An async body, so examples may use top-level await as README readers do.
    await new Function('require', 'exports', '__doc', `return (async () => {\n${js}\n})();`)(requireFromProject, {}, doc);
  } finally {
    console.log = log;
    process.stdout.write = write;
    process.chdir(previous);
  }
  return failures;
}

/** Objects need only show the fields the README names; everything else compares exactly. */
export function matchesLiteral(got: unknown, want: unknown): boolean {
  if (want !== null && typeof want === 'object' && got !== null && typeof got === 'object') {
    if (Array.isArray(want)) return Array.isArray(got) && got.length === want.length && want.every((w, i) => matchesLiteral(got[i], w));
    return Object.entries(want).every(([k, w]) => matchesLiteral((got as Record<string, unknown>)[k], w));
  }
  // A price times a count carries binary floating-point noise (0.1 + 0.2): a README shows the
  // decimal value, which must agree to 12 significant digits.
  if (typeof want === 'number' && typeof got === 'number' && Number.isFinite(want)) {
    return Math.abs(got - want) <= 1e-12 * Math.max(Math.abs(want), Number.MIN_VALUE);
  }
  return isDeepStrictEqual(got, want);
}

/** `// ...:task-definition/nightly:* (why)` elides the start; prose may follow the value. */
function printedMatches(line: string, comment: string): boolean {
  const literal = leadingLiteral(comment);
  if (literal !== NO_LITERAL && (line === String(literal) || line === format('%o', literal))) return true;
  if (lineMatches(line, comment)) return true;
  const elided = /^(?:\.\.\.|…)(\S+)/.exec(comment);
  if (elided) return line.endsWith(elided[1]);
  return comment.startsWith(line) && /^(\s|:|$)/.test(comment.slice(line.length));
}

/** Rewrites each top-level statement that shows a result into a checked call. */
function instrument(code: string, firstLine: number): string {
  const file = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const statements = file.statements;
  statements.forEach((statement, index) => {
    const comment = resultComment(code, file, statement, statements[index + 1]);
    if (comment === undefined) return;
    const line = firstLine + file.getLineAndCharacterOfPosition(statement.getStart()).line;
    const text = statement.getText();
    if (text.includes('console.log')) {
      edits.push({ start: statement.getStart(), end: statement.end, text: `{ const __from = __doc.mark(); ${text} __doc.printed(${line}, __from, ${JSON.stringify(comment)}); }` });
    } else if (ts.isExpressionStatement(statement)) {
      const kind = /^throws\b/.test(comment) ? 'throws' : 'value';
      edits.push({ start: statement.getStart(), end: statement.end, text: `__doc.${kind}(${line}, () => (${statement.expression.getText()}), ${JSON.stringify(comment)});` });
    }
  });
  let out = code;
  for (const edit of edits.reverse()) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** The comment after a statement on its line, or alone on the next line. */
function resultComment(code: string, file: ts.SourceFile, statement: ts.Statement, next: ts.Statement | undefined): string | undefined {
  const trailing = ts.getTrailingCommentRanges(code, statement.end)?.[0];
  if (trailing) return code.slice(trailing.pos + 2, trailing.end).trim();
  const leading = ts.getLeadingCommentRanges(code, next ? next.getFullStart() : file.endOfFileToken.getFullStart())?.[0];
  if (!leading || code.slice(leading.pos, leading.pos + 2) !== '//') return undefined;
  const statementLine = file.getLineAndCharacterOfPosition(statement.end).line;
  if (file.getLineAndCharacterOfPosition(leading.pos).line !== statementLine + 1) return undefined;
  return code.slice(leading.pos + 2, leading.end).trim();
}
