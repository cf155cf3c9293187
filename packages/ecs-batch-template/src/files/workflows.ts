import { Component, YamlFile } from 'projen';
import { NodeProject } from 'projen/lib/javascript';
import { SYNTH_INFRA_TASK } from './cdktf-infra';
import { DEFAULT_ENVIRONMENT, Environments, TERRAFORM_VERSION } from './environments';
import { InfraNames } from './infra-names';
import { REGISTER_REVISION_SCRIPT } from './revision-scripts';
import { ProjectSettings } from '../private/project-settings';

/** Node majors the build runs on: the minimum and the current LTS. */
export const NODE_MATRIX = [22, 24];

const CHECKOUT = { uses: 'actions/checkout@v4' };
const SETUP_TERRAFORM = {
  uses: 'hashicorp/setup-terraform@v3',
  // The wrapper prints outputs as annotations and changes exit codes; plain terraform is enough here.
  with: { terraform_version: TERRAFORM_VERSION, terraform_wrapper: false },
};

/**
 * `.github/workflows/build.yml` (test and synth, on Node 22 and 24) and
 * `deploy.yml` (OIDC credentials, terraform plan/apply, the image tagged with
 * the release version, a new task definition revision per job).
 */
export class Workflows extends Component {
  constructor(project: NodeProject, settings: ProjectSettings, defaultBranch: string) {
    super(project, 'Workflows');
    const names = new InfraNames(settings);
    const tfDir = names.terraformDir;
    const cdktf = settings.infra === 'cdktf';

    new YamlFile(project, '.github/workflows/build.yml', {
      obj: {
        name: 'build',
        on: { pull_request: {}, push: { branches: [defaultBranch] }, workflow_dispatch: {} },
        permissions: { contents: 'read' },
        jobs: {
          build: {
            'runs-on': 'ubuntu-latest',
            'strategy': { 'fail-fast': false, 'matrix': { node: NODE_MATRIX } },
            'steps': [
              CHECKOUT,
              { uses: 'actions/setup-node@v4', with: { 'node-version': '${{ matrix.node }}', 'cache': 'npm' } },
              { run: 'npm ci' },
              {
                name: 'Generated files are up to date',
                run: 'npx projen --no-post\ngit diff --exit-code || { echo "::error::npx projen changed files: run it and commit them"; exit 1; }',
              },
              { name: cdktf ? 'Test, lint and synthesize the infra' : 'Test and lint (the tests parse the HCL)', run: 'npx projen build' },
              SETUP_TERRAFORM,
              {
                name: 'Validate the Terraform',
                run: `terraform -chdir=${tfDir} init -backend=false -input=false\nterraform -chdir=${tfDir} validate`,
              },
              { name: 'Build the image', if: `matrix.node == ${NODE_MATRIX[0]}`, run: 'docker build .' },
            ],
          },
        },
      },
    });

    const varFile = '"$GITHUB_WORKSPACE/' + Environments.varFile('$ENVIRONMENT') + '"';
    const backendFile = '"$GITHUB_WORKSPACE/' + Environments.backendFile('$ENVIRONMENT') + '"';
    new YamlFile(project, '.github/workflows/deploy.yml', {
      obj: {
        name: 'deploy',
        on: {
          workflow_dispatch: {
            inputs: {
              environment: { description: 'GitHub environment (AWS_ROLE_ARN, AWS_REGION) and infra/environments/<environment>.*', type: 'string', default: DEFAULT_ENVIRONMENT, required: true },
              version: { description: 'Image tag to deploy (default: the version in package.json)', type: 'string', required: false },
            },
          },
          // The release workflow calls this with the version it released.
          workflow_call: {
            inputs: {
              environment: { type: 'string', default: DEFAULT_ENVIRONMENT, required: false },
              version: { type: 'string', required: true },
            },
          },
        },
        permissions: { 'id-token': 'write', 'contents': 'read' },
        concurrency: { 'group': 'deploy-${{ inputs.environment }}', 'cancel-in-progress': false },
        jobs: {
          deploy: {
            'runs-on': 'ubuntu-latest',
            'environment': '${{ inputs.environment }}',
            'env': {
              ENVIRONMENT: '${{ inputs.environment }}',
              AWS_REGION: `\${{ vars.AWS_REGION || '${settings.region}' }}`,
              TF_IN_AUTOMATION: 'true',
            },
            'steps': [
              CHECKOUT,
              { uses: 'actions/setup-node@v4', with: { 'node-version-file': '.nvmrc', 'cache': 'npm' } },
              { run: 'npm ci' },
              {
                name: 'The version is the image tag',
                id: 'version',
                env: { INPUT_VERSION: '${{ inputs.version }}' },
                run: 'echo "tag=${INPUT_VERSION:-$(node -p "require(\'./package.json\').version")}" >> "$GITHUB_OUTPUT"',
              },
              {
                name: 'AWS credentials (OIDC, no stored keys)',
                uses: 'aws-actions/configure-aws-credentials@v4',
                with: { 'role-to-assume': '${{ vars.AWS_ROLE_ARN }}', 'aws-region': '${{ env.AWS_REGION }}' },
              },
              SETUP_TERRAFORM,
              ...(cdktf ? [{ name: 'Synthesize the infra', run: `npx projen ${SYNTH_INFRA_TASK}` }] : []),
              {
                // First, so that a first deploy has its image repository and task definition families.
                // Terraform ignores later container changes: CI registers those revisions (below).
                'name': 'Terraform plan and apply',
                'working-directory': tfDir,
                'env': { TAG: '${{ steps.version.outputs.tag }}' },
                'run': [
                  `terraform init -input=false -backend-config=${backendFile}`,
                  `terraform plan -input=false -out=tfplan -var-file=${varFile} -var="region=$AWS_REGION" -var="image_tag=$TAG"`,
                  'terraform apply -input=false tfplan',
                ].join('\n'),
              },
              { name: 'ECR login', id: 'ecr', uses: 'aws-actions/amazon-ecr-login@v2' },
              {
                name: 'Build and push the image, tagged with the version',
                env: { TAG: '${{ steps.version.outputs.tag }}', IMAGE: `\${{ steps.ecr.outputs.registry }}/${names.repository}:\${{ steps.version.outputs.tag }}` },
                run: [
                  '# Tags are immutable: a version is built once.',
                  `if aws ecr describe-images --repository-name ${names.repository} --image-ids imageTag="$TAG" >/dev/null 2>&1; then`,
                  '  echo "$IMAGE exists: not rebuilt"',
                  'else',
                  '  docker build -t "$IMAGE" .',
                  '  docker push "$IMAGE"',
                  'fi',
                ].join('\n'),
              },
              {
                name: 'Register a new task definition revision of every job',
                env: { IMAGE: `\${{ steps.ecr.outputs.registry }}/${names.repository}:\${{ steps.version.outputs.tag }}` },
                run: `node ${REGISTER_REVISION_SCRIPT} --image "$IMAGE" --environment "$ENVIRONMENT"`,
              },
            ],
          },
        },
      },
    });
  }
}
