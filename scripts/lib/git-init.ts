import { run, tryRun } from './command';

/**
 * `git init -b main`, then one commit of everything, as `projen new` does.
 * Returns why the commit was skipped (no git identity configured), if it was.
 */
export async function gitInitAndCommit(dir: string, message: string): Promise<string | undefined> {
  await run('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  await run('git', ['add', '-A'], { cwd: dir });
  const commit = await tryRun('git', ['commit', '-q', '-m', message], { cwd: dir });
  if (commit.exitCode === 0) return undefined;
  return (commit.stderr || commit.stdout).trim().split('\n').slice(-3).join(' ');
}
