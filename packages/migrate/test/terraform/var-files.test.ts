import { join, relative } from 'path';
import { analyze } from '../../src';
import { FIXTURES } from '../contract';

// Written for these tests: terraform.tfvars, terraform.tfvars.json, b.auto.tfvars.json, and a
// prod.tfvars that Terraform reads only with -var-file (and env/qa.tfvars.json, in a folder without .tf files).
// https://developer.hashicorp.com/terraform/language/values/variables#variable-definition-precedence
const FIXTURE = join(FIXTURES, 'terraform-var-files');
const PROD = join(FIXTURE, 'prod.tfvars');
const QA = join(FIXTURE, 'env', 'qa.tfvars.json');

const NOT_READ = 'prod.tfvars: not read: Terraform loads only terraform.tfvars, terraform.tfvars.json and *.auto.tfvars(.json) by itself; '
  + `if the deploy passes it (terraform apply -var-file), pass it too: --var-file ${relative(process.cwd(), PROD)}`;

describe('Terraform variable definitions files', () => {
  test('terraform.tfvars, then terraform.tfvars.json, then *.auto.tfvars.json, as Terraform loads them', async () => {
    const report = await analyze(FIXTURE);
    const jobs = report.jobs.map((j) => ({
      name: j.name, schedule: j.schedule, memoryMb: j.memoryMb, environment: j.environment, defaults: j.defaults,
    }));
    expect(jobs).toEqual([{
      // stage: terraform.tfvars.json over terraform.tfvars; schedule: terraform.tfvars.json; memory: b.auto.tfvars.json over terraform.tfvars
      name: 'digest-tfvars-json',
      schedule: ['rate(2 hours)'],
      memoryMb: 1024,
      environment: [{ name: 'STAGE', value: 'tfvars-json', secret: false }],
      defaults: [],
    }]);
  });

  test('a tfvars file Terraform does not load by itself is a warning that says how to pass it', async () => {
    const report = await analyze(FIXTURE);
    expect(report.warnings).toEqual([NOT_READ]);
    // The folder's only other var file is in a folder without .tf files: not a module, not warned about.
    expect(JSON.stringify(report)).not.toContain('qa.tfvars.json');
  });

  test('--var-file reads it after the auto-loaded ones, in order, and --var wins over all', async () => {
    const prod = await analyze(FIXTURE, { varFiles: [PROD] });
    expect(prod.warnings).toEqual([]);
    expect(prod.jobs.map((j) => [j.name, j.schedule, j.memoryMb])).toEqual([['digest-prod', ['cron(0 5 * * ? *)'], 1024]]);
    const qa = await analyze(FIXTURE, { varFiles: [PROD, QA] });
    expect(qa.jobs.map((j) => [j.name, j.schedule])).toEqual([['digest-qa', ['cron(0 5 * * ? *)']]]);
    const cli = await analyze(FIXTURE, { varFiles: [PROD, QA], vars: { stage: 'cli' } });
    expect(cli.jobs.map((j) => j.name)).toEqual(['digest-cli']);
  });

  test('a --var-file that does not exist is named', async () => {
    await expect(analyze(FIXTURE, { varFiles: ['no/such.tfvars'] })).rejects.toThrow('no/such.tfvars: does not exist (a .tfvars or .tfvars.json file, as terraform -var-file takes it)');
  });
});
