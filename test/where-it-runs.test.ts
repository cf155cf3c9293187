import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { whereItRuns } from '../scripts/lib/where-it-runs';

describe('npm run new tells a newcomer where the jobs run', () => {
  test('the region and time zone from the new repo\'s scripts/jobs.json, and how to change them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'where-'));
    mkdirSync(join(dir, 'scripts'));
    writeFileSync(join(dir, 'scripts', 'jobs.json'), JSON.stringify({ region: 'eu-west-1', jobs: { nightly: { scheduleTimeZone: 'Europe/Dublin' } } }));
    const lines = whereItRuns(dir);
    expect(lines.slice(0, 2)).toEqual(['Region:    eu-west-1', 'Time zone: Europe/Dublin']);
    expect(lines.join('\n')).toContain('set region and timeZone (or a job\'s timeZone) in .projenrc.ts and run npx projen');
  });
});
