import { mkdir, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { waitUntil } from '../../lib/system/wait-until.ts';
import { findOwnedPid, type OwnedProcess } from '../daemons/pidfile.ts';
import { startDaemon } from '../daemons/start-daemon.ts';
import { type HermeticPaths, MIRROR_HOST, MIRROR_PORT } from '../plumbing/config.ts';
import { HermeticError } from '../plumbing/errors.ts';
import { isRegistryAnswering } from './registry-api.ts';

export type RegistryOutcome = { status: 'running' | 'started'; pid: number };

/** The registry we own is the docker-registry process whose command line names our config. */
export function ownedRegistry(paths: HermeticPaths): OwnedProcess {
  return { pidfile: paths.registryPidfile, marker: paths.registryConfig };
}

/** Pure: Debian's docker-registry (distribution 2.8) config for the mirror. */
export function renderRegistryConfig(paths: HermeticPaths): string {
  return stringify({
    version: 0.1,
    log: { level: 'info', fields: { service: 'hermetic-registry' } },
    storage: {
      filesystem: { rootdirectory: paths.registryData },
      cache: { blobdescriptor: 'inmemory' },
      delete: { enabled: true },
    },
    http: {
      addr: `${MIRROR_HOST}:${MIRROR_PORT}`,
      headers: { 'X-Content-Type-Options': ['nosniff'] },
    },
  });
}

/** The registry binary in the cache (Debian's docker-registry, distribution 2.8.3). */
export function registryBinaryOf(toolDir: string): string {
  return join(toolDir, 'usr', 'bin', 'docker-registry');
}

/** Starts our registry unless it already runs; refuses a port held by anything else. */
export async function ensureRegistry(
  paths: HermeticPaths,
  binary: string,
): Promise<RegistryOutcome> {
  const owned = ownedRegistry(paths);
  const pid = await findOwnedPid(owned);
  if (pid !== undefined) {
    const isAnswering = async () => ((await isRegistryAnswering()) ? true : undefined);
    if (await waitUntil(isAnswering, { timeoutMs: 5_000, intervalMs: 200 })) {
      return { status: 'running', pid };
    }
    throw new HermeticError(
      'REGISTRY_FAILED',
      `hermetic's registry (pid ${pid}) runs but does not answer`,
      {
        hint: `read ${paths.registryLog}, then run \`npm run hermetic:down\` and \`npm run hermetic\` again.`,
      },
    );
  }
  if (await isPortOpen(MIRROR_HOST, MIRROR_PORT)) {
    throw new HermeticError(
      'PORT_TAKEN',
      `${MIRROR_HOST}:${MIRROR_PORT} is taken by a process hermetic did not start`,
      {
        hint: `find it with \`ss -ltnp 'sport = :${MIRROR_PORT}'\` and stop it (if it is a hermetic registry from another cache folder, run \`npm run hermetic:down\` with that XDG_CACHE_HOME), then run \`npm run hermetic\` again.`,
      },
    );
  }
  return { status: 'started', pid: await startRegistry(paths, binary) };
}

async function startRegistry(paths: HermeticPaths, binary: string): Promise<number> {
  await mkdir(paths.registryData, { recursive: true });
  await mkdir(dirname(paths.registryConfig), { recursive: true });
  await writeFile(paths.registryConfig, renderRegistryConfig(paths));
  const { pid } = await startDaemon({
    name: 'docker-registry',
    command: binary,
    args: ['serve', paths.registryConfig],
    log: paths.registryLog,
    pidfile: paths.registryPidfile,
    whenReady: async () => ((await isRegistryAnswering()) ? true : undefined),
    timeoutMs: 15_000,
    failure: {
      code: 'REGISTRY_FAILED',
      hint: `read ${paths.registryLog}; check that \`${binary} --version\` runs.`,
    },
  });
  return pid;
}

/** True when something accepts TCP connections on host:port. */
export function isPortOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: 1000 });
    const finish = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
    socket.once('timeout', () => finish(false));
  });
}
