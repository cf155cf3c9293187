import { run } from './command';

export interface NpmSettings {
  /** The registry npm installs from here (the local registry's uplink). */
  readonly registry: string;
  /** The user's npm cache folder (warm: installs through the local registry reuse it). */
  readonly cache: string;
}

/** Reads the registry and cache that npm is configured with, as the user runs it. */
export async function readNpmSettings(cwd: string): Promise<NpmSettings> {
  const get = async (key: string) => (await run('npm', ['config', 'get', key], { cwd })).stdout.trim();
  const [registry, cache] = await Promise.all([get('registry'), get('cache')]);
  return { registry: registry.endsWith('/') ? registry : registry + '/', cache };
}
