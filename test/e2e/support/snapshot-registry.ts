import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { LocalRegistry } from '../../../scripts/lib/local-registry';
import { readNpmSettings } from '../../../scripts/lib/npm-settings';
import { developerEnv } from '../../../scripts/lib/projen-new';
import { releaseSnapshot, workspacePackages, writeChangeset } from '../../../scripts/lib/snapshot-release';
import { PhaseTimer } from '../../../scripts/lib/timing';
import { copyWorkspace } from '../../../scripts/lib/workspace-copy';

export const TEMPLATE = 'ecs-batch-template';

/**
 * One Verdaccio and one snapshot release of every package, shared by a whole
 * e2e file: a copy of the workspace gets a patch changeset for every published
 * package and runs the repo's own `npm run release:snapshot -- <tag>` against
 * the registry. The copy is kept, so a second snapshot (an upgrade) rebuilds
 * only what changed.
 */
export class SnapshotRegistry {
  static async start(root: string, tag: string, timer: PhaseTimer): Promise<SnapshotRegistry> {
    const work = mkdtempSync(join(tmpdir(), 'ecs-batch-e2e-'));
    let registry: LocalRegistry | undefined;
    try {
      const npm = await readNpmSettings(root);
      const copy = join(work, 'workspace');
      await timer.phase('copy', `workspace -> ${copy}`, () => copyWorkspace(root, copy));
      registry = await timer.phase('registry', `Verdaccio, uplink ${npm.registry}`, () =>
        LocalRegistry.start({ uplink: npm.registry, npmCache: npm.cache }));
      const names = workspacePackages(copy).filter((p) => !p.private).map((p) => p.name);
      writeChangeset(copy, `${tag}-snapshot`, names, 'Snapshot for the end-to-end test.');
      const env = developerEnv(registry.npmEnv());
      const versions = await timer.phase('release', `npm run release:snapshot -- ${tag}`, () => releaseSnapshot(copy, tag, env));
      return new SnapshotRegistry(work, copy, registry, versions, timer);
    } catch (error) {
      await registry?.stop();
      rmSync(work, { recursive: true, force: true });
      throw error;
    }
  }

  private constructor(
    /** Temp folder holding the workspace copy and every generated repo. */
    readonly work: string,
    /** The workspace copy the snapshots are released from. */
    readonly copy: string,
    readonly registry: LocalRegistry,
    /** Snapshot version of each published package. */
    readonly versions: Map<string, string>,
    private readonly timer: PhaseTimer,
  ) {}

  /** `ecs-batch-template@<snapshot>` */
  get templateSpec(): string {
    return `${TEMPLATE}@${this.version(TEMPLATE)}`;
  }

  version(name: string): string {
    const version = this.versions.get(name);
    if (!version) throw new Error(`${name}: not in the snapshot (${[...this.versions.keys()].join(', ')})`);
    return version;
  }

  /**
   * npm pointed at the registry, plus a git identity for the commit
   * `projen new` makes (CI machines may have none), as a developer has it (no CI=true).
   */
  env(): NodeJS.ProcessEnv {
    return {
      ...developerEnv(this.registry.npmEnv()),
      GIT_AUTHOR_NAME: 'ecs-batch e2e',
      GIT_AUTHOR_EMAIL: 'e2e@ecs-batch.invalid',
      GIT_COMMITTER_NAME: 'ecs-batch e2e',
      GIT_COMMITTER_EMAIL: 'e2e@ecs-batch.invalid',
    };
  }

  /**
   * Changes the workspace copy (`change`), then releases the template alone as
   * a second snapshot under `tag`; returns its version.
   */
  async releaseTemplate(tag: string, summary: string, change: (copy: string) => void): Promise<string> {
    change(this.copy);
    writeChangeset(this.copy, `${tag}-template`, [TEMPLATE], summary);
    const versions = await this.timer.phase('release', `npm run release:snapshot -- ${tag} (${TEMPLATE} only)`, () =>
      releaseSnapshot(this.copy, tag, developerEnv(this.registry.npmEnv())));
    const version = versions.get(TEMPLATE);
    if (!version) throw new Error(`release: ${TEMPLATE} got no ${tag} snapshot (got ${[...versions.keys()].join(', ') || 'none'})`);
    return version;
  }

  /** Stops Verdaccio and removes every temp folder. */
  async stop(): Promise<void> {
    await this.registry.stop();
    rmSync(this.work, { recursive: true, force: true });
  }
}
