import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parse } from '@cdktf/hcl2json';
import { ModuleName, generatedRegionOf, generatedRegions, withGeneratedRegion } from './generated-hcl';
import { moduleDir } from './module-plan';

const FILES: Array<[ModuleName, string]> = (['ecs-scheduled-task', 'ecs-batch-job', 'ecs-batch-dashboard'] as const)
  .flatMap((module) => Object.keys(generatedRegions(module)).map((file) => [module, file] as [ModuleName, string]));

describe.each(FILES)('%s/%s', (module, file) => {
  const path = join(moduleDir(module), file);

  test('its generated region is exactly what @ecs-batch/core builds today', () => {
    const generated = generatedRegions(module)[file];
    if (process.env.UPDATE_GENERATED_HCL === '1') {
      writeFileSync(path, withGeneratedRegion(readFileSync(path, 'utf8'), generated));
    }
    expect(generatedRegionOf(readFileSync(path, 'utf8'))).toBe(generated);
  });

  test('parses as HCL', async () => {
    const parsed = await parse(file, readFileSync(path, 'utf8'));
    expect(parsed.locals.length).toBeGreaterThan(0);
  });
});
