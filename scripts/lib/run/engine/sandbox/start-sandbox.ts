/**
 * Starts one sandbox: a throwaway dockerd in private mount and network namespaces, with its
 * state in a scratch folder (see sandbox.sh and init.sh for what runs where); with a machine,
 * in the reader's machine (machine/machine.sh), which has its own processes and root too. The
 * sandbox lives while the verifier holds its standard input open; closing it, or dying,
 * tears it down.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { VerifyError } from '../../../core/errors.ts';
import { formatFlag } from '../../../core/flags.ts';
import { prependToPath } from '../../../system/find-program.ts';
import type { DockerCallOptions } from '../docker-cli.ts';
import type { RegistrySettings } from '../docker-output.ts';
import {
  describeMachineEnv,
  type MachineSpec,
  readerMachine,
  type SessionFolder,
  wrapInMachine,
} from '../machine/reader-machine.ts';
import { buildDaemonEnv, daemonVariables, findLoopbackTargets } from './daemon-config.ts';
import { disposeSandbox } from './dispose-sandbox.ts';
import { type HostRelays, startHostRelays } from './host-relay.ts';
import { prepareScratch } from './prepare-scratch.ts';
import { type Holder, sandboxSocketPath, waitForSandbox } from './wait-for-sandbox.ts';

export interface Sandbox {
  name: string;
  holder: Holder;
  /** Puts a page's command line inside the sandbox (in the reader's machine, if it has one). */
  wrap(argv: readonly string[]): string[];
  /** How the verifier's own `docker` calls (versions, pulls) reach the sandbox's daemon. */
  docker: DockerCallOptions;
  /** The reader's machine the sandbox runs, with its session folder; none for a plain one. */
  machine: { spec: MachineSpec; session: SessionFolder } | undefined;
  /** Tears the sandbox down; never throws, safe to call twice. */
  dispose(): Promise<void>;
}

export interface SandboxOptions {
  registry: RegistrySettings;
  /** The leg's engine binaries, first on dockerd's PATH; undefined: dockerd from PATH. */
  bin: string | undefined;
  /** The image store its daemon uses (`containerd` switches the snapshotter on). */
  store: string | undefined;
  /** The egress program (egress.ts), giving containers a way out; undefined: none. */
  egress: string | undefined;
  /** The folder its scratch folder goes in (legs.json's scratch); undefined: the temporary folder. */
  scratch?: string | undefined;
  debug: (message: string) => void;
  startTimeoutMs?: number;
  /** The reader's machine to run the daemon and the page in; without one, a plain sandbox. */
  machine?: MachineSpec | undefined;
}

const here = import.meta.dirname;
/** The relay a sandbox runs: the source beside this module, or in a built package its bundle. */
const relayScript = ['relay.ts', 'relay.js']
  .map((name) => join(here, name))
  .find((path) => existsSync(path));
/** The reader's machine's script: in the sources' machine/ folder, or beside the bundle. */
const machineScript =
  [join(here, '..', 'machine', 'machine.sh'), join(here, 'machine.sh')].find((path) =>
    existsSync(path),
  ) ?? join(here, 'machine.sh');

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const { debug } = options;
  const startedAt = Date.now();
  const scratch = await prepareScratch(options.registry, options.store, options.machine, {
    parent: options.scratch,
  });
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
  const machineEnv = options.machine ? describeMachineEnv(options.machine) : {};
  const child = spawnSandbox(scratch.path, cgroupParent, routes, options, machineEnv);
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
    hasEgress: options.egress !== undefined,
    stderr: () => stderr,
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
  const { machine } = options;
  return {
    name,
    holder,
    wrap: (argv) => (machine ? wrapInMachine(holder.pid, argv) : wrapInSandbox(holder.pid, argv)),
    docker: describeDockerCall(holder.pid, options),
    machine: machine && {
      spec: machine,
      session: {
        host: scratch.sessionFolder,
        reader: readerMachine.sessionFolder,
        state: readerMachine.stateFolder,
      },
    },
    dispose,
  };
}

/**
 * The verifier's `docker` for a sandbox: the leg's client, behind nsenter in a plain sandbox;
 * for a machine, on the daemon's socket as seen through PID 1's root, so that none of the
 * verifier's processes ever runs inside the reader's machine.
 */
function describeDockerCall(holderPid: number, options: SandboxOptions): DockerCallOptions {
  const path = options.bin ? { PATH: prependToPath(options.bin) } : {};
  if (!options.machine) {
    return {
      wrap: (argv) => wrapInSandbox(holderPid, argv),
      env: path,
      unsetEnv: daemonVariables,
    };
  }
  return {
    env: { ...path, DOCKER_HOST: `unix://${sandboxSocketPath(holderPid)}` },
    unsetEnv: daemonVariables.filter((name) => name !== 'DOCKER_HOST'),
  };
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
  { bin, egress }: Pick<SandboxOptions, 'bin' | 'egress'>,
  machineEnv: Record<string, string>,
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
      DFV_MACHINE_SCRIPT: machineScript,
      ...machineEnv,
      DFV_EGRESS: egress ?? '',
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
