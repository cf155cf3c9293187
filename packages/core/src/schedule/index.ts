export * from './schedule';
export * from './time-zone';
