import { Pins } from '../../src/private/pinned-actions';
import { ACTION_PINS } from '../../src/private/pins';

describe('Pins', () => {
  const checkout = ACTION_PINS.find((p) => p.repo === 'actions/checkout')!;

  test('a step may only use a pinned action', () => {
    expect(Pins.uses('actions/checkout')).toBe(`actions/checkout@${checkout.sha}`);
    expect(() => Pins.uses('actions/cache')).toThrow("actions/cache: not pinned in ecs-batch-template's pins.ts");
  });

  test('annotate adds the tag to a pinned SHA, once, and leaves anything else alone', () => {
    const yaml = [
      `      - uses: actions/checkout@${checkout.sha}`,
      `        uses: actions/checkout@${checkout.sha}`,
      `      - uses: actions/checkout@${'f'.repeat(40)}`,
      '      - uses: actions/checkout@v7',
      '      - uses: ./.github/workflows/deploy.yml',
    ].join('\n');
    const annotated = Pins.annotate(yaml);
    expect(annotated.split('\n')).toEqual([
      `      - uses: actions/checkout@${checkout.sha} # ${checkout.tag}`,
      `        uses: actions/checkout@${checkout.sha} # ${checkout.tag}`,
      `      - uses: actions/checkout@${'f'.repeat(40)}`,
      '      - uses: actions/checkout@v7',
      '      - uses: ./.github/workflows/deploy.yml',
    ]);
    expect(Pins.annotate(annotated)).toBe(annotated);
  });
});
