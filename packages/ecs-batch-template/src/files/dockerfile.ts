import { Component, IgnoreFile } from 'projen';
import { NodeProject } from 'projen/lib/javascript';
import { GeneratedTextFile } from '../private/generated-text-file';

/** The Node major the image runs on: the generated repo's minimum Node. */
export const IMAGE_NODE_MAJOR = 22;

/**
 * One image for every job: a multi-stage Node 22 slim build whose entrypoint is
 * `ecs-batch-run`. Each job's task definition picks its handler through
 * `ECS_BATCH_HANDLER`, so adding a job never changes the image.
 */
export class Dockerfile extends Component {
  constructor(project: NodeProject) {
    super(project, 'Dockerfile');
    const base = `node:${IMAGE_NODE_MAJOR}-slim`;
    new GeneratedTextFile(this, 'Dockerfile', () => [
      '# One image for every job. The task definition of each job sets ECS_BATCH_HANDLER',
      '# (e.g. lib/jobs/nightly/handler.handler), and ecs-batch-run calls that handler once.',
      '',
      '# 1. Compile src/ to lib/ with the dev dependencies.',
      `FROM ${base} AS build`,
      'WORKDIR /app',
      'COPY package.json package-lock.json ./',
      'RUN npm ci --no-audit --no-fund',
      'COPY tsconfig.json ./',
      'COPY src ./src',
      'RUN npx tsc --build',
      '',
      '# 2. Production dependencies only: the runner and what the handlers import.',
      `FROM ${base} AS deps`,
      'WORKDIR /app',
      'ENV NODE_ENV=production',
      'COPY package.json package-lock.json ./',
      'RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund',
      '',
      '# 3. The runtime: compiled code and production dependencies, run as the non-root "node" user.',
      `FROM ${base}`,
      'WORKDIR /app',
      'ENV NODE_ENV=production',
      'COPY --from=deps --chown=node:node /app/node_modules ./node_modules',
      'COPY --from=build --chown=node:node /app/lib ./lib',
      'COPY --chown=node:node package.json ./',
      'USER node',
      '# Exec form: the runner is PID 1 and receives the SIGTERM ECS sends when it stops the task.',
      'ENTRYPOINT ["/app/node_modules/.bin/ecs-batch-run"]',
    ], { comment: '#' });

    // The build context: only what the image needs, so builds stay small and cacheable.
    const ignore = new IgnoreFile(project, '.dockerignore');
    ignore.exclude('*');
    ignore.include('package.json', 'package-lock.json', 'tsconfig.json', 'src');
  }
}
