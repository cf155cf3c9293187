export * from './fargate-size';
export * from './fargate-architecture';
