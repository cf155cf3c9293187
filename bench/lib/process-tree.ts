import * as fs from 'fs';

/**
 * Every descendant of `pid` (children, their children…), read from /proc;
 * empty where there is no /proc. A timed command runs under GNU time and
 * often spawns more (projen → npm → node): killing only the process we
 * spawned would orphan the rest, which keep its output pipes open and run on.
 */
export function descendantPids(pid: number): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  const children = new Map<number, number[]>();
  for (const entry of entries) {
    const ppid = parentOf(entry);
    if (ppid === undefined) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** The parent pid from /proc/<pid>/stat; the command name may hold spaces and parentheses, so read after the last `)`. */
function parentOf(pid: string): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined; // it exited while we read
  }
}

/**
 * Sends `signal` to `pid` and every descendant, and returns the pids signalled.
 * Descendants are listed before anything is killed: once a parent dies, its
 * children are re-parented and no longer found under it.
 */
export function signalTree(pid: number, signal: NodeJS.Signals, pids: readonly number[] = [pid, ...descendantPids(pid)]): number[] {
  for (const p of pids) {
    try {
      process.kill(p, signal);
    } catch {
      // already gone
    }
  }
  return [...pids];
}
