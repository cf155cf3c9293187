import { FargateArchitecture } from '../../src';
import { errorOf } from '../error-of';

test('Fargate Spot is refused for ARM64, with the index of the provider', () => {
  const e = errorOf(() => FargateArchitecture.checkCapacityProviders('ARM64', ['FARGATE', 'FARGATE_SPOT'], 'capacityProviderStrategy'));
  expect(e.message).toBe('capacityProviderStrategy[1]: FARGATE_SPOT cannot run an ARM64 task: Fargate Spot has no Graviton capacity (use FARGATE, or architecture X86_64 to use Spot)');
  expect(() => FargateArchitecture.checkCapacityProviders('X86_64', ['FARGATE_SPOT'], 'capacityProviderStrategy')).not.toThrow();
  expect(() => FargateArchitecture.checkCapacityProviders('ARM64', ['FARGATE'], 'capacityProviderStrategy')).not.toThrow();
});

test('capacity providers and image platform follow the architecture', () => {
  expect(FargateArchitecture.capacityProviders('ARM64')).toEqual(['FARGATE']);
  expect(FargateArchitecture.capacityProviders('X86_64')).toEqual(['FARGATE', 'FARGATE_SPOT']);
  expect(FargateArchitecture.dockerPlatform('ARM64')).toBe('linux/arm64');
  expect(FargateArchitecture.dockerPlatform('X86_64')).toBe('linux/amd64');
});

test('an unknown architecture names the field', () => {
  expect(errorOf(() => FargateArchitecture.check('AMD64', 'architecture')).message).toBe("architecture: 'AMD64' is not a Fargate CPU architecture (X86_64 or ARM64)");
});
