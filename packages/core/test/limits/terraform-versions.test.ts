import { TerraformVersions } from '../../src';

test('every constraint has an upper bound: ~> with a minor version stops at the next major', () => {
  const { MODULES, ROOT_MODULE, AWS_PROVIDER, AWS_PROVIDER_CDKTN } = TerraformVersions;
  for (const constraint of [MODULES, ROOT_MODULE, AWS_PROVIDER, AWS_PROVIDER_CDKTN]) expect(constraint).toMatch(/^~> \d+\.\d+$/);
});

test('cdktf and cdktn stacks ask for the same provider major, hashicorp/aws, cdktn from a later minor', () => {
  expect(TerraformVersions.AWS_PROVIDER_SOURCE).toBe('hashicorp/aws');
  const [cdktf, cdktn] = [TerraformVersions.AWS_PROVIDER, TerraformVersions.AWS_PROVIDER_CDKTN].map((c) => c.slice(3).split('.').map(Number));
  expect(cdktn[0]).toBe(cdktf[0]);
  expect(cdktn[1]).toBeGreaterThan(cdktf[1]);
});
