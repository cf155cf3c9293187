import { readFileSync } from 'fs';
import { join } from 'path';

/**
 * The region and time zone the new repo uses (from its scripts/jobs.json, which projen
 * wrote from .projenrc.ts), and how to change them: a newcomer's first surprise otherwise.
 */
export function whereItRuns(dir: string): string[] {
  const config = JSON.parse(readFileSync(join(dir, 'scripts', 'jobs.json'), 'utf8'));
  const zones = [...new Set(Object.values<any>(config.jobs).map((job) => job.scheduleTimeZone as string))];
  return [
    `Region:    ${config.region}`,
    `Time zone: ${zones.join(', ') || 'none (no job yet)'}`,
    '  To change them, set region and timeZone (or a job\'s timeZone) in .projenrc.ts and run npx projen,',
    '  or pass --region and --time-zone to npm run new.',
  ];
}
