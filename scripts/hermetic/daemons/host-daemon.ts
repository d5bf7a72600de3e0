// The dockerd behind `--docker host` in tests: HOST_ENGINE (29.7) with the classic store, on
// its own socket, data-root and exec-root in the cache, pulling through the mirror. It never
// touches /var/run/docker.sock. Two daemons in one network namespace would fight over docker0 and
// the DOCKER iptables chains, so a machine whose own dockerd runs is refused, not joined.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { runProcess } from '../../lib/system/run-process.ts';
import { waitUntil } from '../../lib/system/wait-until.ts';
import type { AssembledEngine } from '../engines/engines.ts';
import { parseVersion } from '../engines/finish-bin.ts';
import { type HermeticPaths, MIRROR_URL } from '../plumbing/config.ts';
import { HermeticError } from '../plumbing/errors.ts';
import { findOwnedPid, type OwnedProcess, stopOwnedProcess } from './pidfile.ts';
import { startDaemon } from './start-daemon.ts';

export type HostDaemonOutcome = {
  status: 'running' | 'started' | 'restarted';
  pid: number;
  version: string;
};

export function ownedHostDaemon(paths: HermeticPaths): OwnedProcess {
  return { pidfile: paths.hostDaemonPidfile, marker: daemonConfigOf(paths) };
}

export function hostDaemonAddressOf(paths: HermeticPaths): string {
  return `unix://${paths.hostDaemonSocket}`;
}

const daemonConfigOf = (paths: HermeticPaths) => join(paths.hostDaemonDir, 'daemon.json');

/** Pure: the daemon.json of the host daemon, every path in the cache. */
export function renderHostDaemonConfig(paths: HermeticPaths): string {
  const config = {
    hosts: [hostDaemonAddressOf(paths)],
    'data-root': join(paths.hostDaemonDir, 'data'),
    'exec-root': join(paths.hostDaemonDir, 'exec'),
    pidfile: paths.hostDaemonPidfile,
    'registry-mirrors': [MIRROR_URL],
    features: { 'containerd-snapshotter': false },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Pure: the pids among `processes` that run dockerd in `netns` and are not `ownPid`. */
export function selectForeignDaemons(
  processes: readonly { pid: number; comm: string; netns: string }[],
  netns: string,
  ownPid: number | undefined,
): number[] {
  return processes
    .filter((p) => p.comm === 'dockerd' && p.netns === netns && p.pid !== ownPid)
    .map((p) => p.pid);
}

function listProcesses(): { pid: number; comm: string; netns: string }[] {
  const processes = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const comm = readFileSync(`/proc/${name}/comm`, 'utf8').trim();
      if (comm !== 'dockerd') continue;
      processes.push({ pid: Number(name), comm, netns: readlinkSync(`/proc/${name}/ns/net`) });
    } catch {
      // Gone while we looked.
    }
  }
  return processes;
}

/** Refuses, before anything starts, when a dockerd we did not start shares our network. */
export async function refuseForeignDaemon(paths: HermeticPaths): Promise<void> {
  const own = await findOwnedPid(ownedHostDaemon(paths));
  const foreign = selectForeignDaemons(listProcesses(), readlinkSync('/proc/self/ns/net'), own);
  if (foreign.length === 0) return;
  throw new HermeticError(
    'FOREIGN_DAEMON',
    `a dockerd hermetic did not start runs on this machine (pid ${foreign.join(', ')})`,
    {
      hint: 'two daemons in one network namespace fight over docker0 and the DOCKER iptables chains, so hermetic leaves yours alone and starts none: stop it for the tests (`systemctl stop docker docker.socket`), run `npm run hermetic`, and start it again afterwards.',
    },
  );
}

/**
 * Our daemon, started or kept; restarted when it does not answer with the engine's version.
 * An engine's folder is never changed in place (ensure-engine.ts), so a daemon started from
 * another worktree's recipe of the same engine keeps its binaries and is kept.
 */
export async function ensureHostDaemon(
  paths: HermeticPaths,
  engine: AssembledEngine,
): Promise<HostDaemonOutcome> {
  const pid = await findOwnedPid(ownedHostDaemon(paths));
  if (pid !== undefined) {
    const version = await waitUntil(() => askVersion(paths, engine.bin), {
      timeoutMs: 30_000,
      intervalMs: 300,
    });
    // `28.5.2+dfsg4` from Debian's daemon is the engine's 28.5.2.
    const isEngines = version !== undefined && parseVersion(version) === engine.versions.docker;
    if (isEngines) return { status: 'running', pid, version };
  }
  if (pid !== undefined) {
    const stop = await stopOwnedProcess(ownedHostDaemon(paths), 60_000);
    if (stop.status === 'still-running') {
      throw new HermeticError('DAEMON_FAILED', `hermetic's dockerd (pid ${pid}) did not stop`, {
        hint: `read ${paths.hostDaemonLog}, then \`kill ${pid}\` and run \`npm run hermetic\` again.`,
      });
    }
  }
  await prepareStart(paths);
  const started = await startHostDaemon(paths, engine.bin);
  return { status: pid === undefined ? 'started' : 'restarted', ...started };
}

function startHostDaemon(
  paths: HermeticPaths,
  bin: string,
): Promise<{ pid: number; version: string }> {
  const PATH = [bin, process.env['PATH'] ?? '', '/usr/sbin', '/sbin'].join(delimiter);
  return startDaemon({
    name: 'dockerd',
    command: join(bin, 'dockerd'),
    args: ['--config-file', daemonConfigOf(paths)],
    env: { ...process.env, PATH },
    log: paths.hostDaemonLog,
    whenReady: () => askVersion(paths, bin),
    timeoutMs: 60_000,
    failure: { code: 'DAEMON_FAILED', hint: `read ${paths.hostDaemonLog}.` },
  }).then(({ pid, ready }) => ({ pid, version: ready }));
}

async function prepareStart(paths: HermeticPaths): Promise<void> {
  await mkdir(paths.hostDaemonDir, { recursive: true });
  await mkdir(join(paths.hostDaemonSocket, '..'), { recursive: true });
  await rm(paths.hostDaemonSocket, { force: true });
  await writeFile(daemonConfigOf(paths), renderHostDaemonConfig(paths));
}

/** The daemon's version if it answers on our socket. */
async function askVersion(paths: HermeticPaths, bin: string): Promise<string | undefined> {
  const args = ['-H', hostDaemonAddressOf(paths), 'version', '--format', '{{.Server.Version}}'];
  const result = await runProcess(join(bin, 'docker'), args);
  return result.failed ? undefined : result.stdout.trim();
}
