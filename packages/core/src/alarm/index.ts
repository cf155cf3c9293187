export * from './duration-alarm';
export * from './failure-alert';
