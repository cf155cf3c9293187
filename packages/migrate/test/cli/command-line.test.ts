import { join } from 'path';
import { parseCommandLine, UsageError } from '../../src/cli/command-line';
import { FIXTURES } from '../contract';

const VAR_FILE = join(FIXTURES, 'terraform-var-files', 'prod.tfvars');
const VAR_JSON = join(FIXTURES, 'terraform-var-files', 'env', 'qa.tfvars.json');

describe('parseCommandLine', () => {
  test.each([
    [['repo'], { kind: 'analyze', path: 'repo', output: 'table', options: {} }],
    [['repo', '--json'], { kind: 'analyze', path: 'repo', output: 'json', options: {} }],
    [['--projenrc', 'repo'], { kind: 'analyze', path: 'repo', output: 'projenrc', options: {} }],
    [['repo', '--template-json'], { kind: 'analyze', path: 'repo', output: 'template-json', options: {} }],
    [['--json', '--json', 'repo'], { kind: 'analyze', path: 'repo', output: 'json', options: {} }],
    [['--', '--odd-folder'], { kind: 'analyze', path: '--odd-folder', output: 'table', options: {} }],
    [['repo', '--stage', 'prod'], { kind: 'analyze', path: 'repo', output: 'table', options: { stage: 'prod' } }],
    [['repo', '--parameter-overrides', 'Stage=prod', '--parameter-overrides=Rate=rate(5 minutes)'],
      { kind: 'analyze', path: 'repo', output: 'table', options: { parameterOverrides: { Stage: 'prod', Rate: 'rate(5 minutes)' } } }],
    [['repo', '--var', 'env=prod', '--var', 'url=a=b'], { kind: 'analyze', path: 'repo', output: 'table', options: { vars: { env: 'prod', url: 'a=b' } } }],
    [['repo', '--var-file', VAR_FILE, `--var-file=${VAR_JSON}`, '--var', 'env=qa'],
      { kind: 'analyze', path: 'repo', output: 'table', options: { vars: { env: 'qa' }, varFiles: [VAR_FILE, VAR_JSON] } }],
    [['-h'], { kind: 'help' }],
    [['repo', '--help'], { kind: 'help' }],
  ])('%j', (argv, command) => {
    expect(parseCommandLine(argv)).toEqual(command);
  });

  test.each([
    [[], '<path>: missing (the folder to analyze)'],
    [['a', 'b'], '<path>: one path expected, got 2 (a b)'],
    [['a', '-x'], '-x: unknown option (--json, --projenrc, --template-json, --stage, --parameter-overrides, --var, --var-file, --cost, --help)'],
    [['a', '--stage'], '--stage: missing value (a stage name, e.g. prod)'],
    [['a', '--stage', '--json'], '--stage: missing value (a stage name, e.g. prod)'],
    [['a', '--parameter-overrides', 'Stage'], '--parameter-overrides: Stage is not K=V (a SAM parameter, e.g. Stage=prod)'],
    [['a', '--var', '=x'], '--var: =x is not K=V (a Terraform variable, e.g. environment=prod)'],
    [['a', '--var-file'], '--var-file: missing value (a .tfvars or .tfvars.json file, e.g. env/prod.tfvars)'],
    [['a', '--var-file', join(FIXTURES, 'terraform-repo', 'functions.tf')], `--var-file: ${join(FIXTURES, 'terraform-repo', 'functions.tf')} is not a .tfvars or .tfvars.json file`],
    [['a', '--var-file', 'no/such/prod.tfvars'], '--var-file: no/such/prod.tfvars does not exist'],
    [['a', '--json', '--projenrc'], '--json, --projenrc: choose one output format'],
    [['a', '--template-json', '--json'], '--template-json, --json: choose one output format'],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(UsageError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });
});
