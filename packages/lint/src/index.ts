export * from './severity';
export * from './finding';
export * from './rule-info';
export * from './lint-options';
export * from './lint-report';
export * from './linter';
