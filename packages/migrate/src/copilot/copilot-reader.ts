import { dirname, relative as relativePath, resolve } from 'path';
import { readCloudFormationYaml } from '../cloudformation/cloudformation-yaml';
import { FoundFunction, FoundVariable, LambdaDefaults, ReaderResult } from '../found-function';
import { asArray, asMap, isMap, optional } from '../plain-data';
import { copilotSchedule, goDurationSeconds } from './copilot-schedule';

/**
 * What a Copilot Scheduled Job gets when the manifest does not say: 0.25 vCPU and 512 MiB, and
 * no timeout (the template's 60 minutes then applies).
 * @see https://aws.github.io/copilot-cli/docs/manifest/scheduled-job/
 */
export const COPILOT_DEFAULTS: LambdaDefaults = { memoryMb: 512, timeoutSeconds: 3600, origin: "Copilot's default (0.25 vCPU, 512 MiB, no timeout: the template's 60 minutes)" };
const DEFAULT_CPU = 256;

/** The manifest type this reader migrates; Copilot services are not scheduled. */
const SCHEDULED_JOB = 'Scheduled Job';

/**
 * Reads an AWS Copilot manifest (`copilot/<job>/manifest.yml`) of type `Scheduled Job`: its
 * schedule, size, timeout, command, variables, secrets and image, and warns about what has no
 * equivalent (retries, per-environment overrides, the image itself).
 * @see https://aws.github.io/copilot-cli/docs/manifest/scheduled-job/
 * @throws MigrationError when the YAML does not parse
 */
export function readCopilotManifest(file: string, relative: (file: string) => string): ReaderResult {
  const yaml = readCloudFormationYaml(file, relative);
  const manifest = asMap(yaml.value);
  if (manifest.type !== SCHEDULED_JOB) return { functions: [], warnings: yaml.warnings };
  const name = typeof manifest.name === 'string' ? manifest.name : relativePath(dirname(dirname(file)), dirname(file));
  const where = `${relative(file)}: ${name}`;
  const warnings: string[] = [];
  const schedule = asMap(manifest.on).schedule;
  if (typeof schedule !== 'string') {
    return { functions: [], warnings: [...yaml.warnings, `${where}: on.schedule is not set: not migrated`] };
  }
  const expression = copilotSchedule(schedule);
  if ('problem' in expression) return { functions: [], warnings: [...yaml.warnings, `${where}: on.schedule ${expression.problem}: not migrated`] };
  if (schedule.trim() !== expression.expression) warnings.push(`on.schedule ${schedule} is ${expression.expression} (UTC), as Copilot deploys it`);

  const cpu = typeof manifest.cpu === 'number' ? manifest.cpu : DEFAULT_CPU;
  const memory = typeof manifest.memory === 'number' ? manifest.memory : COPILOT_DEFAULTS.memoryMb;
  const timeout = manifest.timeout === undefined ? undefined : goDurationSeconds(String(manifest.timeout));
  if (manifest.timeout !== undefined && timeout === undefined) warnings.push(`timeout: ${String(manifest.timeout)} is not a duration (e.g. 1h30m); using the template's default`);
  if (manifest.timeout === undefined) warnings.push("timeout: Copilot set none; the job gets the template's 60 minutes, so set timeoutMinutes if a run takes longer");
  if (typeof manifest.retries === 'number' && manifest.retries > 0) {
    warnings.push(`retries: ${manifest.retries}: Copilot re-ran a failed job; here only failed launches are retried, and a failed run alerts instead`);
  }
  const platform = manifest.platform;
  const arch = typeof platform === 'string' ? platform : isMap(platform) ? String(platform.architecture ?? '') : '';
  if (/arm64/.test(arch)) warnings.push(`platform: ${arch}: set the job's CPU architecture to ARM64 (Fargate Spot does not run ARM64)`);
  warnings.push(imageNote(file, manifest.image));
  const environment = [...variables(manifest.variables), ...secrets(manifest.secrets)];
  for (const [env, override] of Object.entries(asMap(manifest.environments))) {
    const keys = Object.keys(asMap(override));
    if (keys.length > 0) {
      warnings.push(`environments.${env} overrides ${keys.join(', ')}: put them in the ${env} environment's tfvars where a variable exists (the job uses the manifest's base values)`);
    }
  }
  const command = commandOf(manifest.command);
  const fn: FoundFunction = {
    source: 'copilot',
    file,
    id: name,
    name,
    memoryMb: memory,
    ...optional('timeoutSeconds', timeout),
    defaults: COPILOT_DEFAULTS,
    environment,
    layerCount: 0,
    fargate: { cpu, memory },
    ...optional('command', command),
    codeRootMissing: 'it is a container image',
    schedules: [{ id: 'on.schedule', label: 'schedule', expressions: [expression.expression], enabled: true }],
    warnings,
  };
  return { functions: [fn], warnings: yaml.warnings };
}

/** What the team must do about the image: the template builds one Node image for its handlers. */
function imageNote(file: string, image: unknown): string {
  const settings = asMap(image);
  const build = settings.build;
  if (build !== undefined) {
    const dockerfile = typeof build === 'string' ? build : String(asMap(build).dockerfile ?? 'Dockerfile');
    const context = typeof build === 'string' ? dirname(build) : String(asMap(build).context ?? '.');
    return `image: built from ${dockerfile} (context ${context}, relative to the workspace root ${resolve(dirname(file), '..', '..')}): `
      + "the template's image runs Node handlers; port the job to a handler in src/jobs/<job>/, or build this image and set it as the job's image by hand";
  }
  if (settings.location !== undefined) {
    return `image: ${String(settings.location)}: the template's image runs Node handlers; port the job to a handler, or set this image as the job's image by hand`;
  }
  return "image: not set: the template's image runs Node handlers; port the job to a handler in src/jobs/<job>/";
}

function variables(raw: unknown): FoundVariable[] {
  return Object.entries(asMap(raw)).map(([name, value]): FoundVariable =>
    (['string', 'number', 'boolean'].includes(typeof value) ? { name, value: String(value) } : { name, expression: JSON.stringify(value) }));
}

/** Secrets are SSM parameter names, `secretsmanager:` references or `from_cfn` imports: never values. */
function secrets(raw: unknown): FoundVariable[] {
  return Object.entries(asMap(raw)).map(([name, value]): FoundVariable => {
    const source = typeof value === 'string' ? value : isMap(value) && value.secretsmanager !== undefined
      ? `secretsmanager: ${String(value.secretsmanager)}` : JSON.stringify(value);
    return { name, expression: `secret ${source}`, secret: true };
  });
}

function commandOf(raw: unknown): string[] | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) return asArray(raw).map(String);
  // A string command is split on spaces, as Copilot does (without a shell).
  return String(raw).split(/\s+/).filter((part) => part !== '');
}

