import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { parse as parseYaml } from 'yaml';
import { ACTION_PINS } from '../../../packages/ecs-batch-template/src/private/pins';
import { ACTION_FIXTURES, ACTION_RUNTIME } from '../../../scripts/lib/actions-update';

/** The actions a job may hold `id-token: write` for: it assumes an AWS role. */
const ASSUMES_ROLE = 'aws-actions/configure-aws-credentials';

/**
 * Checks a workflow file against the vendored action.yml of every action it
 * uses and against the token-rights rules; returns one message per problem
 * (`<file> jobs.<job>.steps[<i>]: ...`), none when it is sound.
 */
export function checkWorkflow(root: string, file: string, text: string): string[] {
  const problems: string[] = [];
  const workflow = parseYaml(text);
  const at = (where: string, message: string) => problems.push(`${file} ${where}: ${message}`);

  if (!('permissions' in workflow)) at('permissions', 'missing: start from `permissions: {}` and grant per job');
  else if (!isReadOnly(workflow.permissions)) at('permissions', `the workflow grants ${JSON.stringify(workflow.permissions)}: grant per job`);
  const lines = text.split('\n');

  for (const [jobId, job] of Object.entries<any>(workflow.jobs ?? {})) {
    const where = `jobs.${jobId}`;
    if (job.secrets === 'inherit') at(where, '`secrets: inherit` passes every secret');
    if (!job.uses && !job.permissions) at(`${where}.permissions`, 'missing: each job asks for what it needs');
    if (job.permissions?.['id-token'] === 'write') {
      const steps: any[] = job.steps ?? [];
      const assumesRole = steps.some((s) => typeof s.uses === 'string' && s.uses.startsWith(`${ASSUMES_ROLE}@`));
      const publishesWithProvenance = steps.some((s) => s.env?.NPM_CONFIG_PROVENANCE === 'true');
      const callsWorkflow = typeof job.uses === 'string' && job.uses.startsWith('./');
      if (!assumesRole && !publishesWithProvenance && !callsWorkflow) at(`${where}.permissions`, '`id-token: write` without assuming a role or publishing with provenance');
    }
    (job.steps ?? []).forEach((step: any, i: number) => {
      if (typeof step.uses !== 'string' || step.uses.startsWith('./')) return;
      for (const problem of checkStep(root, step, lines)) at(`${where}.steps[${i}] (${step.uses})`, problem);
    });
  }
  return problems;
}

function checkStep(root: string, step: any, lines: string[]): string[] {
  // owner/repo, or owner/repo/path for an action in a folder of its repository.
  const match = /^([\w.-]+\/[\w.-]+(?:\/[\w.-]+)*)@(.+)$/.exec(step.uses);
  if (!match) return ['not owner/repo[/path]@ref'];
  const [, repo, ref] = match;
  if (!/^[0-9a-f]{40}$/.test(ref)) return [`pinned to '${ref}', not a full commit SHA`];
  const pin = ACTION_PINS.find((p) => p.repo === repo);
  if (!pin) return ['not in pins.ts'];
  if (pin.sha !== ref) return [`${ref} is not the pinned ${pin.sha} (${pin.tag})`];
  const problems: string[] = [];
  const commented = new RegExp(`uses:\\s+${escapeRegExp(step.uses)} # (v\\d+\\.\\d+\\.\\d+)\\s*$`);
  const comments = lines.map((l) => commented.exec(l)?.[1]).filter((tag): tag is string => tag !== undefined);
  if (comments.length === 0 || comments.some((tag) => tag !== pin.tag)) problems.push(`needs the comment '# ${pin.tag}' on its uses: line`);

  const fixture = join(root, ACTION_FIXTURES, repo, `${ref}.yml`);
  if (!existsSync(fixture)) return [...problems, `no vendored action.yml at ${fixture}: run npx projen actions:update`];
  const action = parseYaml(readFileSync(fixture, 'utf8'));
  if (action.runs?.using !== ACTION_RUNTIME) problems.push(`runs on ${action.runs?.using}, not ${ACTION_RUNTIME}`);
  const inputs: Record<string, any> = action.inputs ?? {};
  for (const name of Object.keys(step.with ?? {})) {
    if (!(name in inputs)) problems.push(`input '${name}' is not an input of ${repo}@${pin.tag} (it has: ${Object.keys(inputs).join(', ')})`);
  }
  for (const [name, input] of Object.entries(inputs)) {
    const required = input?.required === true || input?.required === 'true';
    if (required && input.default === undefined && !(name in (step.with ?? {}))) problems.push(`required input '${name}' is not given`);
  }
  return problems;
}

function isReadOnly(permissions: unknown): boolean {
  if (permissions === 'read-all') return true;
  if (typeof permissions !== 'object' || permissions === null) return false;
  return Object.values(permissions).every((p) => p === 'read' || p === 'none');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
