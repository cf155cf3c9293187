import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parse } from '@cdktf/hcl2json';
import { generatedIam, generatedRegionOf, withGeneratedRegion } from './iam-hcl';

const MODULES = join(__dirname, '..', '..', '..', '..', 'templates', 'terraform', 'modules');

describe.each(['ecs-scheduled-task', 'ecs-batch-job'] as const)('%s/iam.tf', (module) => {
  const file = join(MODULES, module, 'iam.tf');

  test('its generated region is exactly what @ecs-batch/core builds today', () => {
    const generated = generatedIam(module);
    const text = readFileSync(file, 'utf8');
    if (process.env.UPDATE_HCL_IAM === '1') {
      writeFileSync(file, withGeneratedRegion(text, generated));
    }
    expect(generatedRegionOf(readFileSync(file, 'utf8'))).toBe(generated);
  });

  test('parses as HCL', async () => {
    const parsed = await parse('iam.tf', readFileSync(file, 'utf8'));
    expect(Object.keys(parsed.locals[parsed.locals.length - 1]).length).toBeGreaterThan(0);
  });
});
