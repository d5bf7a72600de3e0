import { join } from 'node:path';
import { resolveCacheFolder } from '../lib/system/cache-folder.ts';

/** Loopback only, and never 5000: the docs publish a registry on 5000 themselves. */
export const MIRROR_HOST = '127.0.0.1';
export const MIRROR_PORT = 5555;
export const MIRROR_URL = `http://${MIRROR_HOST}:${MIRROR_PORT}`;

/** Where images are pushed: the daemon reaches them as `docker.io/library/<name>` via the mirror. */
export const MIRROR_REPOSITORY_PREFIX = `${MIRROR_HOST}:${MIRROR_PORT}/library`;

export type HermeticPaths = {
  cacheDir: string;
  registryConfig: string;
  registryData: string;
  registryLog: string;
  registryPidfile: string;
  daemonConfig: string;
  daemonLog: string;
  daemonPidfile: string;
  stampsDir: string;
  buildDir: string;
  /** Private apt folders (sources, lists, caches), one per suite; /etc/apt stays untouched. */
  aptDir: string;
  /** Downloaded .deb files kept for the next install, e.g. trixie's docker.io. */
  debsDir: string;
  /** busybox compiled from Debian's source, and the record of that build. */
  busyboxDir: string;
};

/**
 * `${XDG_CACHE_HOME:-$HOME/.cache}/docker-fundamentals/hermetic`; a relative
 * XDG_CACHE_HOME is ignored, as the XDG Base Directory spec requires.
 */
export function resolveCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(resolveCacheFolder(env), 'hermetic');
}

export function resolvePaths(cacheDir: string = resolveCacheDir()): HermeticPaths {
  return {
    cacheDir,
    registryConfig: join(cacheDir, 'registry', 'config.yml'),
    registryData: join(cacheDir, 'registry', 'data'),
    registryLog: join(cacheDir, 'registry.log'),
    registryPidfile: join(cacheDir, 'registry.pid'),
    daemonConfig: join(cacheDir, 'dockerd', 'daemon.json'),
    daemonLog: join(cacheDir, 'dockerd.log'),
    daemonPidfile: join(cacheDir, 'dockerd.pid'),
    stampsDir: join(cacheDir, 'stamps'),
    buildDir: join(cacheDir, 'build'),
    aptDir: join(cacheDir, 'apt'),
    debsDir: join(cacheDir, 'debs'),
    busyboxDir: join(cacheDir, 'busybox'),
  };
}
