import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type HermeticPaths, MIRROR_URL } from './config.ts';
import { MIN_ENGINE_MAJOR, majorOf, readDockerdVersion } from './engine.ts';
import { HermeticError } from './errors.ts';
import { runCommand } from './exec.ts';
import { findOwnedPid, type OwnedProcess, stopOwnedProcess } from './pidfile.ts';

export type DaemonProbe =
  | { status: 'absent' }
  | { status: 'running'; version: string; mirrors: string[] };

export type DaemonOutcome =
  | { status: 'running'; version: string; ownedPid: number | undefined }
  | { status: 'started'; version: string; pid: number }
  | { status: 'restarted'; version: string; pid: number; previousVersion: string };

/** The dockerd we own writes our pidfile and was given our config file. */
export function ownedDaemon(paths: HermeticPaths): OwnedProcess {
  return { pidfile: paths.daemonPidfile, marker: paths.daemonConfig };
}

/** Pure: our daemon.json, passed with --config-file so /etc/docker/daemon.json stays untouched. */
export function renderDaemonConfig(): string {
  return `${JSON.stringify({ 'registry-mirrors': [MIRROR_URL] }, null, 2)}\n`;
}

/** Pure: whether a daemon's mirrors include ours; `docker info` adds a trailing slash. */
export function hasOurMirror(mirrors: readonly string[], mirrorUrl: string = MIRROR_URL): boolean {
  const normalize = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();
  return mirrors.some((mirror) => normalize(mirror) === normalize(mirrorUrl));
}

/** Pure: what to tell a person whose running daemon lacks the mirror. */
export function describeMissingMirror(mirrors: readonly string[]): HermeticError {
  const current = mirrors.length === 0 ? 'no registry mirrors' : `mirrors ${mirrors.join(', ')}`;
  return new HermeticError(
    'DAEMON_WITHOUT_MIRROR',
    `a Docker daemon is running with ${current}, not ${MIRROR_URL}`,
    {
      hint: `add "registry-mirrors": ["${MIRROR_URL}"] to /etc/docker/daemon.json (or the file given to dockerd --config-file) and restart the daemon (\`systemctl restart docker\`), or stop that daemon and run \`npm run hermetic\` again so it starts its own.`,
    },
  );
}

/** Pure: what to tell a person whose running daemon, not hermetic's, is too old. */
export function describeOutdatedDaemon(version: string): HermeticError {
  return new HermeticError(
    'DAEMON_OUTDATED',
    `a Docker daemon not started by hermetic runs Engine ${version}; the docs need ${MIN_ENGINE_MAJOR} or later`,
    {
      hint: 'stop that daemon (`systemctl stop docker docker.socket`, or end the dockerd process) and run `npm run hermetic` again: it installs a current Engine and starts its own.',
    },
  );
}

/** Asks the daemon the docker CLI talks to for its version and registry mirrors. */
export async function probeDaemon(): Promise<DaemonProbe> {
  const format = '{"version":{{json .ServerVersion}},"mirrors":{{json .RegistryConfig.Mirrors}}}';
  const info = await runCommand('docker', ['info', '--format', format]);
  if (info.failed) return { status: 'absent' };
  const parsed = JSON.parse(info.stdout.trim()) as { version: string; mirrors: string[] | null };
  return { status: 'running', version: parsed.version, mirrors: parsed.mirrors ?? [] };
}

/**
 * Fails early, before anything is started, when a daemon hermetic did not start runs
 * without our mirror or with an Engine older than the docs; ours is restarted instead.
 */
export async function refuseForeignDaemon(paths: HermeticPaths): Promise<void> {
  if ((await findOwnedPid(ownedDaemon(paths))) !== undefined) return;
  const probe = await probeDaemon();
  if (probe.status !== 'running') return;
  if (!hasOurMirror(probe.mirrors)) throw describeMissingMirror(probe.mirrors);
  if (majorOf(probe.version) < MIN_ENGINE_MAJOR) throw describeOutdatedDaemon(probe.version);
}

/**
 * Uses a running daemon that has our mirror, or starts our own when none runs. Ours is
 * restarted, with the same config, when dockerd was upgraded under it (engine.ts).
 */
export async function ensureDaemon(paths: HermeticPaths): Promise<DaemonOutcome> {
  const ownedPid = await findOwnedPid(ownedDaemon(paths));
  const probe = ownedPid === undefined ? await probeDaemon() : await waitForDaemon(30_000);
  if (probe.status === 'running') {
    if (!hasOurMirror(probe.mirrors)) throw describeMissingMirror(probe.mirrors);
    const installed = await readDockerdVersion();
    if (ownedPid !== undefined && installed !== undefined && installed !== probe.version) {
      return { ...(await restartDaemon(paths)), previousVersion: probe.version };
    }
    if (ownedPid === undefined && majorOf(probe.version) < MIN_ENGINE_MAJOR) {
      throw describeOutdatedDaemon(probe.version);
    }
    return { status: 'running', version: probe.version, ownedPid };
  }
  if (ownedPid !== undefined) {
    throw new HermeticError(
      'DAEMON_FAILED',
      `hermetic's dockerd (pid ${ownedPid}) runs but does not answer`,
      {
        hint: `read ${paths.daemonLog}, then run \`npm run hermetic:down\` and \`npm run hermetic\` again.`,
      },
    );
  }
  return { status: 'started', ...(await startDaemon(paths)) };
}

async function restartDaemon(
  paths: HermeticPaths,
): Promise<{ status: 'restarted'; pid: number; version: string }> {
  const stop = await stopOwnedProcess(ownedDaemon(paths), 60_000);
  if (stop.status === 'still-running') {
    throw new HermeticError(
      'DAEMON_FAILED',
      `hermetic's dockerd (pid ${stop.pid}) did not stop for its upgrade`,
      {
        hint: `read ${paths.daemonLog}, then run \`npm run hermetic:down\` and \`npm run hermetic\` again.`,
      },
    );
  }
  return { status: 'restarted', ...(await startDaemon(paths)) };
}

async function startDaemon(paths: HermeticPaths): Promise<{ pid: number; version: string }> {
  await mkdir(dirname(paths.daemonConfig), { recursive: true });
  await writeFile(paths.daemonConfig, renderDaemonConfig());
  const log = openSync(paths.daemonLog, 'w');
  const { PATH = '' } = process.env;
  const child = spawn(
    'dockerd',
    ['--config-file', paths.daemonConfig, '--pidfile', paths.daemonPidfile],
    {
      detached: true,
      stdio: ['ignore', log, log],
      // dockerd runs iptables, containerd and runc, which live in sbin on Debian.
      env: { ...process.env, PATH: `${PATH}:/usr/sbin:/sbin` },
    },
  );
  closeSync(log);
  child.unref();
  child.once('error', () => {});
  let hasExited = false;
  child.once('exit', () => {
    hasExited = true;
  });
  const probe = await waitForDaemon(60_000, () => hasExited);
  if (child.pid === undefined || probe.status !== 'running') {
    const tail = (await readFile(paths.daemonLog, 'utf8').catch(() => '')).trim().split('\n');
    throw new HermeticError(
      'DAEMON_FAILED',
      `dockerd did not start:\n${tail.slice(-10).join('\n')}`,
      {
        hint: `read ${paths.daemonLog}; if another dockerd runs without answering, stop it first.`,
      },
    );
  }
  if (!hasOurMirror(probe.mirrors)) throw describeMissingMirror(probe.mirrors);
  return { pid: child.pid, version: probe.version };
}

async function waitForDaemon(
  timeoutMs: number,
  hasGivenUp: () => boolean = () => false,
): Promise<DaemonProbe> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !hasGivenUp()) {
    const probe = await probeDaemon();
    if (probe.status === 'running') return probe;
    await sleep(500);
  }
  return { status: 'absent' };
}
