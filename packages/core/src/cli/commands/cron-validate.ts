import { ValidationError } from '../../errors';
import { Schedule } from '../../schedule';
import { Command } from '../command';

/** `ecs-batch cron validate <expr>` */
export const CRON_VALIDATE: Command = {
  group: 'cron',
  name: 'validate',
  summary: 'check a cron(), rate() or at() expression and describe it',
  arguments: [{ name: 'expr', description: "a schedule expression, e.g. 'cron(0 2 * * ? *)' (quote it)" }],
  options: [],
  description: [
    'Checks a schedule expression exactly as EventBridge rules and EventBridge Scheduler define it',
    '(6 cron fields, exactly one of day-of-month / day-of-week is ?, rate() units, at() format).',
    '',
    'JSON: {"valid":true,"description":"..."}. When the expression is invalid the exit code is 1, the',
    'message on stderr names the field, and --json prints {"valid":false,"error":"<message>"}.',
  ].join('\n'),
  examples: [
    "ecs-batch cron validate 'cron(0 2 * * ? *)'",
    "ecs-batch cron validate 'rate(5 minutes)' --json",
  ],
  run(args) {
    try {
      const schedule = Schedule.expression(args.positionals[0]);
      const description = schedule.describe();
      return { json: { valid: true, description }, text: `valid: ${schedule.expressionString}\n${description}` };
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return { json: { valid: false, error: e.message }, text: '', stderr: [e.message], exitCode: 1 };
    }
  },
};
