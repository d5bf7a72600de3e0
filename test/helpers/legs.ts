import { resolvePaths } from '../../scripts/hermetic/config.ts';
import { type LegsFile, readLegsFile } from '../../scripts/hermetic/legs-file.ts';
import type { Leg } from '../../scripts/lib/run/engine/engine.ts';

/** The leg Docker tests run on unless they need another: Engine 28.5, classic image store. */
export const testLegName = '28.5/overlay2';

/** What hermetic provides (the global set-up brings it up): legs, mirror, host daemon. */
export async function readTestLegs(): Promise<LegsFile> {
  const path = resolvePaths().legsFile;
  const legs = await readLegsFile(path);
  if (!legs) throw new Error(`The Docker tests need ${path}: run \`npm run hermetic\` as root.`);
  return legs;
}

/** A leg of legs.json as the verifier runs it. */
export async function testLeg(name = testLegName): Promise<Leg> {
  const leg = (await readTestLegs()).legs.find((candidate) => candidate.name === name);
  if (!leg) throw new Error(`legs.json has no leg ${name}`);
  return { name: leg.name, kind: 'sandbox', bin: leg.bin, store: leg.store };
}

/**
 * The environment that makes hermetic's host dockerd "the user's daemon" of a test: what
 * `--docker host` runs on, and what sandboxes must never see.
 */
export async function hostDaemonEnv(): Promise<{ DOCKER_HOST: string }> {
  return { DOCKER_HOST: (await readTestLegs()).hostDaemon };
}
