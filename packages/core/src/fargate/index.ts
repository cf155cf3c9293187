export * from './fargate-size';
