import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stringify } from 'yaml';
import { type HermeticPaths, MIRROR_HOST, MIRROR_PORT } from './config.ts';
import { HermeticError } from './errors.ts';
import { findOwnedPid, type OwnedProcess } from './pidfile.ts';
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
    if (await waitUntilAnswering(5_000)) return { status: 'running', pid };
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
  // One log per start: it stays small, and its tail is this start's story.
  const log = openSync(paths.registryLog, 'w');
  const child = spawn(binary, ['serve', paths.registryConfig], {
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  child.unref();
  child.once('error', () => {});
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.pid !== undefined) await writeFile(paths.registryPidfile, `${child.pid}\n`);
  if (child.pid === undefined || !(await waitUntilAnswering(15_000, exited))) {
    if (child.pid !== undefined) child.kill('SIGTERM');
    await rm(paths.registryPidfile, { force: true });
    const tail = (await readFile(paths.registryLog, 'utf8').catch(() => '')).trim().split('\n');
    throw new HermeticError(
      'REGISTRY_FAILED',
      `docker-registry did not start:\n${tail.slice(-10).join('\n')}`,
      {
        hint: `read ${paths.registryLog}; check that \`${binary} --version\` runs.`,
      },
    );
  }
  return child.pid;
}

async function waitUntilAnswering(timeoutMs: number, exited?: Promise<void>): Promise<boolean> {
  let hasExited = false;
  void exited?.then(() => {
    hasExited = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !hasExited) {
    if (await isRegistryAnswering()) return true;
    await sleep(200);
  }
  return false;
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
