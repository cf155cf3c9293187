export * from './aws-limits';
