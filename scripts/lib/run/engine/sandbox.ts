/**
 * The sandbox engine: every page gets a throwaway dockerd in namespaces of its own (see
 * sandbox/). One spare sandbox is kept starting in the background, so a page usually opens
 * without waiting for a daemon.
 */

import { availableParallelism } from 'node:os';
import { VerifyError } from '../../core/errors.ts';
import { isDockerAnswering, pullImage, readDockerVersion } from './docker-cli.ts';
import type { RegistrySettings } from './docker-output.ts';
import {
  type DockerEngine,
  type PageEnvironment,
  type PageRequest,
  pullIntoPage,
} from './engine.ts';
import { type Sandbox, startSandbox } from './sandbox/start-sandbox.ts';
import { sandboxSocketPath } from './sandbox/wait-for-sandbox.ts';
import { settleContainers } from './settle-containers.ts';

export interface SandboxEngineOptions {
  client: string;
  registry: RegistrySettings;
  debug: (message: string) => void;
}

/** Variables that would send `docker` elsewhere than the page's own /var/run/docker.sock. */
const daemonVariables = ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH'];

/** Starts the first sandbox right away: it tells the server version and proves sandboxes work. */
export async function createSandboxEngine(options: SandboxEngineOptions): Promise<DockerEngine> {
  const { debug } = options;
  const start = () => startSandbox({ registry: options.registry, debug });
  const first = await start();
  const reading = await readDockerVersion({ wrap: first.wrap, unsetEnv: daemonVariables });
  const server = reading.version?.server;
  if (!server) {
    await first.dispose();
    throw new VerifyError('SANDBOX_FAILED', 'The sandbox daemon did not report its version.', {
      hint: 'Run with NODE_DEBUG=dfv to see the sandbox log.',
    });
  }

  let spare: Promise<Sandbox> | undefined = Promise.resolve(first);
  let isClosed = false;
  const live = new Set<Promise<Sandbox>>([spare]);
  const track = (sandbox: Promise<Sandbox>) => {
    live.add(sandbox);
    // A spare that fails to start is reported by the openPage that takes it.
    sandbox.catch(() => live.delete(sandbox));
    return sandbox;
  };
  const takeSandbox = (): Promise<Sandbox> => {
    const taken = spare ?? track(start());
    spare = isClosed ? undefined : track(start());
    return taken;
  };

  return {
    kind: 'sandbox',
    versions: { client: options.client, server: server.version, apiVersion: server.apiVersion },
    maxParallelPages: Math.min(4, Math.max(1, availableParallelism())),
    async openPage(request) {
      if (isClosed) throw new VerifyError('SANDBOX_FAILED', 'The engine is closed.');
      const promise = takeSandbox();
      const sandbox = await promise;
      const environment = describePage(sandbox, async () => {
        await sandbox.dispose();
        live.delete(promise);
      });
      return pullIntoPage(environment, () => pullImages(sandbox, request));
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

function describePage(sandbox: Sandbox, dispose: () => Promise<void>): PageEnvironment {
  let isDisposed = false;
  return {
    // Once disposed, the holder's pid may be reused: never nsenter into whatever has it now.
    wrapCommand: (argv) => (isDisposed ? refuse(argv) : sandbox.wrap(argv)),
    env: {},
    unsetEnv: daemonVariables,
    isDaemonAlive: async () =>
      !isDisposed && isDockerAnswering({ wrap: sandbox.wrap, unsetEnv: daemonVariables }),
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
  const options = { wrap: sandbox.wrap, unsetEnv: daemonVariables };
  await Promise.all(request.images.map((image) => pullImage(image, request.id, options)));
}
