export * from './schedule';
export * from './schedule-kind';
export * from './schedule-trigger';
export * from './time-unit';
export * from './cron-options';
export * from './next-fire-times-options';
export * from './utc-conversion';
export * from './time-zone';
