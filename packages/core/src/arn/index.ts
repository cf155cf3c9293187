export * from './arn';
export * from './task-definition-arn';
export * from './cluster-arn';
export * from './ecr-image';
export * from './ssm-parameter-arn';
