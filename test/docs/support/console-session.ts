import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { outputDiff } from './expected-output';

/** One `$ command` of a README session and the output shown under it. */
export interface SessionStep {
  readonly command: string;
  readonly output: string;
}

/** Splits a ```console block into commands (with `\` continuations) and their outputs. */
export function sessionSteps(block: string): SessionStep[] {
  const steps: Array<{ command: string; output: string[] }> = [];
  const lines = block.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].startsWith('$ ')) {
      let command = lines[i].slice(2);
      while (command.endsWith('\\') && i + 1 < lines.length) command = `${command.slice(0, -1)} ${lines[++i].trim()}`;
      steps.push({ command, output: [] });
    } else if (steps.length > 0) {
      steps[steps.length - 1].output.push(lines[i]);
    }
  }
  return steps.map((s) => ({ command: s.command, output: s.output.join('\n').replace(/\n+$/, '') }));
}

/**
 * A user's project folder, with this monorepo's packages installed (linked)
 * and their bins on PATH, in which README sessions run as shown.
 */
export class ExampleProject {
  private lastStatus = 0;

  constructor(public readonly dir: string, private readonly bins: readonly string[]) {}

  /** Does the README's command run one of our bins (`npx ecs-batch …`, `A=b ecs-batch-run`)? */
  public runsOurBin(command: string): boolean {
    return this.bins.includes(this.binOf(command) ?? '');
  }

  /**
   * Replays one step. `cat <file>` writes the file the README shows (the
   * example's input); `echo $?` checks the exit code; our bins run for real.
   * Returns the differences from the README; other commands are not run.
   */
  public replay(step: SessionStep): string[] | undefined {
    const cat = /^cat (\S+)$/.exec(step.command);
    if (cat) {
      this.write(cat[1], `${step.output}\n`);
      return [];
    }
    if (step.command === 'echo $?') return outputDiff(String(this.lastStatus), step.output);
    if (!this.runsOurBin(step.command)) return undefined;
    const result = this.run(step.command);
    return outputDiff(result.output, step.output);
  }

  /** Runs a command from a README through sh, as a user's shell would; npx finds the linked bins first. */
  public run(command: string): { status: number; output: string } {
    const result = spawnSync('sh', ['-c', `${command.replace(/(^|\s)npx (?=\S)/, '$1')} 2>&1`], {
      cwd: this.dir,
      encoding: 'utf8',
      env: { PATH: `${join(this.dir, 'node_modules/.bin')}:${process.env.PATH}`, HOME: process.env.HOME, TZ: 'UTC' },
      timeout: 60_000,
    });
    this.lastStatus = result.status ?? 1;
    return { status: this.lastStatus, output: result.stdout.replace(/\n+$/, '') };
  }

  public write(path: string, content: string): void {
    mkdirSync(dirname(join(this.dir, path)), { recursive: true });
    writeFileSync(join(this.dir, path), content);
  }

  private binOf(command: string): string | undefined {
    const words = command.split(/\s+/).filter((w) => !/^[A-Z_][A-Z0-9_]*=/.test(w));
    return words[0] === 'npx' ? words[1] : words[0];
  }
}

/** A shell line of a ```sh block, with the output and exit code its `# ` comment lines show. */
export interface ShellStep extends SessionStep {
  readonly status: number;
}

/**
 * Splits a ```sh block: comment lines right under a command show its output
 * (an indented comment line continues the previous one, wrapped for reading;
 * `(exit N)` at the end gives the exit code). Other comments are prose.
 */
export function shellSteps(block: string): ShellStep[] {
  const steps: Array<{ command: string; output: string[] }> = [];
  let current: { command: string; output: string[] } | undefined;
  for (const line of block.replace(/\s*\\\n\s*/g, ' ').split('\n')) {
    const comment = /^#(?: (.*))?$/.exec(line);
    if (!comment) {
      current = line.trim() === '' ? undefined : { command: line.replace(/\s+#.*$/, '').trim(), output: [] };
      if (current) steps.push(current);
    } else if (current) {
      const text = comment[1] ?? '';
      if (/^\s/.test(text) && current.output.length > 0) current.output[current.output.length - 1] += ` ${text.trim()}`;
      else current.output.push(text);
    }
  }
  return steps.map(({ command, output }) => {
    const exit = /\s*\(exit (\d+)\)$/.exec(output[output.length - 1] ?? '');
    if (exit) output[output.length - 1] = output[output.length - 1].slice(0, exit.index);
    return { command, output: output.join('\n'), status: exit ? Number(exit[1]) : 0 };
  });
}
