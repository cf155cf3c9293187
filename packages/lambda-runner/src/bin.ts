import { readFileSync } from 'fs';
import { constants } from 'os';
import { join } from 'path';
import { Errors, RunnerEnvironment } from '@ecs-batch/core';
import { errorJson, toError } from './error-json';
import { loadHandler, SHUTDOWN_EXPORT } from './handler-loader';
import { parseHandlerSpec } from './handler-spec';
import { JsonLogger } from './json-logger';
import { RunOutcome, run } from './runner';
import { readRunnerConfig } from './runner-config';
import { scheduledTime } from './scheduled-time';
import { Termination } from './termination';

/** Exit codes of `ecs-batch-run`. A stop by signal N exits 128 + N (SIGTERM: 143). */
export const EXIT_CODES = {
  /** The handler succeeded, or the run was skipped by the overlap guard. */
  SUCCESS: 0,
  /** The handler failed, the configuration is invalid, the handler cannot be loaded, or an error escaped outside the handler. */
  FAILURE: 1,
  /** The command line is wrong, or no handler is named at all. */
  USAGE: 2,
  /** `ECS_BATCH_TIMEOUT_SECONDS` elapsed (as `timeout(1)` does). */
  TIMEOUT: 124,
} as const;

/** The signals that stop a run: ECS sends SIGTERM; SIGINT is Ctrl-C in a local run. */
const STOP_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

const USAGE = `Usage: ecs-batch-run [<module-path>#<exportName> | <file>.<export>]

Runs a Lambda handler once, as the command of an ECS task, and exits.
  ecs-batch-run ./dist/jobs/nightly.js#handler
  ECS_BATCH_HANDLER=dist/jobs/nightly.handler ecs-batch-run

Environment:
  ${RunnerEnvironment.HANDLER}            the handler, Lambda style (file.export), when no argument is given
  ${RunnerEnvironment.EVENT}              the event as JSON (default: an EventBridge "Scheduled Event")
  ${RunnerEnvironment.JOB_NAME}           the job name (default: the task definition family)
  ${RunnerEnvironment.TIMEOUT_SECONDS}    stop the run after this many seconds (default: none)
  ${RunnerEnvironment.OVERLAP}            allow (default) or skip while another task of the family runs
  ${RunnerEnvironment.METRIC_NAMESPACE}   CloudWatch namespace of the metrics (default: EcsBatch)
  ${RunnerEnvironment.ATTEMPT}            the delivery attempt, where the target passes it (logged as attempt)

A module may export '${SHUTDOWN_EXPORT}', called on SIGTERM before the runner exits.

Exit codes: 0 succeeded or skipped, 1 failed, 2 usage, 124 timeout, 143 SIGTERM.
`;

class UsageError extends Error {}

type Command = { readonly kind: 'help' } | { readonly kind: 'version' } | { readonly kind: 'run'; readonly handler?: string };

/**
 * The `ecs-batch-run` process: reads argv and the environment, loads the handler,
 * forwards SIGTERM/SIGINT to the run, and exits with the outcome's code. Never rejects.
 */
export async function main(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // If the process ever ends without an outcome, it must not look like a success.
  process.exitCode = EXIT_CODES.FAILURE;
  const log = new JsonLogger((line) => { process.stdout.write(line); });
  const stop = new AbortController();
  let running = false;
  let exiting = false;
  const exit = (code: number) => {
    if (exiting) return;
    exiting = true;
    process.exitCode = code;
    // Let stdout drain (asynchronous on some platforms), then end whatever the handler left running.
    process.stdout.write('', () => process.exit(code));
  };

  const onCrash = (kind: string) => (error: unknown) => {
    if (exiting) return;
    const where = !running ? 'outside the handler' : stop.signal.aborted ? 'while stopping' : 'during the run';
    log.error('uncaught', `${kind} ${where}: ${errorJson(error).message}`, { kind, error: errorJson(error) });
    if (!running) exit(EXIT_CODES.FAILURE);
    else if (!stop.signal.aborted) stop.abort(toError(error));
  };
  process.on('uncaughtException', onCrash('uncaughtException'));
  process.on('unhandledRejection', onCrash('unhandledRejection'));

  for (const signal of STOP_SIGNALS) {
    process.on(signal, () => {
      if (running && !stop.signal.aborted) {
        stop.abort(new Termination(signal));
        return;
      }
      // Before the handler started, or a second signal: nothing to wait for.
      log.warn('signal', `${signal} received ${running ? 'again' : 'before the handler started'}: exiting`, { signal });
      exit(signalExitCode(signal));
    });
  }

  try {
    const command = parseCommandLine(argv);
    if (command.kind === 'help') {
      process.stdout.write(USAGE);
      return exit(EXIT_CODES.SUCCESS);
    }
    if (command.kind === 'version') {
      process.stdout.write(`${version()}\n`);
      return exit(EXIT_CODES.SUCCESS);
    }

    const config = readRunnerConfig(env);
    // When the schedule fired, taken as the runner starts.
    const time = scheduledTime(env, new Date());
    const handlerText = command.handler ?? config.handler;
    if (handlerText === undefined) {
      throw new UsageError(`no handler given (pass <module-path>#<exportName>, or set ${RunnerEnvironment.HANDLER}=file.export)`);
    }
    const spec = parseHandlerSpec(handlerText, command.handler !== undefined ? 'handler' : RunnerEnvironment.HANDLER);
    const loaded = await loadHandler(spec, process.cwd());
    // One turn of the event loop lets the module's start-up promises and ticks settle:
    // an error there is outside the handler, and the handler must not start.
    await new Promise((resolve) => setImmediate(resolve));
    if (exiting) return;

    running = true;
    const outcome = await run({
      handler: loaded.handler,
      shutdown: loaded.shutdown,
      handlerName: spec.text,
      event: config.event === undefined ? undefined : config.event.value,
      jobName: config.jobName,
      timeoutSeconds: config.timeoutSeconds,
      overlap: config.overlap,
      metricNamespace: config.metricNamespace,
      metadataUri: config.metadataUri,
      region: config.region,
      scheduledTime: time,
      attempt: config.attempt,
      overlapSettleMs: config.overlapSettleMs,
      stop: stop.signal,
      whenEventLoopEmpty: () => new Promise<void>((resolve) => { process.once('beforeExit', () => resolve()); }),
    });
    exit(exitCodeFor(outcome));
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`ecs-batch-run: ${e.message}\n${USAGE.split('\n')[0]}\nRun 'ecs-batch-run --help' for details.\n`);
      exit(EXIT_CODES.USAGE);
    } else if (Errors.isValidationError(e)) {
      log.error('config-error', (e as Error).message, { field: Errors.fieldOf(e) });
      exit(EXIT_CODES.FAILURE);
    } else {
      // The handler module threw while loading (or a bug here): its own error, with its stack.
      log.error('load-error', `cannot load the handler: ${errorJson(e).name}: ${errorJson(e).message}`, { error: errorJson(e) });
      exit(EXIT_CODES.FAILURE);
    }
  }
}

/** The exit code of an outcome. */
export function exitCodeFor(outcome: RunOutcome): number {
  switch (outcome.status) {
    case 'succeeded':
    case 'skipped':
      return EXIT_CODES.SUCCESS;
    case 'failed':
      return EXIT_CODES.FAILURE;
    case 'timeout':
      return EXIT_CODES.TIMEOUT;
    case 'terminated':
      return signalExitCode(outcome.signal ?? 'SIGTERM');
  }
}

function signalExitCode(signal: string): number {
  const number = (constants.signals as { [name: string]: number | undefined })[signal];
  return 128 + (number ?? constants.signals.SIGTERM);
}

function parseCommandLine(argv: string[]): Command {
  if (argv.includes('--help') || argv.includes('-h')) return { kind: 'help' };
  if (argv.includes('--version')) return { kind: 'version' };
  const option = argv.find((arg) => arg.startsWith('-'));
  if (option !== undefined) throw new UsageError(`unknown option '${option}' (--help, --version)`);
  if (argv.length > 1) throw new UsageError(`one handler expected, got ${argv.length}: ${argv.join(' ')}`);
  return { kind: 'run', handler: argv[0] };
}

function version(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
  return `${pkg.name} ${pkg.version}`;
}
