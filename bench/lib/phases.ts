/**
 * Splits one `projen build` into its phases from the lines projen prints as
 * each task starts (`👾 build » compile | tsc --build`), timed as they
 * arrive: one process, so no per-phase startup is added, and the phases add
 * up to the whole.
 */

/** A line of output and when it came, in ms since the process started. */
export interface TimedLine {
  readonly atMs: number;
  readonly text: string;
}

export interface Phase {
  readonly name: string;
  readonly ms: number;
}

/** The dependency install phase: the floor, whoever runs it. */
export const INSTALL = 'install';

/** `👾 build » compile | …` or `👾 build » test » eslint | …`: the first task under build names the phase. */
const TASK_LINE = /👾 build » ([^\s»|]+)/;
/** projen installs when a synth changes dependencies (`👾 Installing dependencies...`, then `👾 install | npm install`). */
const INSTALL_LINE = /👾 (Installing dependencies|install \|)/;

/**
 * Phases in order of first appearance, with their total time. Time before
 * the first task line belongs to `startPhase`; the last phase runs to `endMs`.
 */
export function splitPhases(lines: readonly TimedLine[], endMs: number, startPhase: string = 'startup'): Phase[] {
  const totals = new Map<string, number>();
  let current = startPhase;
  let since = 0;
  const switchTo = (name: string, atMs: number) => {
    totals.set(current, (totals.get(current) ?? 0) + (atMs - since));
    current = name;
    since = atMs;
  };
  for (const line of lines) {
    const install = INSTALL_LINE.test(line.text);
    const task = TASK_LINE.exec(line.text)?.[1];
    if (install && current !== INSTALL) switchTo(INSTALL, line.atMs);
    else if (task && task !== current) switchTo(task, line.atMs);
  }
  switchTo('', endMs);
  return [...totals].filter(([, ms]) => ms > 0).map(([name, ms]) => ({ name, ms }));
}
