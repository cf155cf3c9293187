export * from './schedule';
export * from './schedule-kind';
export * from './time-unit';
export * from './cron-options';
export * from './next-fire-times-options';
export * from './utc-conversion';
export * from './time-zone';
export * from './last-fire-time-options';
