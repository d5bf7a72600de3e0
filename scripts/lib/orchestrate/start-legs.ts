import type { CliOptions } from '../cli/parse-args.ts';
import type { MatrixLeg } from '../core/legs.ts';
import { startEngines } from '../run/engine/create-engine.ts';
import type { DockerEngine } from '../run/engine/engine.ts';
import { resolveLegs } from '../run/engine/resolve-legs.ts';

export interface StartedLegs {
  engines: DockerEngine[];
  /** Legs of legs.json that cannot run here, and why (outside CI only). */
  missing: { name: string; reason: string }[];
  /** The registry mirror the legs pull through, when one is known. */
  mirror: string | undefined;
}

/** The legs the run verifies on (legs.json, `--leg`, `--docker`), each engine started. */
export async function startLegs(
  options: Pick<CliOptions, 'docker' | 'legs' | 'mirrors'>,
  matrix: readonly MatrixLeg[],
): Promise<StartedLegs> {
  const resolved = await resolveLegs({
    docker: options.docker,
    names: options.legs,
    isCi: process.env['CI'] === 'true',
    matrix,
  });
  const mirrors =
    options.mirrors.length > 0 ? options.mirrors : resolved.mirror ? [resolved.mirror] : [];
  const engines = await startEngines(resolved.legs, {
    mirrors,
    egress: resolved.egress,
    scratch: resolved.scratch,
    isHostFallback: options.docker === 'auto',
    machineRoot: resolved.machineRoot,
  });
  return { engines, missing: resolved.missing, mirror: mirrors[0] };
}

/** Legs started early for pages that turned out to run nothing: closed, a failure ignored. */
export async function closeUnneededLegs(legs: Promise<StartedLegs> | undefined): Promise<void> {
  const started = await legs?.catch(() => undefined);
  await Promise.all(started?.engines.map((engine) => engine.close()) ?? []);
}
