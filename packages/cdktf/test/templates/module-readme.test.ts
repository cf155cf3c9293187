/**
 * Each module's README: its inputs and outputs tables say what variables.tf and
 * outputs.tf say, and each HCL example calls the module as Terraform would
 * accept it (known arguments, every required one, every validation passed).
 *
 * Regenerate the tables: UPDATE_MODULE_READMES=1 npx jest test/templates/module-readme.test.ts
 */
import { readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { parse } from '@cdktf/hcl2json';
import { inputRows, inputsTable, outputRows, outputsTable, replaceTable, tableAfter } from './module-docs';
import { parseTfFiles } from './root-module';
import { moduleDir, planRoot } from '../hcl/module-plan';

const MODULES = ['ecs-scheduled-task', 'ecs-batch-job', 'ecs-batch-dashboard'];
const UPDATE = process.env.UPDATE_MODULE_READMES === '1';

/** The package whose changesets tag (`<name>@<version>`) releases the HCL modules. */
const TEMPLATE_PACKAGE = JSON.parse(readFileSync(resolve(__dirname, '../../../ecs-batch-template/package.json'), 'utf8')).name;

function hclBlocks(markdown: string): Array<{ line: number; code: string }> {
  return [...markdown.matchAll(/^```hcl\n([\s\S]*?)^```$/gm)].map((m) => ({
    line: markdown.slice(0, m.index).split('\n').length + 1,
    code: m[1],
  }));
}

describe.each(MODULES)('modules/%s/README.md', (name) => {
  const dir = moduleDir(name);
  const path = join(dir, 'README.md');

  beforeAll(async () => {
    if (!UPDATE) return;
    let markdown = readFileSync(path, 'utf8');
    markdown = replaceTable(markdown, 'Inputs', inputsTable(await inputRows(dir)));
    markdown = replaceTable(markdown, 'Outputs', outputsTable(await outputRows(dir)));
    writeFileSync(path, markdown.replace(/\n*$/, '\n'));
  });

  test('the inputs table has every variable, with its type, default and description', async () => {
    const rows = (await inputRows(dir)).map((r) => [r.name, r.type, r.default, r.description]);
    expect(tableAfter(readFileSync(path, 'utf8'), 'Inputs')).toEqual(rows);
  });

  test('the outputs table has every output, with its description', async () => {
    const rows = (await outputRows(dir)).map((r) => [r.name, r.description]);
    expect(tableAfter(readFileSync(path, 'utf8'), 'Outputs')).toEqual(rows);
  });

  test('the sources of its HCL examples pin a release of the template package, in this module\'s folder', () => {
    const sources = hclBlocks(readFileSync(path, 'utf8')).flatMap((b) => [...b.code.matchAll(/source\s*=\s*"([^"]+)"/g)].map((m) => m[1]));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(source).toBe(`git::https://github.com/<org>/ecs-batch.git//templates/terraform/modules/${name}?ref=${TEMPLATE_PACKAGE}@<version>`);
    }
  });

  test('the opening example passes only known arguments, every required one, and plans without an issue', async () => {
    const [example] = hclBlocks(readFileSync(path, 'utf8'));
    const parsed = await parse('README.md', example.code);
    const calls = Object.values<any>(parsed.module);
    expect(calls).toHaveLength(1);
    const variables = (await parseTfFiles(dir))['variables.tf'].variable;
    const args = Object.keys(calls[0][0]).filter((a) => a !== 'source');
    const required = Object.keys(variables).filter((v) => !Object.prototype.hasOwnProperty.call(variables[v][0], 'default'));
    expect(args.filter((a) => !(a in variables))).toEqual([]);
    expect(required.filter((v) => !args.includes(v))).toEqual([]);

    // The same call on this checkout's module: validations and preconditions run.
    const local = example.code.replace(/source\s*=\s*"[^"]+"/, `source = ${JSON.stringify(dir)}`);
    const plan = await planRoot(local, dir);
    expect(plan.issues).toEqual([]);
    expect(plan.resources.length).toBeGreaterThan(0);
  });

  test('every other HCL block parses', async () => {
    for (const block of hclBlocks(readFileSync(path, 'utf8')).slice(1)) {
      await expect(parse(`README.md:${block.line}`, block.code)).resolves.toBeDefined();
    }
  });
});
