/**
 * Picks and starts the Docker engine of a run. `auto` takes a sandbox whenever this machine
 * can run one (root, util-linux, iproute2, dockerd), since it isolates pages from the user's
 * daemon and from each other; otherwise the user's daemon.
 */

import { debuglog } from 'node:util';
import { formatFlag } from '../../cli/flags.ts';
import { VerifyError } from '../../core/errors.ts';
import { readRegistrySettings } from './docker-cli.ts';
import type { RegistrySettings } from './docker-output.ts';
import { type DockerEngine, type EngineKind, engineKinds } from './engine.ts';
import { createHostEngine } from './host.ts';
import { preflightDocker, readClientVersion, resolveDockerEndpoint } from './preflight.ts';
import { findSandboxBlockers } from './sandbox/find-blockers.ts';
import { createSandboxEngine } from './sandbox.ts';

export const engineChoices = ['auto', ...engineKinds] as const;
export type EngineChoice = (typeof engineChoices)[number];

export interface EngineOptions {
  kind: EngineChoice;
  /** Registry mirrors for sandboxes (`--registry-mirror`); default: the user's daemon's. */
  mirrors?: readonly string[];
  /** Where teardown problems and timings go; default: `NODE_DEBUG=dfv`. */
  debug?: (message: string) => void;
}

export async function createEngine(options: EngineOptions): Promise<DockerEngine> {
  const debug = options.debug ?? debuglog('dfv');
  const kind = chooseKind(options.kind);
  debug(`engine: ${kind}`);
  if (kind === 'host') {
    const preflight = await preflightDocker();
    const versions = {
      client: preflight.client,
      server: preflight.server.version,
      apiVersion: preflight.server.apiVersion,
    };
    return createHostEngine({ endpoint: preflight.endpoint, versions, debug });
  }
  const client = await readClientVersion();
  const registry = await readSandboxRegistry(options.mirrors, debug);
  try {
    return await createSandboxEngine({ client, registry, debug });
  } catch (error) {
    // `auto` promises a working engine, not a sandbox: e.g. in a container without the
    // privileges for namespaces, every check passes and only starting one tells.
    if (options.kind !== 'auto' || !(error instanceof VerifyError)) throw error;
    debug(`engine: sandbox failed, using the host daemon: ${error.message}`);
    return createEngine({ ...options, kind: 'host' });
  }
}

function chooseKind(choice: EngineChoice): EngineKind {
  if (choice === 'host') return 'host';
  const blockers = findSandboxBlockers();
  if (blockers.length === 0) return 'sandbox';
  if (choice === 'auto') return 'host';
  throw new VerifyError('SANDBOX_FAILED', `Cannot run sandboxes here: ${blockers.join('; ')}.`, {
    hint: `Run as root with util-linux, iproute2 and dockerd installed, or use ${formatFlag('docker', 'host')}.`,
  });
}

/**
 * The user's daemon's registry settings, so sandboxes pull from the same mirrors. A sandbox
 * does not need that daemon otherwise: when it is down and no mirror was given, pulls go
 * straight to the registries.
 */
async function readSandboxRegistry(
  mirrors: readonly string[] | undefined,
  debug: (message: string) => void,
): Promise<RegistrySettings> {
  const endpoint = await resolveDockerEndpoint();
  const settings = await readRegistrySettings({ env: endpoint.env, unsetEnv: endpoint.unsetEnv });
  if (!settings) debug(`engine: no registry settings from ${endpoint.host} (not reachable)`);
  return {
    mirrors: mirrors && mirrors.length > 0 ? [...mirrors] : (settings?.mirrors ?? []),
    insecureRegistries: settings?.insecureRegistries ?? [],
  };
}
