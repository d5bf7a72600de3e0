/**
 * Starts one sandbox: a throwaway dockerd in private mount and network namespaces, with its
 * state in a scratch folder (see sandbox.sh and init.sh for what runs where). The sandbox
 * lives while the verifier holds its standard input open; closing it, or dying, tears it down.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { VerifyError } from '../../../core/errors.ts';
import { formatFlag } from '../../../core/flags.ts';
import { prependToPath } from '../../../system/find-program.ts';
import type { RegistrySettings } from '../docker-output.ts';
import { buildDaemonEnv, findLoopbackTargets } from './daemon-config.ts';
import { disposeSandbox } from './dispose-sandbox.ts';
import { type HostRelays, startHostRelays } from './host-relay.ts';
import { prepareScratch } from './prepare-scratch.ts';
import { type Holder, waitForSandbox } from './wait-for-sandbox.ts';

export interface Sandbox {
  name: string;
  holder: Holder;
  /** Puts a command line inside the sandbox's namespaces, in the caller's working folder. */
  wrap(argv: readonly string[]): string[];
  /** Tears the sandbox down; never throws, safe to call twice. */
  dispose(): Promise<void>;
}

export interface SandboxOptions {
  registry: RegistrySettings;
  /** The leg's engine binaries, first on dockerd's PATH; undefined: dockerd from PATH. */
  bin: string | undefined;
  /** The image store its daemon uses (`containerd` switches the snapshotter on). */
  store: string | undefined;
  debug: (message: string) => void;
  startTimeoutMs?: number;
}

const here = import.meta.dirname;
/** The relay a sandbox runs: the source beside this module, or in a built package its bundle. */
const relayScript = ['relay.ts', 'relay.js']
  .map((name) => join(here, name))
  .find((path) => existsSync(path));

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const { debug } = options;
  const startedAt = Date.now();
  const scratch = await prepareScratch(options.registry, options.store);
  const { name, cgroupParent, relayFolder } = scratch;
  let relays: HostRelays;
  try {
    relays = await startHostRelays(
      relayFolder,
      findLoopbackTargets(options.registry.mirrors),
      debug,
    );
  } catch (error) {
    await scratch.remove();
    throw error;
  }
  const routes = [join(relayFolder, 'ready'), ...relays.routes];
  const child = spawnSandbox(scratch.path, cgroupParent, routes, options.bin);
  scratch.handOver();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const line of chunk.toString().trim().split('\n')) debug(line);
  });
  let hasExited = false;
  const exited = new Promise<void>((resolve) => {
    const end = () => {
      hasExited = true;
      resolve();
    };
    child.once('exit', end);
    child.once('error', (error) => {
      stderr += `${error.message}\n`;
      end();
    });
  });

  const dispose = memoize(() =>
    disposeSandbox({ name, scratch: scratch.path, cgroupParent, child, exited, relays, debug }),
  );
  const start = await waitForSandbox({
    scratch: scratch.path,
    timeoutMs: options.startTimeoutMs ?? 30_000,
    hasExited: () => hasExited,
    stderr: () => stderr,
    wrap: (pid) => (argv) => wrapInSandbox(pid, argv),
    env: options.bin ? { PATH: prependToPath(options.bin) } : {},
  });
  if (start.status === 'failed') {
    await dispose();
    throw new VerifyError(
      'SANDBOX_FAILED',
      `Could not start a sandbox: ${start.reason}.${
        start.dockerdLog ? `\ndockerd.log says:\n${start.dockerdLog}` : ''
      }`,
      {
        hint: `Check that dockerd can run as root here (try \`dockerd\` by hand), or use the host engine (${formatFlag('docker', 'host')}).`,
      },
    );
  }
  const { holder } = start;
  debug(`sandbox ${name} ready in ${Date.now() - startedAt} ms (holder ${holder.pid})`);
  return { name, holder, wrap: (argv) => wrapInSandbox(holder.pid, argv), dispose };
}

/** nsenter keeps the caller's working folder with `--wd=.` (it would otherwise be `/`). */
export function wrapInSandbox(holderPid: number, argv: readonly string[]): string[] {
  return ['nsenter', `--target=${holderPid}`, '--mount', '--net', '--wd=.', '--', ...argv];
}

/**
 * Detached, so a Ctrl-C meant for the verifier does not reach the sandbox's daemon before
 * close() has run; unreferenced, so an open sandbox never keeps the verifier alive.
 */
function spawnSandbox(
  scratch: string,
  cgroupParent: string,
  relayArgs: string[],
  bin: string | undefined,
): ChildProcess {
  const path = `${process.env['PATH'] ?? '/usr/bin:/bin'}:/usr/sbin:/sbin`;
  const child = spawn('bash', [join(here, 'sandbox.sh'), 'run', scratch, cgroupParent], {
    detached: true,
    stdio: ['pipe', 'ignore', 'pipe'],
    env: {
      // A leg's dockerd, and the containerd, runc, docker-init and docker-proxy it starts.
      PATH: prependToPath(bin, path),
      DFV_NODE: process.execPath,
      DFV_RELAY: relayScript ?? join(here, 'relay.ts'),
      DFV_RELAY_ARGS: relayArgs.join(' '),
      ...buildDaemonEnv(),
    },
  });
  child.unref();
  for (const stream of [child.stdin, child.stderr]) {
    (stream as unknown as { unref?: () => void } | null)?.unref?.();
  }
  return child;
}

function memoize(run: () => Promise<void>): () => Promise<void> {
  let promise: Promise<void> | undefined;
  return () => {
    promise ??= run();
    return promise;
  };
}
