/**
 * The sandbox engine: every page gets a throwaway dockerd in namespaces of its own (see
 * sandbox/). One spare sandbox is kept starting in the background, so a page usually opens
 * without waiting for a daemon.
 */

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { VerifyError } from '../../core/errors.ts';
import type { RunLeg } from '../../core/legs.ts';
import { prependToPath } from '../../system/find-program.ts';
import {
  isDockerAnswering,
  pullImage,
  pullIntoPage,
  readDockerVersion,
  readImageStore,
} from './docker-cli.ts';
import type { RegistrySettings } from './docker-output.ts';
import {
  type DockerEngine,
  mapDataRoot,
  type PageEnvironment,
  type PageRequest,
} from './engine.ts';
import { type MachineSpec, readerMachine } from './machine/reader-machine.ts';
import { setVisibleTools } from './machine/set-visible-tools.ts';
import { daemonVariables } from './sandbox/daemon-config.ts';
import { type Sandbox, startSandbox } from './sandbox/start-sandbox.ts';
import { sandboxSocketPath } from './sandbox/wait-for-sandbox.ts';
import { settleContainers } from './settle-containers.ts';

export interface SandboxEngineOptions {
  leg: RunLeg;
  client: string;
  registry: RegistrySettings;
  /** The reader's machine pages run in; without one, plain sandboxes (the page's shell on this machine). */
  machine?: MachineSpec | undefined;
  /** The egress program each sandbox starts (sandbox/egress.ts); undefined: none. */
  egress: string | undefined;
  /** Where each sandbox keeps its state; undefined: the temporary folder. */
  scratch?: string | undefined;
  debug: (message: string) => void;
}

/**
 * What a leg's commands run with: its `bin` first on PATH, so the `docker` a page types (and
 * the one the verifier calls) is the leg's own client.
 */
export function describeLegEnv(leg: RunLeg): Record<string, string> {
  return leg.bin ? { PATH: prependToPath(leg.bin) } : {};
}

/** `26.1/overlay2`: a leg named after its engine's version and its image store. */
function nameLeg(server: string, store: string | undefined): string {
  const [major = '0', minor = '0'] = server.match(/\d+/g) ?? [];
  return `${major}.${minor}/${store ?? 'unknown'}`;
}

/**
 * Starts the first sandbox right away: it tells the versions, proves sandboxes work, and
 * names a leg that came without a name (the dockerd on PATH) after its engine and store.
 */
export async function createSandboxEngine(options: SandboxEngineOptions): Promise<DockerEngine> {
  const { debug } = options;
  const start = () =>
    startSandbox({
      registry: options.registry,
      bin: options.leg.bin,
      store: options.leg.store,
      machine: options.machine,
      egress: options.egress,
      scratch: options.scratch,
      debug,
    });
  const first = await start();
  const { docker } = first;
  const reading = await readDockerVersion(docker);
  const server = reading.version?.server;
  if (!server) {
    await first.dispose();
    throw new VerifyError('SANDBOX_FAILED', 'The sandbox daemon did not report its version.', {
      hint: 'Run with NODE_DEBUG=dfv to see the sandbox log.',
    });
  }
  const store = options.leg.store ?? (await readImageStore(docker));
  const leg = options.leg.bin
    ? options.leg
    : { ...options.leg, name: nameLeg(server.version, store), store };

  let spare: Promise<Sandbox> | undefined = Promise.resolve(first);
  let isClosed = false;
  // Pages opened, and how many the run said it would open (expectPages): no spare beyond.
  let opened = 0;
  let expected = Number.POSITIVE_INFINITY;
  const live = new Set<Promise<Sandbox>>([spare]);
  const track = (sandbox: Promise<Sandbox>) => {
    live.add(sandbox);
    // A spare that fails to start is reported by the openPage that takes it.
    sandbox.catch(() => live.delete(sandbox));
    return sandbox;
  };
  const takeSandbox = (): Promise<Sandbox> => {
    opened += 1;
    const taken = spare ?? track(start());
    spare = isClosed || opened >= expected ? undefined : track(start());
    return taken;
  };

  return {
    leg,
    kind: 'sandbox',
    versions: {
      client: options.client,
      server: server.version,
      apiVersion: server.apiVersion,
      containerd: server.containerd,
      runc: server.runc,
    },
    // Each page has a daemon of its own: the run's --jobs, or the cores' idle time without
    // it (plan/extra-pages.ts), sets how many run at once.
    maxParallelPages: 2 * Math.max(1, availableParallelism()),
    async openPage(request) {
      if (isClosed) throw new VerifyError('SANDBOX_FAILED', 'The engine is closed.');
      const promise = takeSandbox();
      const sandbox = await promise;
      const environment = describePage(sandbox, leg, async () => {
        await sandbox.dispose();
        live.delete(promise);
      });
      return pullIntoPage(environment, async () => {
        const { tools } = request;
        await Promise.all([
          pullImages(sandbox, request),
          tools && environment.machine?.setTools(tools),
        ]);
      });
    },
    expectPages(count) {
      // The spare waiting now stays (the first sandbox, which told the versions, is one):
      // close() disposes it if no page takes it.
      expected = opened + count;
    },
    async close() {
      isClosed = true;
      spare = undefined;
      const sandboxes = await Promise.allSettled([...live]);
      await Promise.all(
        sandboxes.map((result) => (result.status === 'fulfilled' ? result.value.dispose() : null)),
      );
      live.clear();
    },
  };
}

function describePage(
  sandbox: Sandbox,
  leg: RunLeg,
  dispose: () => Promise<void>,
): PageEnvironment {
  let isDisposed = false;
  const { machine } = sandbox;
  return {
    // Once disposed, the holder's pid may be reused: never nsenter into whatever has it now.
    wrapCommand: (argv) => (isDisposed ? refuse(argv) : sandbox.wrap(argv)),
    env: machine ? { PATH: readerMachine.path } : describeLegEnv(leg),
    unsetEnv: daemonVariables,
    readerPaths: machine ? [] : mapDataRoot(sandbox.holder.dataRoot),
    cliPlugins: !machine && leg.bin ? join(leg.bin, 'cli-plugins') : undefined,
    machine: machine && {
      session: machine.session,
      homeDir: readerMachine.homeDir,
      workDir: readerMachine.workDir,
      user: readerMachine.user,
      path: readerMachine.path,
      setTools: (visible) => setVisibleTools(sandbox.wrap, visible),
    },
    isDaemonAlive: async () => !isDisposed && isDockerAnswering(sandbox.docker),
    apiHost: `unix://${sandboxSocketPath(sandbox.holder.pid)}`,
    settle: () =>
      isDisposed
        ? Promise.resolve()
        : settleContainers(`unix://${sandboxSocketPath(sandbox.holder.pid)}`),
    dispose: () => {
      isDisposed = true;
      return dispose();
    },
  };
}

function refuse(argv: readonly string[]): string[] {
  const message = `not run, the page's sandbox is gone: ${argv.join(' ')}`;
  return ['sh', '-c', 'echo "$1" >&2; exit 125', 'sh', message];
}

async function pullImages(sandbox: Sandbox, request: PageRequest): Promise<void> {
  await Promise.all(request.images.map((image) => pullImage(image, request.id, sandbox.docker)));
}
