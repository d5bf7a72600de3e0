import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type HermeticPaths, MIRROR_URL } from './config.ts';
import { HermeticError } from './errors.ts';
import { runCommand } from './exec.ts';
import { findOwnedPid, type OwnedProcess } from './pidfile.ts';

export type DaemonProbe = { status: 'absent' } | { status: 'running'; mirrors: string[] };

export type DaemonOutcome =
  | { status: 'running'; ownedPid: number | undefined }
  | { status: 'started'; pid: number };

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

/** Asks the daemon the docker CLI talks to for its registry mirrors. */
export async function probeDaemon(): Promise<DaemonProbe> {
  const info = await runCommand('docker', ['info', '--format', '{{json .RegistryConfig.Mirrors}}']);
  if (info.failed) return { status: 'absent' };
  const mirrors = JSON.parse(info.stdout.trim() || 'null') as string[] | null;
  return { status: 'running', mirrors: mirrors ?? [] };
}

/** Fails early, before anything is started, when a daemon runs without our mirror. */
export async function refuseDaemonWithoutMirror(): Promise<void> {
  const probe = await probeDaemon();
  if (probe.status === 'running' && !hasOurMirror(probe.mirrors)) {
    throw describeMissingMirror(probe.mirrors);
  }
}

/** Uses a running daemon that has our mirror, or starts our own when none runs. */
export async function ensureDaemon(paths: HermeticPaths): Promise<DaemonOutcome> {
  const ownedPid = await findOwnedPid(ownedDaemon(paths));
  const probe = ownedPid === undefined ? await probeDaemon() : await waitForDaemon(30_000);
  if (probe.status === 'running') {
    if (!hasOurMirror(probe.mirrors)) throw describeMissingMirror(probe.mirrors);
    return { status: 'running', ownedPid };
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
  return { status: 'started', pid: await startDaemon(paths) };
}

async function startDaemon(paths: HermeticPaths): Promise<number> {
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
  return child.pid;
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
