/**
 * Prepares the reader's machine of a leg: the root (hermetic's, the cache's, or made now)
 * and how the leg's engine is installed in it. Making the root prefers mmdebstrap where it
 * is installed; otherwise it goes through the leg's own daemon, in a plain sandbox (one
 * without a machine), from Debian's slim image.
 */

import type { RunLeg } from '../../../core/legs.ts';
import { isOnPath } from '../../../system/find-program.ts';
import type { RegistrySettings } from '../docker-output.ts';
import { proxyPortInSandbox } from '../sandbox/daemon-config.ts';
import { startSandbox } from '../sandbox/start-sandbox.ts';
import { buildRootFromImage } from './build-root-from-image.ts';
import { buildRootWithMmdebstrap } from './build-root-mmdebstrap.ts';
import { copyPathEngine } from './copy-path-engine.ts';
import { planEngineInstall } from './plan-engine-install.ts';
import { provideMachineRoot } from './provide-root.ts';
import type { MachineSpec } from './reader-machine.ts';

export interface MachineRequest {
  leg: RunLeg;
  registry: RegistrySettings;
  /** The root hermetic made (legs.json), if any. */
  declaredRoot: string | undefined;
  debug: (message: string) => void;
}

export async function prepareMachine(request: MachineRequest): Promise<MachineSpec> {
  const root = await provideMachineRoot({
    declared: request.declaredRoot,
    build: (target) => buildRoot(target, request),
    debug: request.debug,
  });
  const bin = request.leg.bin ?? (await copyPathEngine());
  return { root, engine: await planEngineInstall(bin) };
}

async function buildRoot(target: string, request: MachineRequest): Promise<void> {
  if (isOnPath('mmdebstrap')) {
    request.debug('machine: making the root with mmdebstrap');
    return buildRootWithMmdebstrap(target);
  }
  request.debug("machine: making the root from an image, through the leg's daemon");
  const { leg, registry, debug } = request;
  // apt reaches Debian's archive through the sandbox's proxy: no egress needed.
  const sandbox = await startSandbox({
    registry,
    bin: leg.bin,
    store: leg.store,
    egress: undefined,
    debug,
  });
  try {
    await buildRootFromImage(target, {
      docker: sandbox.docker,
      proxy: `http://127.0.0.1:${proxyPortInSandbox}`,
    });
  } finally {
    await sandbox.dispose();
  }
}
