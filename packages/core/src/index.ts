// ValidationError is not re-exported: jsii forbids exported classes that extend
// Error. Errors.isValidationError(e) and Errors.fieldOf(e) recognize it in every language.
export * from './error-checks';
export * from './runner-contract';
export * from './arn';
export * from './policy';
export * from './fargate';
export * from './job';
export * from './limits';
export * from './alarm';
export * from './dashboard';
export * from './schedule';
export * from './pricing';
