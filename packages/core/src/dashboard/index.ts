export * from './job-dashboard';
