import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { findSourceFiles } from '../../src/scan/source-files';

describe('findSourceFiles', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ecs-batch-migrate-scan-'));
    const files = [
      'infra/main.tf', 'infra/vars.tf', 'infra/terraform.tfvars', 'infra/b.auto.tfvars', 'infra/a.auto.tfvars', 'infra/prod.tfvars',
      'infra/terraform.tfvars.json', 'infra/a.auto.tfvars.json', 'infra/dev.tfvars.json',
      'vars-only/terraform.tfvars', 'sam/template.yaml', 'sam2/template.yml', 'svc/serverless.yml', 'svc2/serverless.yaml',
      'node_modules/x/main.tf', '.aws-sam/build/template.yaml', 'svc/.serverless/serverless.yml', 'README.md',
    ];
    for (const file of files) {
      mkdirSync(join(root, file, '..'), { recursive: true });
      writeFileSync(join(root, file), '');
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('groups Terraform by folder, with tfvars in load order; skips build output and dependencies', () => {
    expect(findSourceFiles(root)).toEqual({
      terraformModules: [{
        dir: join(root, 'infra'),
        tfFiles: [join(root, 'infra/main.tf'), join(root, 'infra/vars.tf')],
        // https://developer.hashicorp.com/terraform/language/values/variables#variable-definition-precedence
        tfvarsFiles: ['terraform.tfvars', 'terraform.tfvars.json', 'a.auto.tfvars', 'a.auto.tfvars.json', 'b.auto.tfvars'].map((f) => join(root, 'infra', f)),
        // loaded only with -var-file
        otherVarFiles: [join(root, 'infra/dev.tfvars.json'), join(root, 'infra/prod.tfvars')],
      }],
      samTemplates: [join(root, 'sam/template.yaml'), join(root, 'sam2/template.yml')],
      serverlessFiles: [join(root, 'svc/serverless.yml'), join(root, 'svc2/serverless.yaml')],
      copilotManifests: [],
    });
  });

  test('a single file is analyzed alone', () => {
    expect(findSourceFiles(join(root, 'svc/serverless.yml'))).toEqual({
      terraformModules: [], samTemplates: [], serverlessFiles: [join(root, 'svc/serverless.yml')], copilotManifests: [],
    });
  });
});
