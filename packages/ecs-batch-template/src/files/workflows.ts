import { Component, YamlFile } from 'projen';
import { NodeProject } from 'projen/lib/javascript';
import { SYNTH_INFRA_TASK } from './cdktf-infra';
import { DEFAULT_ENVIRONMENT, Environments, TERRAFORM_VERSION } from './environments';
import { InfraNames } from './infra-names';
import { LINT_SARIF_CATEGORY, LINT_SARIF_FILE, LintInfra } from './lint-infra';
import { REGISTER_REVISION_SCRIPT } from './revision-scripts';
import { cdkFramework } from '../private/cdk-framework';
import { Pins } from '../private/pinned-actions';
import { ProjectSettings } from '../private/project-settings';

/** Node majors the build runs on: the minimum and the current LTS. */
export const NODE_MATRIX = [22, 24];

/**
 * The GitHub variables the workflows read. The bootstrap (`infra/bootstrap/`)
 * outputs the role ARNs.
 */
export const WORKFLOW_VARIABLES = {
  /** Repository variable: the read-only role pull requests and release plans assume. */
  planRole: 'AWS_PLAN_ROLE_ARN',
  /** Environment variable (per GitHub environment): the role the apply job assumes. */
  deployRole: 'AWS_DEPLOY_ROLE_ARN',
  /** Repository or environment variable: the AWS region, when not the project's. */
  region: 'AWS_REGION',
};

/** The saved plan the deploy's plan job uploads and its apply job applies. */
export const SAVED_PLAN = 'tfplan';

const CHECKOUT = { uses: Pins.uses('actions/checkout'), with: { 'persist-credentials': false } };
const SETUP_TERRAFORM = {
  uses: Pins.uses('hashicorp/setup-terraform'),
  // The wrapper prints outputs as annotations and changes exit codes; plain terraform is enough here.
  with: { terraform_version: TERRAFORM_VERSION, terraform_wrapper: false },
};
const SETUP_NODE = { uses: Pins.uses('actions/setup-node'), with: { 'node-version-file': '.nvmrc', 'cache': 'npm' } };

/**
 * `.github/workflows/build.yml` (test and synth on Node 22 and 24; on pull
 * requests, terraform fmt/validate/plan with the read-only plan role, the plan
 * in the job summary) and `deploy.yml` (job `plan` saves a plan of the release
 * commit; job `apply`, in the GitHub environment and after its protection
 * rules, applies exactly that plan, pushes the image built with provenance and
 * an SBOM, and registers a task definition revision per job).
 *
 * Every workflow starts from `permissions: {}`: each job asks for what it needs.
 */
export class Workflows extends Component {
  constructor(project: NodeProject, settings: ProjectSettings, defaultBranch: string) {
    super(project, 'Workflows');
    const names = new InfraNames(settings);
    const tfDir = names.terraformDir;
    // cdktf or cdktn: the stack is synthesized into cdktf.out/ before terraform runs.
    const cdktf = cdkFramework(settings.infra) !== undefined;
    const synthInfra = cdktf ? [{ name: 'Synthesize the infra', run: `npx projen ${SYNTH_INFRA_TASK}` }] : [];
    const region = `\${{ vars.${WORKFLOW_VARIABLES.region} || '${settings.region}' }}`;
    const varFile = '"$GITHUB_WORKSPACE/' + Environments.varFile('$ENVIRONMENT') + '"';
    const backendFile = '"$GITHUB_WORKSPACE/' + Environments.backendFile('$ENVIRONMENT') + '"';
    const init = `terraform init -input=false -backend-config=${backendFile}`;
    const plan = `terraform plan -input=false -lock-timeout=5m -out=${SAVED_PLAN} -var-file=${varFile} -var="region=$AWS_REGION" -var="image_tag=$TAG"`;
    const summary = (title: string) => [
      `{ echo "### ${title}"; echo; echo '\`\`\`'; terraform show -no-color ${SAVED_PLAN}; echo '\`\`\`'; } >> "$GITHUB_STEP_SUMMARY"`,
    ];
    const credentials = (role: string) => ({
      name: 'AWS credentials (OIDC, no stored keys)',
      uses: Pins.uses('aws-actions/configure-aws-credentials'),
      with: { 'role-to-assume': `\${{ vars.${role} }}`, 'aws-region': '${{ env.AWS_REGION }}' },
    });
    const packageVersion = 'node -p "require(\'./package.json\').version"';

    new YamlFile(project, '.github/workflows/build.yml', {
      obj: {
        name: 'build',
        on: { pull_request: {}, push: { branches: [defaultBranch] }, workflow_dispatch: {} },
        permissions: {},
        jobs: {
          build: {
            'runs-on': 'ubuntu-latest',
            // security-events: the lint findings go to code scanning; actions: read is what the
            // upload needs in a private repository.
            'permissions': { 'contents': 'read', 'security-events': 'write', 'actions': 'read' },
            'strategy': { 'fail-fast': false, 'matrix': { node: NODE_MATRIX } },
            'steps': [
              CHECKOUT,
              { uses: Pins.uses('actions/setup-node'), with: { 'node-version': '${{ matrix.node }}', 'cache': 'npm' } },
              { run: 'npm ci' },
              {
                name: 'Generated files are up to date',
                run: 'npx projen --no-post\ngit diff --exit-code || { echo "::error::npx projen changed files: run it and commit them"; exit 1; }',
              },
              // lint:infra runs in the build: a finding at or above --fail-on fails it here.
              { id: 'build', name: cdktf ? 'Test, lint and synthesize the infra' : 'Test and lint (the tests parse the HCL)', run: 'npx projen build' },
              {
                // Once (not per Node version), also when the build failed, so the findings that failed it are shown.
                id: 'sarif',
                name: 'ecs-batch-lint findings as SARIF',
                if: `!cancelled() && matrix.node == ${NODE_MATRIX[0]} && (steps.build.outcome == 'success' || steps.build.outcome == 'failure')`,
                run: LintInfra.sarifCommand(tfDir),
              },
              {
                'name': 'Upload the findings to code scanning',
                // A pull request from a fork gets no security-events: write. Without code scanning
                // (a private repository without GitHub Code Security) the upload fails: the build's
                // verdict is the lint step's, not this one's.
                'if': "!cancelled() && steps.sarif.outcome == 'success' && (github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name == github.repository)",
                'uses': Pins.uses('github/codeql-action/upload-sarif'),
                'continue-on-error': true,
                'with': { sarif_file: LINT_SARIF_FILE, category: LINT_SARIF_CATEGORY },
              },
              SETUP_TERRAFORM,
              {
                name: 'Terraform fmt and validate',
                run: [
                  `terraform -chdir=${tfDir} fmt -check -recursive`,
                  `terraform -chdir=${tfDir} init -backend=false -input=false`,
                  `terraform -chdir=${tfDir} validate`,
                ].join('\n'),
              },
              { name: 'Build the image', if: `matrix.node == ${NODE_MATRIX[0]}`, run: 'docker build .' },
            ],
          },
          // The reviewer sees what merging would change. The plan role reads and takes the state
          // lock only; AWS trusts it for this repository's pull requests (and its default branch).
          plan: {
            'if': "github.event_name == 'pull_request' && github.event.pull_request.head.repo.full_name == github.repository",
            'runs-on': 'ubuntu-latest',
            'permissions': { 'contents': 'read', 'id-token': 'write' },
            'env': { ENVIRONMENT: DEFAULT_ENVIRONMENT, AWS_REGION: region, TF_IN_AUTOMATION: 'true' },
            'steps': [
              CHECKOUT,
              SETUP_NODE,
              { run: 'npm ci' },
              credentials(WORKFLOW_VARIABLES.planRole),
              SETUP_TERRAFORM,
              ...synthInfra,
              {
                'name': `Terraform plan (${DEFAULT_ENVIRONMENT}), to the job summary`,
                'working-directory': tfDir,
                'run': [
                  // The image of the current release: what is deployed now.
                  `TAG=$(${packageVersion})`,
                  init,
                  plan,
                  ...summary(`terraform plan: ${DEFAULT_ENVIRONMENT}, image $TAG`),
                ].join('\n'),
              },
            ],
          },
        },
      },
    });

    const image = `\${{ steps.ecr.outputs.registry }}/${names.repository}:\${{ needs.plan.outputs.tag }}`;
    new YamlFile(project, '.github/workflows/deploy.yml', {
      obj: {
        name: 'deploy',
        on: {
          workflow_dispatch: {
            inputs: {
              environment: { description: `GitHub environment (${WORKFLOW_VARIABLES.deployRole}, ${WORKFLOW_VARIABLES.region}) and infra/environments/<environment>.*`, type: 'string', default: DEFAULT_ENVIRONMENT, required: true },
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
        permissions: {},
        concurrency: { 'group': 'deploy-${{ inputs.environment }}', 'cancel-in-progress': false },
        jobs: {
          // 1. The plan of this commit, read-only, shown in the summary and saved for the apply job.
          plan: {
            'runs-on': 'ubuntu-latest',
            'permissions': { 'contents': 'read', 'id-token': 'write' },
            'outputs': { tag: '${{ steps.version.outputs.tag }}' },
            'env': { ENVIRONMENT: '${{ inputs.environment }}', AWS_REGION: region, TF_IN_AUTOMATION: 'true' },
            'steps': [
              CHECKOUT,
              SETUP_NODE,
              { run: 'npm ci' },
              {
                name: 'The version is the image tag',
                id: 'version',
                env: { INPUT_VERSION: '${{ inputs.version }}' },
                run: `echo "tag=\${INPUT_VERSION:-$(${packageVersion})}" >> "$GITHUB_OUTPUT"`,
              },
              credentials(WORKFLOW_VARIABLES.planRole),
              SETUP_TERRAFORM,
              ...synthInfra,
              {
                'name': 'Terraform plan, saved',
                'working-directory': tfDir,
                'env': { TAG: '${{ steps.version.outputs.tag }}' },
                'run': [init, plan, ...summary('terraform plan: $ENVIRONMENT, image $TAG (applied after approval)')].join('\n'),
              },
              {
                name: 'Keep the saved plan for the apply job',
                uses: Pins.uses('actions/upload-artifact'),
                // The saved plan holds the planned values in clear text: kept briefly, readable by the repo's readers.
                // With the provider lock the plan was made with, so the apply job installs the same providers.
                with: {
                  'name': `${SAVED_PLAN}-\${{ inputs.environment }}`,
                  'path': `${tfDir}/${SAVED_PLAN}\n${tfDir}/.terraform.lock.hcl`,
                  'include-hidden-files': true,
                  'if-no-files-found': 'error',
                  'retention-days': 5,
                },
              },
            ],
          },
          // 2. After the environment's protection rules (reviewers): that saved plan, then the image and the revisions.
          apply: {
            'needs': 'plan',
            'runs-on': 'ubuntu-latest',
            'environment': '${{ inputs.environment }}',
            'permissions': { 'contents': 'read', 'id-token': 'write' },
            'env': { ENVIRONMENT: '${{ inputs.environment }}', AWS_REGION: region, TF_IN_AUTOMATION: 'true' },
            'steps': [
              CHECKOUT,
              SETUP_NODE,
              { run: 'npm ci' },
              credentials(WORKFLOW_VARIABLES.deployRole),
              SETUP_TERRAFORM,
              ...synthInfra,
              {
                name: 'The saved plan and its provider lock',
                uses: Pins.uses('actions/download-artifact'),
                with: { name: `${SAVED_PLAN}-\${{ inputs.environment }}`, path: tfDir },
              },
              {
                // First, so that a first deploy has its image repository and task definition families.
                // Terraform refuses a saved plan whose state changed since it was made ("Saved plan is
                // stale"): plan again rather than apply what nobody reviewed.
                'name': 'Terraform apply the saved plan',
                'working-directory': tfDir,
                'run': [init, `terraform apply -input=false ${SAVED_PLAN}`].join('\n'),
              },
              { name: 'ECR login', id: 'ecr', uses: Pins.uses('aws-actions/amazon-ecr-login') },
              { name: 'BuildKit, for provenance and SBOM attestations', uses: Pins.uses('docker/setup-buildx-action') },
              {
                name: 'Build and push the image, tagged with the version',
                env: { TAG: '${{ needs.plan.outputs.tag }}', IMAGE: image },
                run: [
                  '# Tags are immutable: a version is built once.',
                  `if aws ecr describe-images --repository-name ${names.repository} --image-ids imageTag="$TAG" >/dev/null 2>&1; then`,
                  '  echo "$IMAGE exists: not rebuilt"',
                  'else',
                  `  docker buildx build --platform ${settings.imagePlatform} --provenance=mode=max --sbom=true --push -t "$IMAGE" .`,
                  'fi',
                ].join('\n'),
              },
              {
                name: 'Register a new task definition revision of every job',
                env: { IMAGE: image },
                run: `node ${REGISTER_REVISION_SCRIPT} --image "$IMAGE" --environment "$ENVIRONMENT"`,
              },
            ],
          },
        },
      },
    });
  }
}
