import { BASE_IMAGE } from '../../src/private/pins';
import { newProject, synth } from '../fixtures';

describe('Dockerfile', () => {
  const out = synth(newProject());
  const lines: string[] = out.Dockerfile.split('\n');

  const base = `node:${BASE_IMAGE.tag}@${BASE_IMAGE.digest}`;

  test('is a multi-stage Node 22 slim build on the base image pinned by its multi-arch index digest, tag in a comment', () => {
    expect(BASE_IMAGE.tag).toMatch(/^22-.*slim$/);
    expect(BASE_IMAGE.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(lines.filter((l) => l.startsWith('FROM '))).toEqual([`FROM ${base} AS build`, `FROM ${base} AS deps`, `FROM ${base}`]);
    expect(lines).toContain(`# Base image: node:${BASE_IMAGE.tag}, pinned by the digest of its multi-architecture index`);
  });

  test('compiles with the dev dependencies, but ships production dependencies only', () => {
    expect(lines).toContain('RUN npm ci --no-audit --no-fund');
    expect(lines).toContain('RUN npx tsc --build');
    expect(lines).toContain('RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund');
    const runtime = lines.slice(lines.indexOf(`FROM ${base}`));
    expect(runtime).toContain('COPY --from=deps --chown=root:root /app/node_modules ./node_modules');
    expect(runtime).toContain('COPY --from=build --chown=root:root /app/lib ./lib');
    expect(runtime.filter((l) => l.startsWith('RUN '))).toEqual([]);
  });

  test('the application files belong to root: the runtime user cannot change them', () => {
    const runtime = lines.slice(lines.indexOf(`FROM ${base}`));
    const copies = runtime.filter((l) => l.startsWith('COPY '));
    expect(copies).toHaveLength(3);
    for (const copy of copies) expect(copy).toContain('--chown=root:root');
    expect(out.Dockerfile).not.toContain('--chown=node');
    // Nothing in the stages above runs as another user, so what they write is root's.
    expect(lines.filter((l) => l.startsWith('USER '))).toEqual(['USER node']);
  });

  test('runs as the non-root node user, with ecs-batch-run as PID 1 for every job', () => {
    expect(lines).toContain('USER node');
    expect(lines[lines.length - 2]).toBe('ENTRYPOINT ["/app/node_modules/.bin/ecs-batch-run"]');
    expect(lines.indexOf('USER node')).toBeLessThan(lines.findIndex((l) => l.startsWith('ENTRYPOINT')));
    // The handler is chosen per job by the task definition, not baked into the image.
    expect(out.Dockerfile).not.toMatch(/^(ENV|CMD).*ECS_BATCH_HANDLER/m);
  });

  test('sends only the sources and the lockfile to the build', () => {
    expect(out['.dockerignore'].split('\n').filter((l: string) => l && !l.startsWith('#'))).toEqual([
      '*', '!package.json', '!package-lock.json', '!tsconfig.json', '!src',
    ]);
  });

  test('matches the snapshot (review aid)', () => {
    expect(out.Dockerfile).toMatchSnapshot();
  });
});
