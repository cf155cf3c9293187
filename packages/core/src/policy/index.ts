export * from './service-principal';
export * from './run-task-policy';
export * from './invoker-trust-policy';
export * from './dead-letter-queue-policy';
export * from './ecs-tasks-trust-props';
export * from './execution-role-policy';
export * from './task-role-policy';
