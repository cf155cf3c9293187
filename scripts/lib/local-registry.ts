import { ChildProcess, spawn } from 'child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

/** npm settings about this machine (not about what to install from where) that children keep. */
const MACHINE_NPM_SETTINGS = new Set(['nodedir', 'node_gyp', 'globalconfig', 'cafile', 'ca', 'strict_ssl', 'prefix', 'global_prefix']);

/** Package names we publish: served only from local storage, never proxied. */
export const OWN_PACKAGE_PATTERNS = ['@ecs-batch/*', 'ecs-batch-template'];

export interface LocalRegistryOptions {
  /** Registry that third-party packages are proxied from (e.g. the one `npm config get registry` names). */
  readonly uplink: string;
  /** npm cache folder to use, so installs reuse the user's warm cache. */
  readonly npmCache: string;
  /** How long to wait for Verdaccio to answer. @default 30 s */
  readonly startTimeoutMs?: number;
}

/**
 * A Verdaccio on 127.0.0.1 with storage in a temp dir, running as a child
 * process. Our own package names are local only (so a snapshot never mixes
 * with anything public); everything else is proxied to the uplink.
 *
 * Always `stop()` it (it is also killed if this process exits).
 */
export class LocalRegistry {
  /** Starts Verdaccio on a free port and resolves once it answers. */
  static async start(options: LocalRegistryOptions): Promise<LocalRegistry> {
    const dir = mkdtempSync(join(tmpdir(), 'ecs-batch-registry-'));
    try {
      const port = await freePort();
      const registry = new LocalRegistry(dir, port, options);
      await registry.waitUntilReady(options.startTimeoutMs ?? 30_000);
      return registry;
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** npm user config that points at this registry, with a dummy token (npm publish insists on one). */
  readonly userconfig: string;
  private readonly child: ChildProcess;
  private readonly logFile: string;
  private exited: Promise<void>;
  private readonly killOnExit: () => void;

  private constructor(readonly dir: string, readonly port: number, options: LocalRegistryOptions) {
    this.url = `http://127.0.0.1:${port}/`;
    const configFile = join(dir, 'config.yaml');
    // JSON is YAML: Verdaccio reads this as its config.yaml.
    writeFileSync(configFile, JSON.stringify(verdaccioConfig(dir, options.uplink), null, 2));
    this.userconfig = join(dir, 'npmrc');
    writeFileSync(this.userconfig, [
      `registry=${this.url}`,
      `//127.0.0.1:${port}/:_authToken=local-registry-dummy-token`,
      `cache=${options.npmCache}`,
      'fund=false',
      'audit=false',
      'update-notifier=false',
      'noproxy=127.0.0.1,localhost',
      '',
    ].join('\n'));
    this.logFile = join(dir, 'verdaccio.log');
    const log = openSync(this.logFile, 'a');
    this.child = spawn(process.execPath, [verdaccioBin(), '--config', configFile, '--listen', `127.0.0.1:${port}`], {
      cwd: dir,
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
    this.killOnExit = () => this.child.kill('SIGKILL');
    process.once('exit', this.killOnExit);
  }

  /**
   * The environment for npm (and anything that runs npm) to use this registry.
   * `npm run` and `npx` export the caller's npm config as `npm_config_*`
   * variables, which would override our user config (e.g. the user's
   * `omit-lockfile-registry-resolved`, or their registry): all of them go,
   * except machine settings that say nothing about what to install from where.
   * The registry is also set as an env var, so a project's own `.npmrc` cannot
   * send installs elsewhere.
   */
  npmEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(base)) {
      const npmConfig = /^npm_config_(.*)$/i.exec(key);
      if (npmConfig && !MACHINE_NPM_SETTINGS.has(npmConfig[1].toLowerCase())) continue;
      env[key] = value;
    }
    env.NPM_CONFIG_USERCONFIG = this.userconfig;
    env.npm_config_registry = this.url;
    return env;
  }

  /** The last lines Verdaccio logged (warnings and errors), for failure reports. */
  logTail(lines = 40): string {
    try {
      return readFileSync(this.logFile, 'utf8').trim().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  /** Stops Verdaccio (SIGTERM, then SIGKILL) and deletes its storage. Safe to call twice. */
  async stop(): Promise<void> {
    process.removeListener('exit', this.killOnExit);
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
      await this.exited;
      clearTimeout(timer);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let exitedEarly = false;
    void this.exited.then(() => { exitedEarly = true; });
    while (Date.now() < deadline) {
      if (exitedEarly) break;
      try {
        const response = await fetch(new URL('-/ping', this.url), { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const why = exitedEarly ? `exited with ${this.child.exitCode}` : `did not answer within ${timeoutMs} ms`;
    const tail = this.logTail();
    await this.stop();
    throw new Error(`registry: Verdaccio on ${this.url} ${why}\n${tail}`);
  }
}

function verdaccioConfig(dir: string, uplink: string) {
  const own = { access: '$all', publish: '$all', unpublish: '$all' };
  const packages: Record<string, object> = {};
  for (const pattern of OWN_PACKAGE_PATTERNS) packages[pattern] = own;
  packages['@*/*'] = { access: '$all', publish: '$authenticated', proxy: 'upstream' };
  packages['**'] = { access: '$all', publish: '$authenticated', proxy: 'upstream' };
  mkdirSync(join(dir, 'storage'));
  return {
    storage: join(dir, 'storage'),
    auth: { htpasswd: { file: join(dir, 'htpasswd'), max_users: -1 } },
    uplinks: { upstream: { url: uplink, timeout: '120s', max_fails: 10, fail_timeout: '1m' } },
    packages,
    web: { enable: false },
    max_body_size: '200mb',
    server: { keepAliveTimeout: 60 },
    log: { type: 'stdout', format: 'pretty', level: 'warn' },
  };
}

function verdaccioBin(): string {
  // The package's exports map hides bin/, so find it beside package.json.
  return join(dirname(require.resolve('verdaccio/package.json')), 'bin', 'verdaccio');
}

/** A port nothing listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
