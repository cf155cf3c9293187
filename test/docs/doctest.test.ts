import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionSteps, shellSteps } from './support/console-session';
import { NO_LITERAL, leadingLiteral, outputDiff } from './support/expected-output';
import { codeBlocks } from './support/markdown';
import { matchesLiteral, runTsExample } from './support/ts-example';

const dir = mkdtempSync(join(tmpdir(), 'doctest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the README doctest catches what drifts', () => {
  test('a number matches its decimal form despite floating-point noise, and nothing further off', () => {
    expect(matchesLiteral(0.015144030000000001, 0.01514403)).toBe(true);
    expect(matchesLiteral({ low: 0.044433, high: 0.07405500000000001 }, { low: 0.044433, high: 0.074055 })).toBe(true);
    expect(matchesLiteral(0.0151440, 0.01514403)).toBe(false);
    expect(matchesLiteral(720.0000001, 720)).toBe(false);
    expect(matchesLiteral(0, 0)).toBe(true);
    expect(matchesLiteral(1e-300, 0)).toBe(false);
  });

  test('a value that differs from its comment', async () => {
    const failures = await runTsExample("const n = 1 + 2;\nn;  // 4\n'ok'; // 'ok'", 10, dir);
    expect(failures).toEqual(['line 11: got 3, README says 4']);
  });

  test('objects show only the fields the README names; prose may follow the literal', async () => {
    expect(await runTsExample('({ a: 1, b: [2] }); // { b: [2] }: the rest is omitted\n3; // 3 (three)', 1, dir)).toEqual([]);
    expect(await runTsExample('({ a: 1 }); // { a: 2 }', 1, dir)).toEqual(['line 1: got { a: 1 }, README says { a: 2 }']);
  });

  test('throws, with its message', async () => {
    const code = 'const f = (x: number) => { if (x > 1) throw new Error(`x: ${x} is too big`); return x; };\n';
    expect(await runTsExample(`${code}f(2); // throws: x: 2 is too big`, 1, dir)).toEqual([]);
    expect(await runTsExample(`${code}f(1); // throws: x: 1 is too big`, 1, dir)).toEqual(['line 2: did not throw, README says throws: x: 1 is too big']);
  });

  test('printed lines, with an elided start, trailing prose, or on the next line', async () => {
    const code = [
      "console.log('arn:aws:ecs:r:1:task-definition/nightly'); // ...:task-definition/nightly (always the latest)",
      'console.log(true); // true: no daylight saving time',
      "for (const x of ['a']) console.log(x, [1]);",
      '// a [ 1 ]',
      "console.log('cron(0 17 * * ? *)'); // cron(0 18 * * ? *)",
    ].join('\n');
    expect(await runTsExample(code, 1, dir)).toEqual(['line 5: printed ["cron(0 17 * * ? *)"], README says cron(0 18 * * ? *)']);
  });

  test('top-level await runs', async () => {
    expect(await runTsExample('const v = await Promise.resolve(5);\nv; // 5', 1, dir)).toEqual([]);
  });

  test('literals are read from comments, prose is not', () => {
    expect(leadingLiteral("'sample_def'")).toBe('sample_def');
    expect(leadingLiteral('{ cpu: 1024, memory: 2048 }: one vCPU')).toEqual({ cpu: 1024, memory: 2048 });
    expect(leadingLiteral('cron(0 17 * * ? *)')).toBe(NO_LITERAL);
    expect(leadingLiteral('the exact revision')).toBe(NO_LITERAL);
  });

  test('output with … stands for what varies; anything else must match', () => {
    expect(outputDiff('{"time":"2026-01-01","ok":true}', '{"time":"…","ok":true}')).toEqual([]);
    expect(outputDiff('{"time":"2026-01-01","ok":false}', '{"time":"…","ok":true}')).toHaveLength(1);
    expect(outputDiff('a\nb', 'a')).toEqual(['line 2:\n  README: (nothing)\n  actual: b']);
  });

  test('sessions and blocks are split as a reader sees them', () => {
    expect(sessionSteps('$ a \\\n  --b\nout\n$ echo $?\n0')).toEqual([{ command: 'a  --b', output: 'out' }, { command: 'echo $?', output: '0' }]);
    expect(codeBlocks('x\n```ts\nconst a = 1;\n```\n')).toEqual([{ lang: 'ts', code: 'const a = 1;', line: 3 }]);
  });
});

describe('shell blocks show output as comments', () => {
  test('output under a command, wrapped lines joined, exit codes, prose elsewhere', () => {
    const block = [
      '# prose before',
      "npx ecs-batch cron validate 'x' \\",
      '  --json',
      '# first line',
      '#   continued',
      '',
      'npx ecs-batch other   # inline note',
      '# error: bad    (exit 1)',
    ].join('\n');
    expect(shellSteps(block)).toEqual([
      { command: "npx ecs-batch cron validate 'x' --json", output: 'first line continued', status: 0 },
      { command: 'npx ecs-batch other', output: 'error: bad', status: 1 },
    ]);
  });
});
