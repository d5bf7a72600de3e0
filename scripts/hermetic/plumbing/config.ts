import { join } from 'node:path';
import { resolveHermeticFolder } from '../../lib/system/legs-file.ts';

/** Loopback only, and never 5000: the docs publish a registry on 5000 themselves. */
export const MIRROR_HOST = '127.0.0.1';
export const MIRROR_PORT = 5555;
export const MIRROR_URL = `http://${MIRROR_HOST}:${MIRROR_PORT}`;

/** Where images are pushed: a daemon reaches them as `docker.io/library/<name>` via the mirror. */
export const MIRROR_REPOSITORY_PREFIX = `${MIRROR_HOST}:${MIRROR_PORT}/library`;

/** Every file hermetic writes lives below `cacheDir`; nothing outside it changes. */
export type HermeticPaths = {
  cacheDir: string;
  /** What this machine provides, for the verifier (lib/core/legs.ts is its schema). */
  legsFile: string;
  /** Held by the one `npm run hermetic` that runs (lock.ts). */
  lockFile: string;
  registryConfig: string;
  registryData: string;
  registryLog: string;
  registryPidfile: string;
  /** The dockerd for `--docker host` tests: its config, state, socket, log and pidfile. */
  hostDaemonDir: string;
  hostDaemonSocket: string;
  hostDaemonLog: string;
  hostDaemonPidfile: string;
  stampsDir: string;
  /** Scratch space of image builds; emptied per build. */
  buildDir: string;
  /** Private apt folders (sources, lists, caches), one per suite; /etc/apt stays untouched. */
  aptDir: string;
  /** Downloaded .deb files, one folder per suite. */
  debsDir: string;
  /** Each engine unpacked from its .debs, with the `bin` folder a leg points at. */
  enginesDir: string;
  /** Helpers unpacked from .debs and run from here (mmdebstrap, patchelf, iptables). */
  toolsDir: string;
  /** A Debian root with the compilers, entered with chroot; nothing is built on the host. */
  buildRoot: string;
  /** Build results kept between runs (busybox binaries, root filesystems). */
  artifactsDir: string;
  /** The OCI layouts of the images, as written before the push. */
  layoutsDir: string;
  /** Binaries built from upstream source, one folder per component and recipe hash. */
  sourceBuildsDir: string;
  /** Tag archives downloaded where no sources folder was given. */
  downloadsDir: string;
  /** Go's build cache of the source builds (mounted into the build root while they run). */
  goCacheDir: string;
  /** The reader's machine of the verifier's sandboxes: one root per recipe. */
  machineDir: string;
  /** The sandboxes' own filesystem, mounted here when the temporary folder's is slow (scratch-filesystem.ts). */
  scratchDir: string;
  /** Its image: a sparse file, made again at each `up` that finds it unmounted. */
  scratchImage: string;
};

/**
 * `${XDG_CACHE_HOME:-$HOME/.cache}/docker-fundamentals/hermetic`; a relative
 * XDG_CACHE_HOME is ignored, as the XDG Base Directory spec requires.
 */
export function resolveCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolveHermeticFolder(env);
}

export function resolvePaths(cacheDir: string = resolveCacheDir()): HermeticPaths {
  return {
    cacheDir,
    legsFile: join(cacheDir, 'legs.json'),
    lockFile: join(cacheDir, 'hermetic.lock'),
    registryConfig: join(cacheDir, 'registry', 'config.yml'),
    registryData: join(cacheDir, 'registry', 'data'),
    registryLog: join(cacheDir, 'registry.log'),
    registryPidfile: join(cacheDir, 'registry.pid'),
    hostDaemonDir: join(cacheDir, 'host-daemon'),
    hostDaemonSocket: join(cacheDir, 'run', 'docker.sock'),
    hostDaemonLog: join(cacheDir, 'host-daemon.log'),
    hostDaemonPidfile: join(cacheDir, 'host-daemon.pid'),
    stampsDir: join(cacheDir, 'stamps'),
    buildDir: join(cacheDir, 'build'),
    aptDir: join(cacheDir, 'apt'),
    debsDir: join(cacheDir, 'debs'),
    enginesDir: join(cacheDir, 'engines'),
    toolsDir: join(cacheDir, 'tools'),
    buildRoot: join(cacheDir, 'build-root'),
    artifactsDir: join(cacheDir, 'artifacts'),
    layoutsDir: join(cacheDir, 'layouts'),
    sourceBuildsDir: join(cacheDir, 'source-builds'),
    downloadsDir: join(cacheDir, 'downloads'),
    goCacheDir: join(cacheDir, 'go-build-cache'),
    machineDir: join(cacheDir, 'machine'),
    scratchDir: join(cacheDir, 'scratch'),
    scratchImage: join(cacheDir, 'scratch.img'),
  };
}
