import { join } from 'path';
import { analyze } from '../../src';
import { expectContractShape, jobNamed } from '../contract';

const APP = join(__dirname, 'fixtures', 'shared-folder');

describe('a job\'s own code and dependencies (codeFiles, dependencies)', () => {
  test('Lambdas sharing a folder each get the files their handler reaches, and the packages those import at the locked versions', async () => {
    const report = await analyze(APP);
    expectContractShape(report);
    const report_ = jobNamed(report, 'report');
    expect(report_.codePath).toBe('.');
    expect(report_.codeFiles).toEqual(['src/lib/format.ts', 'src/lib/page.mjs', 'src/lib/retry.ts', 'src/lib/units.ts', 'src/report.ts']);
    expect(report_.dependencies).toEqual({ '@aws-sdk/client-s3': '^3', '@smithy/util-retry': '3.0.11', 'date-fns': '3.6.0', 'lodash': '4.17.21' });
    expect(report_.warnings).toContain('deps: @aws-sdk/client-s3 added at ^3 (the latest v3), since the nodejs20.x runtime provided AWS SDK v3 and a container has none');

    const cleanup = jobNamed(report, 'cleanup');
    expect(cleanup.codeFiles).toEqual(['src/cleanup.js', 'src/lib/shared/index.js']);
    expect(cleanup.dependencies).toEqual({ '@aws-sdk/client-dynamodb': '^3' });
    expect(cleanup.warnings).toEqual(expect.arrayContaining([
      'src/cleanup.js: cannot resolve ./lib/gone',
      'src/cleanup.js: imports uuid, not in package.json; add it to deps by hand',
    ]));

    const legacy = jobNamed(report, 'legacy');
    expect(legacy.codeFiles).toEqual(['src/legacy.js']);
    expect(legacy.dependencies).toEqual({ 'aws-sdk': '^2' });
  });

  test('a job without a Node handler file has neither field', async () => {
    const report = await analyze(join(__dirname, '..', 'fixtures', 'serverless-app'));
    const purge = jobNamed(report, 'purge');
    expect(purge.codeFiles).toBeUndefined();
    expect(purge.dependencies).toBeUndefined();
  });
});
