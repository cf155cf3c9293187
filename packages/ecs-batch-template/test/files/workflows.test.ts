import { newProject, synth } from '../fixtures';

describe('Workflows', () => {
  const cdktf = synth(newProject());
  const hcl = synth(newProject({ infra: 'hcl' }));
  const steps = (out: Record<string, any>, file: string, job: string): any[] => out[`.github/workflows/${file}`].jobs[job].steps;
  const step = (out: Record<string, any>, file: string, job: string, match: (s: any) => boolean) => steps(out, file, job).find(match);

  describe('build.yml', () => {
    test('runs on pull requests and the default branch, on Node 22 and 24', () => {
      const build = cdktf['.github/workflows/build.yml'];
      expect(build.on).toEqual({ pull_request: {}, push: { branches: ['main'] }, workflow_dispatch: {} });
      expect(build.jobs.build.strategy.matrix.node).toEqual([22, 24]);
      expect(step(cdktf, 'build.yml', 'build', (s) => s.uses === 'actions/setup-node@v4').with['node-version']).toBe('${{ matrix.node }}');
    });

    test('fails when generated files are stale, then tests and synthesizes', () => {
      const runs = steps(cdktf, 'build.yml', 'build').map((s) => s.run).filter(Boolean);
      expect(runs[0]).toBe('npm ci');
      expect(runs[1]).toContain('npx projen --no-post\ngit diff --exit-code');
      expect(runs[2]).toBe('npx projen build');
    });

    test('validates the Terraform where each infra kind keeps it', () => {
      const validate = (out: Record<string, any>) => step(out, 'build.yml', 'build', (s) => s.name === 'Validate the Terraform').run;
      expect(validate(cdktf)).toBe('terraform -chdir=cdktf.out/stacks/payments-batch init -backend=false -input=false\nterraform -chdir=cdktf.out/stacks/payments-batch validate');
      expect(validate(hcl)).toBe('terraform -chdir=infra init -backend=false -input=false\nterraform -chdir=infra validate');
    });

    test('builds the image once, on Node 22', () => {
      expect(step(cdktf, 'build.yml', 'build', (s) => s.run === 'docker build .').if).toBe('matrix.node == 22');
    });
  });

  describe('deploy.yml', () => {
    const deploy = cdktf['.github/workflows/deploy.yml'];

    test('runs by hand or from the release, per GitHub environment', () => {
      expect(Object.keys(deploy.on)).toEqual(['workflow_dispatch', 'workflow_call']);
      expect(deploy.on.workflow_call.inputs.version.required).toBe(true);
      expect(deploy.jobs.deploy.environment).toBe('${{ inputs.environment }}');
      expect(deploy.permissions).toEqual({ 'id-token': 'write', 'contents': 'read' });
    });

    test('gets AWS credentials through OIDC, in the project region unless the environment says otherwise', () => {
      const credentials = step(cdktf, 'deploy.yml', 'deploy', (s) => s.uses?.startsWith('aws-actions/configure-aws-credentials'));
      expect(credentials.uses).toBe('aws-actions/configure-aws-credentials@v4');
      expect(credentials.with).toEqual({ 'role-to-assume': '${{ vars.AWS_ROLE_ARN }}', 'aws-region': '${{ env.AWS_REGION }}' });
      expect(deploy.jobs.deploy.env.AWS_REGION).toBe("${{ vars.AWS_REGION || 'ap-northeast-1' }}");
    });

    test('applies the Terraform with the environment\'s files, then pushes the image tagged with the version, then registers revisions', () => {
      const names = steps(cdktf, 'deploy.yml', 'deploy').map((s) => s.name ?? s.uses ?? s.run);
      const order = ['Synthesize the infra', 'Terraform plan and apply', 'ECR login', 'Build and push the image, tagged with the version', 'Register a new task definition revision of every job'];
      expect(order.map((n) => names.indexOf(n))).toEqual([...order.map((n) => names.indexOf(n))].sort((a, b) => a - b));
      const terraform = step(cdktf, 'deploy.yml', 'deploy', (s) => s.name === 'Terraform plan and apply');
      expect(terraform['working-directory']).toBe('cdktf.out/stacks/payments-batch');
      expect(terraform.run).toContain('terraform init -input=false -backend-config="$GITHUB_WORKSPACE/infra/environments/$ENVIRONMENT.s3.tfbackend"');
      expect(terraform.run).toContain('-var-file="$GITHUB_WORKSPACE/infra/environments/$ENVIRONMENT.tfvars" -var="region=$AWS_REGION" -var="image_tag=$TAG"');
      expect(terraform.run).toContain('terraform apply -input=false tfplan');
      const push = step(cdktf, 'deploy.yml', 'deploy', (s) => s.name?.startsWith('Build and push'));
      expect(push.env.IMAGE).toBe('${{ steps.ecr.outputs.registry }}/payments-batch:${{ steps.version.outputs.tag }}');
      expect(push.run).toContain('docker push "$IMAGE"');
      expect(step(cdktf, 'deploy.yml', 'deploy', (s) => s.name?.startsWith('Register')).run).toBe('node scripts/register-revision.mjs --image "$IMAGE" --environment "$ENVIRONMENT"');
    });

    test('an hcl repo plans in infra/ and has nothing to synthesize', () => {
      expect(step(hcl, 'deploy.yml', 'deploy', (s) => s.name === 'Synthesize the infra')).toBeUndefined();
      expect(step(hcl, 'deploy.yml', 'deploy', (s) => s.name === 'Terraform plan and apply')['working-directory']).toBe('infra');
    });

    test('the version defaults to package.json', () => {
      expect(step(cdktf, 'deploy.yml', 'deploy', (s) => s.id === 'version').run).toBe(
        'echo "tag=${INPUT_VERSION:-$(node -p "require(\'./package.json\').version")}" >> "$GITHUB_OUTPUT"');
    });
  });
});
