export * from './aws-limits';
export * from './terraform-versions';
