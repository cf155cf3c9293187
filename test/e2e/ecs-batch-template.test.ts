/**
 * The end-to-end proof of issue 6, on a real registry: every package is
 * released as a snapshot (the repo's own `npm run release:snapshot`) to a
 * Verdaccio on 127.0.0.1, and team repos are stamped out of it with
 * `projen new --from ecs-batch-template@<snapshot>`, built, checked,
 * refused bad input, and upgraded to a second template snapshot. One more is
 * made from a folder of scheduled Lambdas (`--migrate-from`, issue 8), with the
 * analyzer fetched from the same registry. Last, a real release (issue 17):
 * the release workflow's version and publish scripts, against the same registry.
 *
 * One registry and one snapshot serve the whole file; the generated repos
 * install one after the other (the machine has two cores).
 */
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { parse as parseYaml } from 'yaml';
import { CdktfSynth, block } from './support/cdktf-synth';
import { GeneratedRepo } from './support/generated-repo';
import { HclFolder } from './support/hcl-folder';
import { SnapshotRegistry, TEMPLATE } from './support/snapshot-registry';
import { evaluateReplace } from './support/terraform-expression';
import { RELEASE_SCRIPTS } from '../../projenrc/changesets';
import { run, tryRun } from '../../scripts/lib/command';
import { projenNew } from '../../scripts/lib/projen-new';
import { workspacePackages, writeChangeset } from '../../scripts/lib/snapshot-release';
import { PhaseTimer } from '../../scripts/lib/timing';
import { copyWorkspace } from '../../scripts/lib/workspace-copy';
import { Schedule } from '@ecs-batch/core';

const ROOT = resolve(__dirname, '..', '..');
const MINUTE = 60_000;
const TEAM = 'payments';
const FAMILY = 'payments-nightly';
/** A task definition ARN with a revision, as `aws_ecs_task_definition.arn` reads after a deploy. */
const REVISION_ARN = `arn:aws:ecs:ap-northeast-1:123456789012:task-definition/${FAMILY}:7`;
const FAMILY_ARN = `arn:aws:ecs:ap-northeast-1:123456789012:task-definition/${FAMILY}`;
const HANDLER = 'src/jobs/nightly/handler.ts';
const HANDLER_TEST = 'test/jobs/nightly.test.ts';

const timer = new PhaseTimer((line) => process.stderr.write(`[e2e] ${line}\n`));
let snapshot: SnapshotRegistry | undefined;

/** The shared registry; fails the test that needs it if the setup failed. */
function registry(): SnapshotRegistry {
  if (!snapshot) throw new Error('setup: the snapshot registry did not start (see beforeAll)');
  return snapshot;
}

/** The repos the flavour blocks generate, reused by the day-2 block at the end. */
const generatedRepos: { cdktf?: GeneratedRepo; hcl?: GeneratedRepo } = {};

function generate(name: string, flags: string[]): Promise<GeneratedRepo> {
  const r = registry();
  return timer.phase('new', `projen new --from ${r.templateSpec} ${flags.join(' ')}`, () =>
    GeneratedRepo.create(r.work, name, r.templateSpec, flags, r.env()));
}

beforeAll(async () => {
  snapshot = await SnapshotRegistry.start(ROOT, 'e2e', timer);
}, 15 * MINUTE);

afterAll(async () => {
  await snapshot?.stop();
  process.stderr.write(`[e2e] timings\n${timer.summary()}\n`);
}, MINUTE);

describe('snapshot release', () => {
  test('every published package has a snapshot version, and the template pins its siblings at theirs', async () => {
    const r = registry();
    for (const name of ['@ecs-batch/core', '@ecs-batch/cdktf', '@ecs-batch/cdktn', '@ecs-batch/lambda-runner', '@ecs-batch/migrate', TEMPLATE]) {
      expect(r.version(name)).toMatch(/^\d+\.\d+\.\d+-e2e-\d{14}$/);
    }
    const viewed = await run('npm', ['view', `${TEMPLATE}@e2e`, 'version', 'dependencies', '--json'], { cwd: r.work, env: r.env() });
    const view = JSON.parse(viewed.stdout);
    expect(view.version).toBe(r.version(TEMPLATE));
    expect(view.dependencies['@ecs-batch/core']).toBe(r.version('@ecs-batch/core'));
  });
});

describe('--infra cdktf', () => {
  let repo: GeneratedRepo;

  beforeAll(async () => {
    repo = await generate('payments-cdktf', ['--team', TEAM, '--infra', 'cdktf']);
    generatedRepos.cdktf = repo;
  }, 10 * MINUTE);

  test('re-running npx projen leaves git clean', async () => {
    await repo.projen();
    expect(await repo.gitStatus()).toBe('');
  }, 3 * MINUTE);

  test('npx projen build passes: the repo\'s tests and the infra synth, and changes no committed file', async () => {
    await timer.phase('build', 'cdktf repo: npx projen build', () => repo.projen('build'));
    expect(repo.exists('cdktf.out')).toBe(true);
    expect(await repo.gitStatus()).toBe('');
  }, 10 * MINUTE);

  describe('the synthesized infra', () => {
    let synth: CdktfSynth;
    let schedule: any;
    let taskDefinitions: Record<string, any>;

    beforeAll(() => {
      synth = CdktfSynth.read(repo.dir);
      const schedules = Object.values(synth.resources('aws_scheduler_schedule'));
      expect(schedules).toHaveLength(1);
      schedule = schedules[0];
      taskDefinitions = synth.resources('aws_ecs_task_definition');
    });

    test('EventBridge Scheduler runs the job at the default schedule in Asia/Tokyo', () => {
      expect(schedule.schedule_expression).toBe('cron(0 2 * * ? *)');
      expect(schedule.schedule_expression_timezone).toBe('Asia/Tokyo');
    });

    test('the schedule targets the revisionless task definition family (the latest revision)', () => {
      const target = block(block(schedule.target).ecs_parameters).task_definition_arn as string;
      const [name, definition] = Object.entries(taskDefinitions).find(([n]) => target.includes(`aws_ecs_task_definition.${n}.arn`)) ?? [];
      expect(name).toBeDefined();
      expect(definition.family).toBe(FAMILY);
      expect(evaluateReplace(target, { [`aws_ecs_task_definition.${name}.arn`]: REVISION_ARN })).toBe(FAMILY_ARN);
    });

    test('RunTask is allowed on family:* only, in the schedule\'s cluster', () => {
      const target = block(block(schedule.target).ecs_parameters).task_definition_arn as string;
      const [name] = Object.keys(taskDefinitions).filter((n) => target.includes(`aws_ecs_task_definition.${n}.arn`));
      const runTask = synth.policyStatements().filter((s) => [s.Action].flat().includes('ecs:RunTask'));
      expect(runTask).toHaveLength(1);
      const [statement] = runTask;
      expect(statement.Effect).toBe('Allow');
      expect(typeof statement.Resource).toBe('string');
      expect(evaluateReplace(statement.Resource as string, { [`aws_ecs_task_definition.${name}.arn`]: REVISION_ARN })).toBe(`${FAMILY_ARN}:*`);
      expect(statement.Condition?.ArnEquals?.['ecs:cluster']).toBe(block(schedule.target).arn);
      expect(block(schedule.target).arn).toBe('${var.cluster_arn}');
    });
  });
});

describe('--infra cdktn', () => {
  let repo: GeneratedRepo;

  beforeAll(async () => {
    repo = await generate('payments-cdktn', ['--team', TEAM, '--infra', 'cdktn']);
  }, 10 * MINUTE);

  test('it installs CDK Terrain and never the other framework', async () => {
    const dev = repo.readJson('package.json').devDependencies;
    expect(dev['@ecs-batch/cdktn']).toBe(registry().version('@ecs-batch/cdktn'));
    expect(Object.keys(dev)).toEqual(expect.arrayContaining(['cdktn', '@cdktn/provider-aws', 'constructs']));
    // npm ls exits 1 when nothing matches: the output is what tells.
    const listed = await tryRun('npm', ['ls', 'cdktf', '@cdktf/provider-aws', '@ecs-batch/cdktf', '--all', '--json'], { cwd: repo.dir, env: registry().env() });
    expect(JSON.parse(listed.stdout).dependencies ?? {}).toEqual({});
    expect(repo.exists('node_modules/cdktn')).toBe(true);
  });

  test('npx projen build passes: the repo\'s tests and the infra synth on cdktn, and changes no committed file', async () => {
    await timer.phase('build', 'cdktn repo: npx projen build', () => repo.projen('build'));
    const synth = CdktfSynth.read(repo.dir);
    expect(Object.keys(synth.resources('aws_scheduler_schedule'))).toHaveLength(1);
    expect(synth.json.terraform.required_providers.aws.source).toBe('hashicorp/aws');
    expect(await repo.gitStatus()).toBe('');
  }, 10 * MINUTE);
});

describe('--infra hcl', () => {
  let repo: GeneratedRepo;

  beforeAll(async () => {
    repo = await generate('payments-hcl', ['--team', TEAM, '--infra', 'hcl']);
    generatedRepos.hcl = repo;
  }, 10 * MINUTE);

  test('re-running npx projen leaves git clean', async () => {
    await repo.projen();
    expect(await repo.gitStatus()).toBe('');
  }, 3 * MINUTE);

  test('npx projen build passes: the repo\'s tests, which parse the HCL, and changes no committed file', async () => {
    await timer.phase('build', 'hcl repo: npx projen build', () => repo.projen('build'));
    expect(repo.read('test/infra/main.test.ts')).toContain('@cdktf/hcl2json');
    expect(await repo.gitStatus()).toBe('');
  }, 10 * MINUTE);

  test('the job settings reach Terraform through a *.auto.tfvars.json: Scheduler in Asia/Tokyo', async () => {
    const tfvars = readdirSync(join(repo.dir, 'infra')).filter((f) => f.endsWith('.auto.tfvars.json'));
    expect(tfvars).toHaveLength(1);
    const { jobs } = repo.readJson(join('infra', tfvars[0]));
    expect(jobs.nightly).toEqual(expect.objectContaining({
      family: FAMILY,
      schedule_expression: 'cron(0 2 * * ? *)',
      time_zone: 'Asia/Tokyo',
      trigger: 'scheduler',
    }));
    const root = await HclFolder.parse(join(repo.dir, 'infra'));
    const [call] = root.blocks('module').job;
    expect(call.source).toBe('./modules/ecs-batch-job');
    expect(call.for_each).toBe('${var.jobs}');
    // Each job's family, time zone and trigger go on to the module.
    const passed = JSON.stringify(call);
    for (const field of ['family', 'time_zone', 'trigger']) expect(passed).toContain(`each.value.${field}`);
  });

  test('infra/modules holds this checkout\'s modules, pinned to the template version', () => {
    const source = join(ROOT, 'templates', 'terraform', 'modules');
    for (const file of walk(source)) {
      const vendored = repo.read(join('infra', 'modules', file));
      expect(vendored).toContain(`Vendored from ecs-batch-template ${registry().version(TEMPLATE)}`);
      expect(vendored).toContain(readFileSync(join(source, file), 'utf8').trim());
    }
  });

  test('the vendored module targets the revisionless family, and allows RunTask on family:* in the cluster', async () => {
    // ecs-batch-job registers the task definition and hands its ARN (with the
    // revision) to ecs-scheduled-task, without pinning the revision.
    const job = await HclFolder.parse(join(repo.dir, 'infra', 'modules', 'ecs-batch-job'));
    const calls = Object.values(job.blocks('module')).flat().filter((m: any) => m.source === '../ecs-scheduled-task');
    expect(calls).toHaveLength(1);
    const [call] = calls as any[];
    expect(call.task_definition_arn).toMatch(/^\$\{aws_ecs_task_definition\.[\w-]+\.arn\}$/);
    expect(call.pin_revision ?? false).toBe(false);
    expect(call.time_zone).toBe('${each.value.time_zone}');

    const module = await HclFolder.parse(join(repo.dir, 'infra', 'modules', 'ecs-scheduled-task'));
    const [schedule] = module.resources('aws_scheduler_schedule').schedule;
    expect(schedule.schedule_expression_timezone).toBe('${var.time_zone}');
    expect(schedule.target[0].arn).toBe('${var.cluster_arn}');
    expect(schedule.target[0].ecs_parameters[0].task_definition_arn).toBe('${local.target_task_definition_arn}');
    const locals = module.locals();
    expect(locals.target_task_definition_arn).toBe('${var.pin_revision ? var.task_definition_arn : local.task_definition_family_arn}');
    expect(module.blocks('variable').pin_revision[0].default).toBe(false);
    expect(evaluateReplace(locals.task_definition_family_arn, { 'var.task_definition_arn': REVISION_ARN })).toBe(FAMILY_ARN);
    // The invoker policy's statements are a for-expression, which hcl2json keeps as
    // text: the family statement is the one enabled unless the revision is pinned.
    const statements = String(locals.invoker_policy?.Statement);
    const start = statements.search(/enabled\s*=\s*!var\.pin_revision\b/);
    expect(start).toBeGreaterThanOrEqual(0);
    const next = statements.indexOf('enabled', start + 'enabled'.length);
    const statement = statements.slice(start, next < 0 ? undefined : next);
    expect(statement).toMatch(/Action\s*=\s*"ecs:RunTask"/);
    expect(statement).toMatch(/Resource\s*=\s*"\$\{local\.task_definition_family_arn\}:\*"/);
    expect(statement).toMatch(/ArnEquals\s*=\s*\{\s*"ecs:cluster"\s*=\s*var\.cluster_arn\s*\}/);
  });

  describe('upgrade to a new template snapshot', () => {
    const marker = '# e2e: a line only the next template snapshot has';
    let nextVersion: string;
    let teamHandler: string;
    let teamTest: string;

    beforeAll(async () => {
      // The team's own code changes first: the upgrade must not touch it.
      appendFileSync(join(repo.dir, HANDLER), '\n// The payments team changed this handler.\n');
      appendFileSync(join(repo.dir, HANDLER_TEST), '\n// The payments team changed this test.\n');
      await repo.git('add', '-A');
      await repo.git('commit', '-q', '-m', 'Change the nightly handler');
      teamHandler = repo.read(HANDLER);
      teamTest = repo.read(HANDLER_TEST);

      nextVersion = await registry().releaseTemplate('e2e-next', 'Mark the scheduled-task module.', (copy) =>
        appendFileSync(join(copy, 'templates', 'terraform', 'modules', 'ecs-scheduled-task', 'main.tf'), `\n${marker}\n`));
      await timer.phase('upgrade', `npm i -D ${TEMPLATE}@${nextVersion} && npx projen`, async () => {
        await repo.npm('install', '--save-dev', `${TEMPLATE}@${nextVersion}`);
        await repo.projen();
      });
    }, 15 * MINUTE);

    test('the new snapshot differs only in the template', () => {
      expect(nextVersion).toMatch(/-e2e-next-\d{14}$/);
      expect(nextVersion).not.toBe(registry().version(TEMPLATE));
    });

    test('the repo now depends on the new template, and npx projen keeps it', async () => {
      expect(repo.readJson('package.json').devDependencies[TEMPLATE]).toContain(nextVersion);
      expect(repo.readJson('node_modules/ecs-batch-template/package.json').version).toBe(nextVersion);
      await repo.projen();
      expect(repo.readJson('node_modules/ecs-batch-template/package.json').version).toBe(nextVersion);
    }, 3 * MINUTE);

    test('the managed module file changed', () => {
      const vendored = repo.read('infra/modules/ecs-scheduled-task/main.tf');
      expect(vendored).toContain(marker);
      expect(vendored).toContain(`Vendored from ecs-batch-template ${nextVersion}`);
    });

    test('the team\'s handler and test are untouched', async () => {
      expect(repo.read(HANDLER)).toBe(teamHandler);
      expect(repo.read(HANDLER_TEST)).toBe(teamTest);
      const changed = (await repo.git('status', '--porcelain')).stdout;
      expect(changed).not.toContain(HANDLER);
      expect(changed).not.toContain(HANDLER_TEST);
    });

    test('npx projen build stays green', async () => {
      await timer.phase('build', 'upgraded hcl repo: npx projen build', () => repo.projen('build'));
    }, 10 * MINUTE);
  });
});

describe('--migrate-from a Serverless app', () => {
  /** The analyzer's Serverless fixture: a TypeScript and a JavaScript handler, two crons of one function, a disabled Python one. */
  const LEGACY = join(ROOT, 'packages', 'migrate', 'test', 'fixtures', 'serverless-app');
  /**
   * Its schedules as AWS runs them, read off serverless.yml: without a `timezone`, in UTC.
   * (Written out here rather than taken from the analyzer, which is what is under test.)
   */
  const LEGACY_SCHEDULES = [
    { expression: 'rate(1 day)', timeZone: 'UTC', enabled: true },
    { expression: 'cron(0 8 * * ? *)', timeZone: 'America/New_York', enabled: true },
    { expression: 'cron(0 20 * * ? *)', timeZone: 'America/New_York', enabled: true },
    { expression: 'rate(6 hours)', timeZone: 'UTC', enabled: false },
  ];
  /** Across the start of US daylight saving time (2026-03-08), so a zone mistake shows. */
  const FROM = new Date('2026-03-06T00:00:00Z');
  const nextTen = (expression: string, timeZone: string) =>
    Schedule.expression(expression).nextFireTimes({ count: 10, from: FROM, timeZone }).map((t) => t.toISOString());

  let repo: GeneratedRepo;

  beforeAll(async () => {
    const r = registry();
    // Next to the new repo, as `--migrate-from ../legacy-lambdas` reads it.
    cpSync(LEGACY, join(r.work, 'legacy-lambdas'), { recursive: true });
    repo = await generate('payments-migrated', ['--team', TEAM, '--infra', 'hcl', '--migrate-from', '../legacy-lambdas']);
  }, 10 * MINUTE);

  test('the analyzer came from the registry at the pinned version: the template does not carry it', () => {
    expect(repo.exists('node_modules/@ecs-batch/migrate')).toBe(false);
    expect(repo.readJson('node_modules/ecs-batch-template/package.json').dependencies).toEqual({ '@ecs-batch/core': registry().version('@ecs-batch/core') });
    expect(repo.read('README.md')).toContain(`(@ecs-batch/migrate@${registry().version('@ecs-batch/migrate')})`);
  });

  test('.projenrc.ts holds the jobs as addJob calls, and re-running npx projen leaves git clean', async () => {
    const projenrc = repo.read('.projenrc.ts');
    expect(projenrc).not.toContain('migrateFrom');
    expect(projenrc.match(/project\.addJob\(/g)).toHaveLength(4);
    await repo.projen();
    expect(await repo.gitStatus()).toBe('');
  }, 3 * MINUTE);

  test('the synthesized schedules fire when the Lambdas did: the same next 10 times, via core', () => {
    const { jobs } = repo.readJson('infra/jobs.auto.tfvars.json');
    const generated = Object.values<any>(jobs)
      .map((job) => JSON.stringify({ enabled: job.enabled, times: nextTen(job.schedule_expression, job.time_zone) })).sort();
    const legacy = LEGACY_SCHEDULES
      .map((s) => JSON.stringify({ enabled: s.enabled, times: nextTen(s.expression, s.timeZone) })).sort();
    expect(generated).toEqual(legacy);
  });

  test('Node handlers are copied, the Python one is marked not migrated, and the README lists them', () => {
    expect(repo.read('src/jobs/invoice/invoice.ts')).toBe(readFileSync(join(LEGACY, 'src', 'invoice.ts'), 'utf8'));
    expect(repo.read('src/jobs/remind/remind.js')).toBe(readFileSync(join(LEGACY, 'src', 'remind.js'), 'utf8'));
    expect(repo.read('src/jobs/purge/handler.ts')).toContain('NOT MIGRATED YET');
    const readme = repo.read('README.md');
    expect(readme).toContain('## Migrated from Lambda');
    expect(readme).toContain('`../legacy-lambdas/serverless.yml` (serverless), `src/invoice.handler` nodejs22.x');
  });

  test('npx projen build passes: the moved TypeScript and JavaScript compile, the tests parse the HCL', async () => {
    await timer.phase('build', 'migrated hcl repo: npx projen build', () => repo.projen('build'));
    expect(repo.exists('lib/jobs/invoice/invoice.js')).toBe(true);
    expect(repo.exists('lib/jobs/remind/remind.js')).toBe(true);
    // The moved code was linted before the first commit, so the build rewrites nothing.
    expect(await repo.gitStatus()).toBe('');
  }, 10 * MINUTE);

  test('invoice imports @aws-sdk/client-s3, which nodejs22.x provided undeclared: it is a dep, and the handler loads under the runner', async () => {
    expect(repo.readJson('package.json').dependencies['@aws-sdk/client-s3']).toBe('^3');
    expect(repo.read('.projenrc.ts')).toContain('@aws-sdk/client-s3@^3');
    // As the image's entrypoint runs it, on the build's output (the test above).
    const result = await run(process.execPath, ['node_modules/@ecs-batch/lambda-runner/bin/ecs-batch-run'], {
      cwd: repo.dir,
      env: { ...process.env, ECS_BATCH_HANDLER: 'lib/jobs/invoice/invoice.handler', ECS_BATCH_JOB_NAME: 'invoice' },
      timeoutMs: MINUTE,
    });
    expect(result.stdout).not.toContain('Cannot find module');
    expect(result.stdout).toContain('"outcome":"succeeded"');
  }, 2 * MINUTE);
});

describe('bad input exits non-zero, names the flag, and leaves the folder empty', () => {
  const cases: Array<[string, RegExp, string[]]> = [
    ['team', /--team: /, ['--team', 'Payments_Team']],
    ['schedule', /--schedule: /, ['--team', TEAM, '--schedule', 'cron(0 25 * * ? *)']],
    ['time zone', /--time-zone: /, ['--team', TEAM, '--time-zone', 'Mars/Olympus_Mons']],
    // 256 CPU units take 512-2048 MiB: either flag may be named.
    ['cpu/memory pair', /--(cpu|memory): /, ['--team', TEAM, '--cpu', '256', '--memory', '4096']],
    ['migrate-from path', /--migrate-from: .*does not exist/, ['--team', TEAM, '--migrate-from', '../no-such-lambdas']],
  ];

  test.each(cases)('bad %s', async (label, flag, flags) => {
    const r = registry();
    const dir = join(r.work, `bad-${label.replace(/\W+/g, '-')}`);
    mkdirSync(dir);
    const result = await timer.phase('new', `bad ${label}: projen new ${flags.join(' ')}`, () =>
      projenNew({ dir, from: r.templateSpec, flags, env: r.env() }));
    expect(result.exitCode).not.toBe(0);
    expect(`${result.stdout}\n${result.stderr}`).toMatch(flag);
    expect(readdirSync(dir)).toEqual([]);
  }, 3 * MINUTE);
});

/**
 * A real release (issue 17), in a fresh copy of the checkout against the same
 * Verdaccio: the commands the release workflow's changesets/action runs, read
 * from `.github/workflows/release.yml` itself. `version-script` is what the
 * "Version Packages" pull request commits; `publish-script` runs on its merge:
 * build, publish every new version, tag each `<package>@<version>`.
 */
describe('real release: the release workflow\'s version-script, then its publish-script', () => {
  const SUMMARY = 'A real release for the end-to-end test.';
  let copy: string;
  let scripts: { version: string; publish: string };
  let before: Map<string, string>;
  let after: Map<string, string>;

  const shell = (command: string) => run('sh', ['-c', command], { cwd: copy, env: registry().env() });
  const git = async (...args: string[]) => (await run('git', args, { cwd: copy, env: registry().env() })).stdout.trim();

  beforeAll(async () => {
    const r = registry();
    copy = join(r.work, 'release');
    await timer.phase('copy', `workspace -> ${copy}`, () => copyWorkspace(ROOT, copy));
    const names = workspacePackages(copy).filter((p) => !p.private).map((p) => p.name);
    before = new Map(workspacePackages(copy).filter((p) => !p.private).map((p) => [p.name, p.version]));
    writeChangeset(copy, 'e2e-release', names, SUMMARY);
    await git('init', '-q', '-b', 'main');
    await git('add', '-A');
    await git('commit', '-q', '-m', 'A change with a changeset');

    const workflow = parseYaml(readFileSync(join(copy, '.github', 'workflows', 'release.yml'), 'utf8'));
    const action = workflow.jobs.release.steps.find((step: any) => String(step.uses).startsWith('changesets/action@'));
    scripts = { version: action.with['version-script'], publish: action.with['publish-script'] };

    await timer.phase('release', `version-script: ${scripts.version}`, () => shell(scripts.version));
    await git('add', '-A');
    await git('commit', '-q', '-m', 'Version Packages');
    await timer.phase('release', `publish-script: ${scripts.publish}`, () => shell(scripts.publish));
    after = new Map(workspacePackages(copy).filter((p) => !p.private).map((p) => [p.name, p.version]));
  }, 25 * MINUTE);

  test('the workflow runs exactly the scripts this test ran', () => {
    expect(scripts).toEqual(RELEASE_SCRIPTS);
  });

  test('version-script: every package got a new release version (no prerelease), its CHANGELOG the summary, and the changesets are consumed', () => {
    for (const [name, version] of after) {
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(version).not.toBe(before.get(name));
      const dir = workspacePackages(copy).find((p) => p.name === name)!.dir;
      expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toContain(SUMMARY);
    }
    expect(readdirSync(join(copy, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md')).toEqual([]);
    const lock = JSON.parse(readFileSync(join(copy, 'package-lock.json'), 'utf8'));
    expect(lock.packages['packages/core'].version).toBe(after.get('@ecs-batch/core'));
  });

  test('publish-script: each version is on the registry as latest, and the template depends on the released core', async () => {
    for (const [name, version] of after) {
      const viewed = await run('npm', ['view', `${name}@latest`, 'version'], { cwd: copy, env: registry().env() });
      expect(viewed.stdout.trim()).toBe(version);
    }
    const template = await run('npm', ['view', `${TEMPLATE}@latest`, 'dependencies', '--json'], { cwd: copy, env: registry().env() });
    // A release moves internal ranges to the new version (a snapshot pins it exactly).
    expect(JSON.parse(template.stdout)['@ecs-batch/core']).toBe(`^${after.get('@ecs-batch/core')}`);
  }, 3 * MINUTE);

  test('publish-script: a <package>@<version> tag for each, on the version commit', async () => {
    const tags = (await git('tag', '--points-at', 'HEAD')).split('\n').sort();
    expect(tags).toEqual([...after].map(([name, version]) => `${name}@${version}`).sort());
  });

  test('publish-script again on the same commit (a re-run) publishes and tags nothing more', async () => {
    const tagsBefore = await git('tag');
    await timer.phase('release', `publish-script again: ${scripts.publish}`, () => shell(scripts.publish));
    expect(await git('tag')).toBe(tagsBefore);
    for (const [name, version] of after) {
      const versions = JSON.parse((await run('npm', ['view', name, 'versions', '--json'], { cwd: copy, env: registry().env() })).stdout);
      expect([versions].flat().filter((v: string) => v === version)).toHaveLength(1);
    }
  }, 15 * MINUTE);
});

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(dir, join(prefix, entry.name)) : [join(prefix, entry.name)]);
}

describe.each(['cdktf', 'hcl'] as const)('day 2 in the %s repo: a changed job reaches the infra and the release alike', (flavour) => {
  const IMAGE = '123456789012.dkr.ecr.ap-northeast-1.amazonaws.com/payments-batch:2.0.0';
  const ADDED = "project.addJob({ name: 'report', schedule: 'cron(0 6 * * ? *)', environment: { MODE: 'full' } });";
  const CHANGED = "project.addJob({ name: 'report', schedule: 'cron(0 6 * * ? *)', environment: { MODE: 'delta' }, handler: 'main.run', cpu: 1024, memory: 4096, overlap: 'skip' });";
  let repo: GeneratedRepo;

  /** What register-revision --print gives for the report job. */
  async function printed(): Promise<any> {
    const result = await repo.projen('register-revision', '--', '--job', 'report', '--image', IMAGE, '--print', '--account-id', '123456789012');
    return JSON.parse(result.stdout.slice(result.stdout.indexOf('{')));
  }

  /** The report job as the synthesized infra has it: its container and size. */
  async function infra(): Promise<{ environment: Record<string, string>; cpu: string; memory: string }> {
    if (flavour === 'cdktf') {
      await repo.projen('synth:infra');
      const [task] = Object.entries<any>(CdktfSynth.read(repo.dir).resources('aws_ecs_task_definition')).filter(([id]) => id.includes('report')).map(([, t]) => t);
      const [container] = JSON.parse(task.container_definitions);
      return { environment: Object.fromEntries(container.environment.map((e: any) => [e.name, e.value])), cpu: task.cpu, memory: task.memory };
    }
    const job = repo.readJson('infra/jobs.auto.tfvars.json').jobs.report;
    return {
      environment: { ...job.environment, ECS_BATCH_HANDLER: job.handler, ECS_BATCH_OVERLAP: job.overlap },
      cpu: String(job.cpu),
      memory: String(job.memory),
    };
  }

  beforeAll(async () => {
    if (!generatedRepos[flavour]) throw new Error(`setup: the ${flavour} repo was not generated (see its describe block)`);
    repo = generatedRepos[flavour]!;
    const projenrc = repo.read('.projenrc.ts');
    const at = projenrc.lastIndexOf('project.synth()');
    repo.write('.projenrc.ts', `${projenrc.slice(0, at)}${ADDED}\n${projenrc.slice(at)}`);
    await repo.projen();
  }, 5 * MINUTE);

  test('a new job, then its environment, handler, cpu/memory and overlap changed: both carry the new values, with the given image', async () => {
    const first = await printed();
    expect(first.containerDefinitions[0].environment).toContainEqual({ name: 'MODE', value: 'full' });

    repo.write('.projenrc.ts', repo.read('.projenrc.ts').replace(ADDED, CHANGED));
    await repo.projen();

    const input = await printed();
    const container = input.containerDefinitions[0];
    expect(container.image).toBe(IMAGE);
    const env = Object.fromEntries(container.environment.map((e: any) => [e.name, e.value]));
    expect(env).toMatchObject({ MODE: 'delta', ECS_BATCH_HANDLER: 'lib/jobs/report/main.run', ECS_BATCH_OVERLAP: 'skip' });
    expect([input.cpu, input.memory]).toEqual(['1024', '4096']);
    expect(input.taskRoleArn).toBe('arn:aws:iam::123456789012:role/payments-report-task');

    const synthesized = await infra();
    expect(synthesized.environment).toMatchObject({ MODE: 'delta', ECS_BATCH_HANDLER: 'lib/jobs/report/main.run', ECS_BATCH_OVERLAP: 'skip' });
    expect([synthesized.cpu, synthesized.memory]).toEqual([input.cpu, input.memory]);
  }, 10 * MINUTE);

  test('removing the job removes it from the infra and the scripts', async () => {
    repo.write('.projenrc.ts', repo.read('.projenrc.ts').replace(`${CHANGED}\n`, ''));
    await repo.projen();
    expect(Object.keys(repo.readJson('scripts/jobs.json').jobs)).toEqual(['nightly']);
    if (flavour === 'hcl') expect(Object.keys(repo.readJson('infra/jobs.auto.tfvars.json').jobs)).toEqual(['nightly']);
    else expect(repo.read('infra/main.ts')).not.toContain("'report'");
  }, 5 * MINUTE);
});

/** Every leaf path where two JSON values differ. */
function differences(a: any, b: any, path: string[] = []): string[] {
  const isObject = (v: any) => typeof v === 'object' && v !== null;
  if (isObject(a) && isObject(b) && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((key) => differences(a[key], b[key], [...path, key]));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [path.join('.')];
}

// Last: it turns the cdktf repo (after its day 2) into a cdktn one, the way a team moves off
// archived CDK for Terraform (docs/getting-started.md): one option, then `npx projen`.
describe('moving the cdktf repo to cdktn: one option and npx projen, no state move', () => {
  let repo: GeneratedRepo;
  let before: any;

  beforeAll(async () => {
    if (!generatedRepos.cdktf) throw new Error('setup: the cdktf repo was not generated (see its describe block)');
    repo = generatedRepos.cdktf;
    await repo.projen('synth:infra');
    before = CdktfSynth.read(repo.dir).json;
    // Day 2 left changes in the work tree: commit them, so what the move changes is all that git shows.
    await repo.git('add', '-A');
    await repo.git('-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', 'commit', '-q', '--allow-empty', '-m', 'day 2');
  }, 5 * MINUTE);

  test('infra: cdktn and npx projen: only the framework\'s files change, and cdktf is no longer installed', async () => {
    const projenrc = repo.read('.projenrc.ts');
    const moved = projenrc.replace(/infra: (['"])cdktf\1/, 'infra: $1cdktn$1');
    expect(moved).not.toBe(projenrc);
    repo.write('.projenrc.ts', moved);
    await timer.phase('move', 'cdktf repo to cdktn: npx projen', () => repo.projen());
    // Porcelain lines are `XY path`: not trimmed, so the first line keeps its status column.
    const changed = (await repo.git('status', '--porcelain')).stdout.split('\n').filter(Boolean).map((line) => line.slice(3)).sort();
    expect(changed.filter((file) => ![
      '.projenrc.ts', '.projen/deps.json', '.projen/tasks.json', 'infra/main.ts', 'package.json', 'package-lock.json', 'test/infra/main.test.ts',
    ].includes(file))).toEqual([]);
    expect(changed).toEqual(expect.arrayContaining(['infra/main.ts', 'package.json']));
    expect(repo.readJson('package.json').devDependencies['@ecs-batch/cdktn']).toBe(registry().version('@ecs-batch/cdktn'));
    expect([repo.exists('node_modules/cdktn'), repo.exists('node_modules/@cdktn/provider-aws')]).toEqual([true, true]);
    expect([repo.exists('node_modules/cdktf'), repo.exists('node_modules/@cdktf/provider-aws'), repo.exists('node_modules/@ecs-batch/cdktf')]).toEqual([false, false, false]);
  }, 10 * MINUTE);

  test('npx projen build passes on cdktn, and the Terraform JSON differs only in the provider constraint and the // metadata', async () => {
    await timer.phase('build', 'cdktn repo: npx projen build', () => repo.projen('build'));
    const after = CdktfSynth.read(repo.dir).json;
    expect(differences(before, after)).toEqual(['//.metadata.version', 'terraform.required_providers.aws.version']);
    expect(after.terraform.required_providers.aws.source).toBe('hashicorp/aws');
    expect(Object.keys(after.resource).length).toBeGreaterThan(10);
  }, 10 * MINUTE);
});
