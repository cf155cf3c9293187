import { newProject, synth } from '../fixtures';

describe('Dockerfile', () => {
  const out = synth(newProject());
  const lines: string[] = out.Dockerfile.split('\n');

  test('is a multi-stage Node 22 slim build', () => {
    expect(lines.filter((l) => l.startsWith('FROM '))).toEqual([
      'FROM node:22-slim AS build',
      'FROM node:22-slim AS deps',
      'FROM node:22-slim',
    ]);
  });

  test('compiles with the dev dependencies, but ships production dependencies only', () => {
    expect(lines).toContain('RUN npm ci --no-audit --no-fund');
    expect(lines).toContain('RUN npx tsc --build');
    expect(lines).toContain('RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund');
    const runtime = lines.slice(lines.indexOf('FROM node:22-slim'));
    expect(runtime).toContain('COPY --from=deps --chown=node:node /app/node_modules ./node_modules');
    expect(runtime).toContain('COPY --from=build --chown=node:node /app/lib ./lib');
    expect(runtime.filter((l) => l.startsWith('RUN '))).toEqual([]);
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
