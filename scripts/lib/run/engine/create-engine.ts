/**
 * Starts the engine of each leg of a run: a sandbox engine (a throwaway daemon per page, in a
 * reader's machine of its own) or the user's daemon. An `auto` run that settled on a sandbox of the dockerd on PATH falls
 * back to the user's daemon when sandboxes turn out not to start here.
 */

import { debuglog } from 'node:util';
import { VerifyError } from '../../core/errors.ts';
import type { RunLeg } from '../../core/legs.ts';
import { prependToPath } from '../../system/find-program.ts';
import { readRegistrySettings } from './docker-cli.ts';
import type { RegistrySettings } from './docker-output.ts';
import type { DockerEngine } from './engine.ts';
import { createHostEngine } from './host.ts';
import { prepareMachine } from './machine/create-machine.ts';
import {
  preflightDocker,
  readClientVersion,
  readDaemonLayoutAt,
  resolveDockerEndpoint,
} from './preflight.ts';
import { singleLeg } from './resolve-legs.ts';
import { findEgressProgram } from './sandbox/egress.ts';
import { createSandboxEngine } from './sandbox.ts';

export interface EngineOptions {
  /** Registry mirrors for sandboxes (`--registry-mirror`, legs.json's); default: the user's daemon's. */
  mirrors?: readonly string[];
  /**
   * The sandboxes' egress program (sandbox/egress.ts): legs.json's, else slirp4netns from
   * PATH; sandboxes have no way out without one.
   */
  egress?: string | undefined;
  /** Where sandboxes keep their state (legs.json's scratch); default: the temporary folder. */
  scratch?: string | undefined;
  /** A sandbox of the dockerd on PATH that cannot start gives way to the user's daemon. */
  isHostFallback?: boolean;
  /** Where teardown problems and timings go; default: `NODE_DEBUG=dfv`. */
  debug?: (message: string) => void;
  /** The reader's machine hermetic made (legs.json); otherwise the verifier's own. */
  machineRoot?: string | undefined;
}

async function startHostEngine(leg: RunLeg, debug: (message: string) => void) {
  const endpoint = await resolveDockerEndpoint();
  // Both ask the daemon at once; the version's answer alone says whether it is reachable.
  const [preflight, layout] = await Promise.all([
    preflightDocker(endpoint),
    readDaemonLayoutAt(endpoint),
  ]);
  const { server } = preflight;
  const versions = {
    client: preflight.client,
    server: server.version,
    apiVersion: server.apiVersion,
    containerd: server.containerd,
    runc: server.runc,
  };
  const { store, dataRoot } = layout;
  return createHostEngine({ leg: { ...leg, store }, endpoint, versions, dataRoot, debug });
}

/** Starts one leg's engine; a leg without a name or store gets them from its daemon. */
export async function startEngine(leg: RunLeg, options: EngineOptions = {}): Promise<DockerEngine> {
  const debug = options.debug ?? debuglog('dfv');
  debug(`engine: ${leg.name} (${leg.kind}${leg.bin ? `, ${leg.bin}` : ''})`);
  if (leg.kind === 'host') return startHostEngine(leg, debug);
  const client = await readClientVersion({ PATH: prependToPath(leg.bin) });
  const registry = await readSandboxRegistry(options.mirrors, debug);
  try {
    const machine = await prepareMachine({
      leg,
      registry,
      declaredRoot: options.machineRoot,
      debug,
    });
    const egress = findEgressProgram(options.egress);
    const { scratch } = options;
    return await createSandboxEngine({ leg, client, registry, machine, egress, scratch, debug });
  } catch (error) {
    // `auto` promises a working engine, not a sandbox: e.g. in a container without the
    // privileges for namespaces, every check passes and only starting one tells.
    if (!options.isHostFallback || leg.bin || !(error instanceof VerifyError)) throw error;
    debug(`engine: sandbox failed, using the host daemon: ${error.message}`);
    return startHostEngine(singleLeg('host'), debug);
  }
}

/** Starts every leg's engine at once; when one cannot start, closes the others and throws. */
export async function startEngines(
  legs: readonly RunLeg[],
  options: EngineOptions = {},
): Promise<DockerEngine[]> {
  const started = await Promise.allSettled(legs.map((leg) => startEngine(leg, options)));
  const engines = started.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  );
  const failure = started.find((result) => result.status === 'rejected');
  if (!failure) return engines;
  await Promise.all(engines.map((engine) => engine.close()));
  throw failure.reason;
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
