// ValidationError is not re-exported: jsii forbids exported classes that extend
// Error. TypeScript callers import it from '@ecs-batch/core/lib/errors'.
export * from './runner-contract';
export * from './arn';
export * from './policy';
export * from './fargate';
export * from './job';
export * from './limits';
export * from './alarm';
export * from './dashboard';
export * from './schedule';
