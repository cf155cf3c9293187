export * from './handler-types';
export { run, RunOptions, RunOutcome, RunStatus, DEFAULT_SHUTDOWN_TIMEOUT_MS } from './runner';
export { Termination } from './termination';
export { loadHandler, LoadedHandler, SHUTDOWN_EXPORT } from './handler-loader';
export { parseHandlerSpec, HandlerSpec } from './handler-spec';
export { scheduledEvent, ScheduledEvent, ScheduledEventProps } from './scheduled-event';
export { OverlapPolicy } from './overlap-guard';
