/**
 * What `bench/lib/cron-adapter.ts` profiles when the cron target is missed:
 * our side alone, the corpus over and over for 10 s, so the
 * profile shows the evaluator rather than startup.
 */
import { Schedule } from '../../packages/core/src';
import { CRON_CORPUS } from '../cron-corpus';

const FROM = new Date('2026-03-15T12:34:56Z');
const until = Date.now() + 10_000;
let sink = 0;
while (Date.now() < until) {
  for (const expression of CRON_CORPUS) {
    sink += Schedule.expression(expression).nextFireTimes({ from: FROM, count: 100 }).length;
  }
}
process.stdout.write(`${sink} fire times\n`);
