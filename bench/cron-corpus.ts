/**
 * Realistic schedule expressions for the cron benchmark: the examples of the
 * AWS docs, then what scheduled jobs commonly use, then every special day
 * wildcard (L, LW, W, #, <weekday>L) and sparse schedules (leap days, years).
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html
 */
export const CRON_CORPUS: readonly string[] = [
  // the AWS docs' examples
  'cron(0 10 * * ? *)',
  'cron(15 12 * * ? *)',
  'cron(0 18 ? * MON-FRI *)',
  'cron(0 8 1 * ? *)',
  'cron(0/15 * * * ? *)',
  'cron(0/10 * ? * MON-FRI *)',
  'cron(0/5 8-17 ? * MON-FRI *)',
  'cron(0 9 ? * 2#1 *)',
  'cron(1/10 * * * ? *)',
  // daily, hourly, every few minutes
  'cron(* * * * ? *)',
  'cron(0 * * * ? *)',
  'cron(30 * * * ? *)',
  'cron(5,35 * * * ? *)',
  'cron(0 */2 * * ? *)',
  'cron(0 */6 * * ? *)',
  'cron(0 5/8 * * ? *)',
  'cron(0 0 * * ? *)',
  'cron(0 2 * * ? *)',
  'cron(59 23 * * ? *)',
  'cron(0/20 6-22 * * ? *)',
  // weekly and working days
  'cron(0 0 ? * SUN *)',
  'cron(0 3 ? * SAT *)',
  'cron(0 1 ? * 1 *)',
  'cron(0 4 ? * 7 *)',
  'cron(0 0 ? * SAT,SUN *)',
  'cron(0 9 ? * MON,WED,FRI *)',
  'cron(30 7 ? * TUE-THU *)',
  'cron(0 20 ? * SUN-THU *)',
  'cron(0 8-18/2 ? * MON-FRI *)',
  'cron(0,30 9-17 ? * MON-FRI *)',
  // monthly, quarterly, yearly
  'cron(0 0 1 * ? *)',
  'cron(0 9 1,15 * ? *)',
  'cron(20 4 10,20,30 * ? *)',
  'cron(0 0 1-7 * ? *)',
  'cron(0 12 1/2 * ? *)',
  'cron(0 0 31 * ? *)',
  'cron(0 10 28-31 * ? *)',
  'cron(0 0 1 */3 ? *)',
  'cron(0 0 1 JAN,APR,JUL,OCT ? *)',
  'cron(0 6 1 1 ? *)',
  'cron(0 12 * 6-8 ? *)',
  'cron(0 9 ? JAN-MAR MON *)',
  // the special day wildcards
  'cron(0 0 L * ? *)',
  'cron(45 23 L 12 ? *)',
  'cron(0 17 LW * ? *)',
  'cron(30 2 LW 3,6,9,12 ? *)',
  'cron(0 9 15W * ? *)',
  'cron(0 9 1W * ? *)',
  'cron(0 22 ? * 6L *)',
  'cron(0 6 ? * 2L *)',
  'cron(0 3 ? * L *)',
  'cron(0 12 ? * 4#3 *)',
  'cron(0 14 ? * FRI#2 *)',
  'cron(0 0 ? * 1#1 *)',
  'cron(0 8 ? NOV 5#4 *)',
  'cron(0 11 ? DEC 5#4 *)',
  // sparse: leap days and years
  'cron(0 12 29 2 ? *)',
  'cron(0 2 * * ? 2026-2030)',
  'cron(0 0 1 1 ? 2027,2029,2031)',
  'cron(15 10 ? * 6L 2026-2028)',
];
