export * from './resolved-value';
export * from './terraform-block';
export * from './terraform-scope';
export * from './terraform-values';
export * from './terraform-module';
