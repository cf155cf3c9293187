import { synthSnapshot } from 'projen/lib/util/synth';
import { ACTION_PINS, BASE_IMAGE } from '../../src/private/pins';
import { newProject, synth } from '../fixtures';

const pin = (repo: string) => ACTION_PINS.find((p) => p.repo === repo)!;
const uses = (repo: string) => `${repo}@${pin(repo).sha}`;

describe('Workflows', () => {
  const cdktf = synth(newProject());
  const hcl = synth(newProject({ infra: 'hcl' }));
  const steps = (out: Record<string, any>, file: string, job: string): any[] => out[`.github/workflows/${file}`].jobs[job].steps;
  const step = (out: Record<string, any>, file: string, job: string, match: (s: any) => boolean) => steps(out, file, job).find(match);
  const named = (out: Record<string, any>, file: string, job: string, name: string) => step(out, file, job, (s) => s.name === name);

  test('every workflow starts without rights, and every action is pinned by SHA with its tag as a comment', () => {
    const raw = synthSnapshot(newProject());
    for (const file of ['build.yml', 'deploy.yml', 'release.yml']) {
      expect(cdktf[`.github/workflows/${file}`].permissions).toEqual({});
    }
    const build: string = raw['.github/workflows/build.yml'];
    expect(build).toContain(`uses: ${uses('actions/checkout')} # ${pin('actions/checkout').tag}\n`);
    expect(build).not.toMatch(/uses: [^\n]+@v\d/);
  });

  describe('build.yml', () => {
    test('runs on pull requests and the default branch, on Node 22 and 24', () => {
      const build = cdktf['.github/workflows/build.yml'];
      expect(build.on).toEqual({ pull_request: {}, push: { branches: ['main'] }, workflow_dispatch: {} });
      expect(build.jobs.build.strategy.matrix.node).toEqual([22, 24]);
      expect(build.jobs.build.permissions).toEqual({ 'contents': 'read', 'security-events': 'write', 'actions': 'read' });
      expect(step(cdktf, 'build.yml', 'build', (s) => s.uses === uses('actions/setup-node')).with['node-version']).toBe('${{ matrix.node }}');
    });

    test('fails when generated files are stale, then tests and synthesizes', () => {
      const runs = steps(cdktf, 'build.yml', 'build').map((s) => s.run).filter(Boolean);
      expect(runs[0]).toBe('npm ci');
      expect(runs[1]).toContain('npx projen --no-post\ngit diff --exit-code');
      expect(runs[2]).toBe('npx projen build');
    });

    test.each(['cdktf', 'hcl'] as const)('%s: uploads the lint findings to code scanning, also when they fail the build, once', (infra) => {
      const out = infra === 'cdktf' ? cdktf : hcl;
      const dir = infra === 'cdktf' ? 'cdktf.out/stacks/payments-batch' : 'infra';
      const all = steps(out, 'build.yml', 'build');
      const build = all.findIndex((s) => s.run === 'npx projen build');
      expect(all[build].id).toBe('build');
      const sarif = all[build + 1];
      expect(sarif.id).toBe('sarif');
      expect(sarif.run).toBe(`npx ecs-batch-lint ${dir} --sarif > ecs-batch-lint.sarif || [ $? -eq 1 ]`);
      // After a failed build too (the lint findings failed it), not when an earlier step failed.
      expect(sarif.if).toBe("!cancelled() && matrix.node == 22 && (steps.build.outcome == 'success' || steps.build.outcome == 'failure')");
      const upload = all[build + 2];
      expect(upload.uses).toBe(uses('github/codeql-action/upload-sarif'));
      expect(upload.with).toEqual({ sarif_file: 'ecs-batch-lint.sarif', category: 'ecs-batch-lint' });
      expect(upload.if).toBe("!cancelled() && steps.sarif.outcome == 'success' && (github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository)");
      // The build's verdict is lint:infra's; code scanning may be off in a private repository.
      expect(upload['continue-on-error']).toBe(true);
      expect(out['.gitignore']).toContain('/ecs-batch-lint.sarif');
    });

    test('pins upload-sarif by the codeql-action repository\'s SHA, the tag in a comment', () => {
      const raw: string = synthSnapshot(newProject())['.github/workflows/build.yml'];
      const upload = pin('github/codeql-action/upload-sarif');
      expect(upload.sha).toMatch(/^[0-9a-f]{40}$/);
      expect(upload.tag).toMatch(/^v4\.\d+\.\d+$/);
      expect(raw).toContain(`uses: github/codeql-action/upload-sarif@${upload.sha} # ${upload.tag}\n`);
    });

    test('checks the format and validates the Terraform where each infra kind keeps it', () => {
      const validate = (out: Record<string, any>) => named(out, 'build.yml', 'build', 'Terraform fmt and validate').run;
      expect(validate(cdktf)).toBe([
        'terraform -chdir=cdktf.out/stacks/payments-batch fmt -check -recursive',
        'terraform -chdir=cdktf.out/stacks/payments-batch init -backend=false -input=false',
        'terraform -chdir=cdktf.out/stacks/payments-batch validate',
      ].join('\n'));
      expect(validate(hcl)).toBe('terraform -chdir=infra fmt -check -recursive\nterraform -chdir=infra init -backend=false -input=false\nterraform -chdir=infra validate');
    });

    test('builds the image once, on Node 22', () => {
      expect(step(cdktf, 'build.yml', 'build', (s) => s.run === 'docker build .').if).toBe('matrix.node == 22');
    });

    test('a pull request from this repository is planned with the read-only plan role, the plan in the job summary', () => {
      const plan = hcl['.github/workflows/build.yml'].jobs.plan;
      expect(plan.if).toBe("github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository");
      // No environment: the plan role trusts the pull_request subject, which an environment would replace.
      expect(plan.environment).toBeUndefined();
      expect(plan.permissions).toEqual({ 'contents': 'read', 'id-token': 'write' });
      const credentials = step(hcl, 'build.yml', 'plan', (s) => s.uses === uses('aws-actions/configure-aws-credentials'));
      expect(credentials.with['role-to-assume']).toBe('${{ vars.AWS_PLAN_ROLE_ARN }}');
      const run: string = named(hcl, 'build.yml', 'plan', 'Terraform plan (production), to the job summary').run;
      expect(run.split('\n')).toEqual([
        'TAG=$(node -p "require(\'./package.json\').version")',
        'terraform init -input=false -backend-config="$GITHUB_WORKSPACE/infra/environments/$ENVIRONMENT.s3.tfbackend"',
        'terraform plan -input=false -lock-timeout=5m -out=tfplan -var-file="$GITHUB_WORKSPACE/infra/environments/$ENVIRONMENT.tfvars" -var="region=$AWS_REGION" -var="image_tag=$TAG"',
        '{ echo "### terraform plan: production, image $TAG"; echo; echo \'```\'; terraform show -no-color tfplan; echo \'```\'; } >> "$GITHUB_STEP_SUMMARY"',
      ]);
      expect(named(cdktf, 'build.yml', 'plan', 'Synthesize the infra').run).toBe('npx projen synth:infra');
    });
  });

  describe('deploy.yml', () => {
    const deploy = cdktf['.github/workflows/deploy.yml'];

    test('runs by hand or from the release, per GitHub environment, one deploy at a time', () => {
      expect(Object.keys(deploy.on)).toEqual(['workflow_dispatch', 'workflow_call']);
      expect(deploy.on.workflow_call.inputs.version.required).toBe(true);
      expect(deploy.concurrency).toEqual({ 'group': 'deploy-${{ inputs.environment }}', 'cancel-in-progress': false });
      expect(Object.keys(deploy.jobs)).toEqual(['plan', 'apply']);
    });

    test('job plan: read-only role, no environment, the plan saved with its provider lock', () => {
      const plan = deploy.jobs.plan;
      expect(plan.environment).toBeUndefined();
      expect(plan.permissions).toEqual({ 'contents': 'read', 'id-token': 'write' });
      expect(step(cdktf, 'deploy.yml', 'plan', (s) => s.uses === uses('aws-actions/configure-aws-credentials')).with)
        .toEqual({ 'role-to-assume': '${{ vars.AWS_PLAN_ROLE_ARN }}', 'aws-region': '${{ env.AWS_REGION }}' });
      const run: string = named(cdktf, 'deploy.yml', 'plan', 'Terraform plan, saved').run;
      expect(run).toContain('terraform plan -input=false -lock-timeout=5m -out=tfplan -var-file="$GITHUB_WORKSPACE/infra/environments/$ENVIRONMENT.tfvars"');
      expect(run).toContain('>> "$GITHUB_STEP_SUMMARY"');
      expect(run).not.toContain('apply');
      const upload = step(cdktf, 'deploy.yml', 'plan', (s) => s.uses === uses('actions/upload-artifact'));
      expect(upload.with).toMatchObject({
        'name': 'tfplan-${{ inputs.environment }}',
        'path': 'cdktf.out/stacks/payments-batch/tfplan\ncdktf.out/stacks/payments-batch/.terraform.lock.hcl',
        'include-hidden-files': true,
        'if-no-files-found': 'error',
      });
    });

    test('job apply: in the environment (its protection rules come first), the deploy role, exactly the saved plan', () => {
      const apply = deploy.jobs.apply;
      expect(apply.needs).toBe('plan');
      expect(apply.environment).toBe('${{ inputs.environment }}');
      expect(apply.permissions).toEqual({ 'contents': 'read', 'id-token': 'write' });
      expect(step(cdktf, 'deploy.yml', 'apply', (s) => s.uses === uses('aws-actions/configure-aws-credentials')).with['role-to-assume'])
        .toBe('${{ vars.AWS_DEPLOY_ROLE_ARN }}');
      const names = steps(cdktf, 'deploy.yml', 'apply').map((s) => s.name ?? s.uses ?? s.run);
      const order = ['Synthesize the infra', 'The saved plan and its provider lock', 'Terraform apply the saved plan', 'ECR login',
        'BuildKit, for provenance and SBOM attestations', 'Build and push the image, tagged with the version', 'Register a new task definition revision of every job'];
      expect(order.map((n) => names.indexOf(n))).toEqual([...order.map((n) => names.indexOf(n))].sort((a, b) => a - b));
      expect(order.every((n) => names.includes(n))).toBe(true);
      const download = named(cdktf, 'deploy.yml', 'apply', 'The saved plan and its provider lock');
      expect(download.with).toEqual({ name: 'tfplan-${{ inputs.environment }}', path: 'cdktf.out/stacks/payments-batch' });
      const terraform = named(cdktf, 'deploy.yml', 'apply', 'Terraform apply the saved plan');
      expect(terraform['working-directory']).toBe('cdktf.out/stacks/payments-batch');
      // Never a fresh plan here: terraform refuses a saved plan whose state has changed since.
      expect(terraform.run).toBe('terraform init -input=false -backend-config="$GITHUB_WORKSPACE/infra/environments/$ENVIRONMENT.s3.tfbackend"\nterraform apply -input=false tfplan');
    });

    test('builds the image with provenance and an SBOM for one platform, pushes it as the version, then registers revisions', () => {
      const push = named(cdktf, 'deploy.yml', 'apply', 'Build and push the image, tagged with the version');
      expect(push.env.IMAGE).toBe('${{ steps.ecr.outputs.registry }}/payments-batch:${{ needs.plan.outputs.tag }}');
      expect(push.run).toContain('docker buildx build --platform linux/amd64 --provenance=mode=max --sbom=true --push -t "$IMAGE" .');
      expect(named(cdktf, 'deploy.yml', 'apply', 'Register a new task definition revision of every job').run).toBe('node scripts/register-revision.mjs --image "$IMAGE" --environment "$ENVIRONMENT"');
    });

    test('an hcl repo plans and applies in infra/ and has nothing to synthesize', () => {
      for (const job of ['plan', 'apply']) expect(named(hcl, 'deploy.yml', job, 'Synthesize the infra')).toBeUndefined();
      expect(named(hcl, 'deploy.yml', 'plan', 'Terraform plan, saved')['working-directory']).toBe('infra');
      expect(named(hcl, 'deploy.yml', 'apply', 'Terraform apply the saved plan')['working-directory']).toBe('infra');
    });

    test('the version defaults to package.json, and the apply job uses the plan job\'s', () => {
      expect(step(cdktf, 'deploy.yml', 'plan', (s) => s.id === 'version').run).toBe(
        'echo "tag=${INPUT_VERSION:-$(node -p "require(\'./package.json\').version")}" >> "$GITHUB_OUTPUT"');
      expect(deploy.jobs.plan.outputs.tag).toBe('${{ steps.version.outputs.tag }}');
    });
  });

  describe('upgrade.yml', () => {
    const upgrade = cdktf['.github/workflows/upgrade.yml'];

    test('projen\'s weekly upgrade: a pull request that upgrades the template and re-synthesizes', () => {
      expect(upgrade.on.schedule).toEqual([{ cron: '0 0 * * 1' }]);
      expect(step(cdktf, 'upgrade.yml', 'upgrade', (s) => s.name === 'Upgrade dependencies').run).toBe('npx projen upgrade');
      const task = cdktf['.projen/tasks.json'].tasks.upgrade;
      expect(JSON.stringify(task.steps)).toContain('npx projen');
    });

    test('read-only token everywhere; the pull request is opened with PROJEN_GITHUB_TOKEN', () => {
      expect(upgrade.permissions).toEqual({ contents: 'read' });
      expect(upgrade.jobs.upgrade.permissions).toEqual({ contents: 'read' });
      expect(upgrade.jobs.pr.permissions).toEqual({ contents: 'read' });
      for (const job of ['upgrade', 'pr']) expect(steps(cdktf, 'upgrade.yml', job)[0].with['persist-credentials']).toBe(false);
      expect(step(cdktf, 'upgrade.yml', 'pr', (s) => s.uses === uses('peter-evans/create-pull-request')).with.token).toBe('${{ secrets.PROJEN_GITHUB_TOKEN }}');
    });
  });

  test('the Dockerfile\'s base image comes from the same pins', () => {
    expect(cdktf.Dockerfile).toContain(`FROM node:${BASE_IMAGE.tag}@${BASE_IMAGE.digest} AS build`);
  });
});
