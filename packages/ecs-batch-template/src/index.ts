export * from './ecs-batch-project';
export * from './ecs-batch-project-options';
export * from './ecs-batch-job-options';
