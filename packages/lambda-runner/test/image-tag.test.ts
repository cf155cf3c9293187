import { imageTag } from '../src/image-tag';

describe('imageTag', () => {
  test.each([
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments-jobs:2024.06.1', '2024.06.1'],
    ['node:22-slim', '22-slim'],
    ['registry.internal:5000/team/jobs:v3', 'v3'],
    ['jobs:v3@sha256:8cac3dac7c1a7b4f6a0c0d6a8f2f3f7e1b5f0c2d9e6a1b4c7d0e3f6a9b2c5d8e', 'v3'],
    ['registry.internal:5000/team/jobs', undefined],
    ['jobs@sha256:8cac3dac7c1a7b4f6a0c0d6a8f2f3f7e1b5f0c2d9e6a1b4c7d0e3f6a9b2c5d8e', undefined],
    ['jobs', undefined],
    ['jobs:', undefined],
  ])('%s → %s', (image, tag) => {
    expect(imageTag(image)).toBe(tag);
  });
});
