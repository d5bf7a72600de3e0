// The dockerd behind `--docker host` in tests: Engine 28.5 with the classic store, on its own
// socket, data-root and exec-root in the cache, pulling through the mirror. It never touches
// /var/run/docker.sock. Two daemons in one network namespace would fight over docker0 and
// the DOCKER iptables chains, so a machine whose own dockerd runs is refused, not joined.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type HermeticPaths, MIRROR_URL } from './config.ts';
import type { EngineOutcome } from './engine-bin.ts';
import { HermeticError } from './errors.ts';
import { runCommand } from './exec.ts';
import { findOwnedPid, type OwnedProcess, stopOwnedProcess } from './pidfile.ts';

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

/** Our daemon, started or kept; restarted when its engine was assembled anew. */
export async function ensureHostDaemon(
  paths: HermeticPaths,
  engine: EngineOutcome,
): Promise<HostDaemonOutcome> {
  const pid = await findOwnedPid(ownedHostDaemon(paths));
  if (pid !== undefined && engine.status === 'present') {
    const version = await waitForDaemon(paths, engine.bin, 30_000);
    if (version !== undefined) return { status: 'running', pid, version };
  }
  if (pid !== undefined) {
    const stop = await stopOwnedProcess(ownedHostDaemon(paths), 60_000);
    if (stop.status === 'still-running') {
      throw new HermeticError('DAEMON_FAILED', `hermetic's dockerd (pid ${pid}) did not stop`, {
        hint: `read ${paths.hostDaemonLog}, then \`kill ${pid}\` and run \`npm run hermetic\` again.`,
      });
    }
  }
  const started = await startDaemon(paths, engine.bin);
  return { status: pid === undefined ? 'started' : 'restarted', ...started };
}

async function startDaemon(
  paths: HermeticPaths,
  bin: string,
): Promise<{ pid: number; version: string }> {
  await mkdir(paths.hostDaemonDir, { recursive: true });
  await mkdir(join(paths.hostDaemonSocket, '..'), { recursive: true });
  await rm(paths.hostDaemonSocket, { force: true });
  await writeFile(daemonConfigOf(paths), renderHostDaemonConfig(paths));
  const log = openSync(paths.hostDaemonLog, 'w');
  const PATH = [bin, process.env['PATH'] ?? '', '/usr/sbin', '/sbin'].join(delimiter);
  const child = spawn(join(bin, 'dockerd'), ['--config-file', daemonConfigOf(paths)], {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, PATH },
  });
  closeSync(log);
  child.unref();
  child.once('error', () => {});
  let hasExited = false;
  child.once('exit', () => {
    hasExited = true;
  });
  const version = await waitForDaemon(paths, bin, 60_000, () => hasExited);
  if (child.pid === undefined || version === undefined) {
    if (child.pid !== undefined && !hasExited) child.kill('SIGTERM');
    const tail = (await readFile(paths.hostDaemonLog, 'utf8').catch(() => '')).trim().split('\n');
    throw new HermeticError(
      'DAEMON_FAILED',
      `dockerd did not start:\n${tail.slice(-10).join('\n')}`,
      { hint: `read ${paths.hostDaemonLog}.` },
    );
  }
  return { pid: child.pid, version };
}

/** The daemon's version once it answers on our socket, or undefined at the deadline. */
async function waitForDaemon(
  paths: HermeticPaths,
  bin: string,
  timeoutMs: number,
  hasGivenUp: () => boolean = () => false,
): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  const args = ['-H', hostDaemonAddressOf(paths), 'version', '--format', '{{.Server.Version}}'];
  while (Date.now() < deadline && !hasGivenUp()) {
    const result = await runCommand(join(bin, 'docker'), args);
    if (!result.failed) return result.stdout.trim();
    await sleep(300);
  }
  return undefined;
}
