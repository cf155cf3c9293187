import { ECSB000 } from './ecsb000-suppression-without-reason';
import { ECSB001 } from './ecsb001-pinned-revision';
import { ECSB002 } from './ecsb002-run-task-on-family';
import { ECSB003 } from './ecsb003-public-ip-without-fargate';
import { ECSB004 } from './ecsb004-run-task-permissions';
import { ECSB005 } from './ecsb005-confused-deputy';
import { ECSB006 } from './ecsb006-invalid-schedule';
import { ECSB007 } from './ecsb007-local-time-cron';
import { ECSB008 } from './ecsb008-no-retry-or-dlq';
import { ECSB009 } from './ecsb009-no-failure-alert';
import { LintRule } from '../private/lint-context';

/** Every rule, in id order. Adding a rule is adding a file and a line here. */
export const ALL_RULES: LintRule[] = [ECSB000, ECSB001, ECSB002, ECSB003, ECSB004, ECSB005, ECSB006, ECSB007, ECSB008, ECSB009];
