export * from './job-name';
export * from './job-role-names';
export * from './job-task-definition';
export * from './job-task-definition-props';
export * from './job-vocabulary';
