export * from './aws-prices';
export * from './run-cost';
