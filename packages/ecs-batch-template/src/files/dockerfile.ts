import { Component, IgnoreFile } from 'projen';
import { NodeProject } from 'projen/lib/javascript';
import { GeneratedTextFile } from '../private/generated-text-file';
import { Pins } from '../private/pinned-actions';
import { BASE_IMAGE } from '../private/pins';

/** The Node major the image runs on: the generated repo's minimum Node. */
export const IMAGE_NODE_MAJOR = 22;

/**
 * One image for every job: a multi-stage Node 22 slim build whose entrypoint is
 * `ecs-batch-run`. Each job's task definition picks its handler through
 * `ECS_BATCH_HANDLER`, so adding a job never changes the image.
 *
 * The base image is pinned by the digest of its multi-architecture index (from
 * the template's pins), and the application files belong to root: the runtime
 * user can read and run them, but not change them.
 */
export class Dockerfile extends Component {
  constructor(project: NodeProject) {
    super(project, 'Dockerfile');
    if (!BASE_IMAGE.tag.startsWith(`${IMAGE_NODE_MAJOR}-`)) {
      throw new Error(`pins.ts: the base image ${BASE_IMAGE.image}:${BASE_IMAGE.tag} is not Node ${IMAGE_NODE_MAJOR}`);
    }
    const base = Pins.baseImage();
    new GeneratedTextFile(this, 'Dockerfile', () => [
      '# One image for every job. The task definition of each job sets ECS_BATCH_HANDLER',
      '# (e.g. lib/jobs/nightly/handler.handler), and ecs-batch-run calls that handler once.',
      '',
      `# Base image: ${BASE_IMAGE.image}:${BASE_IMAGE.tag}, pinned by the digest of its multi-architecture index`,
      '# (each platform resolves to its own image under it). ecs-batch-template carries the pin;',
      '# upgrading the template moves it.',
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
      '#    Its files belong to root, as root wrote them in the stages above (umask 022: 644 files, 755',
      '#    folders): "node" reads and runs them but cannot change them.',
      `FROM ${base}`,
      'WORKDIR /app',
      'ENV NODE_ENV=production',
      'COPY --from=deps --chown=root:root /app/node_modules ./node_modules',
      'COPY --from=build --chown=root:root /app/lib ./lib',
      'COPY --chown=root:root package.json ./',
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
