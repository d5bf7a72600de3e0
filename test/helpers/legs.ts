import { mkdtemp, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLIENT_LEG } from '../../scripts/hermetic/engines/engines.ts';
import type { LegsFile, RunLeg } from '../../scripts/lib/core/legs.ts';
import { prependToPath } from '../../scripts/lib/system/find-program.ts';
import { readLegsFile, resolveLegsFilePath } from '../../scripts/lib/system/legs-file.ts';

/** The leg Docker tests run on unless they need another: Engine 28.5, classic image store. */
export const testLegName = '28.5/overlay2';

/** What hermetic provides (the global set-up brings it up): legs, mirror, host daemon. */
export async function readTestLegs(): Promise<LegsFile> {
  const path = resolveLegsFilePath();
  const legs = await readLegsFile(path);
  if (!legs) throw new Error(`The Docker tests need ${path}: run \`npm run hermetic\` as root.`);
  return legs;
}

/** A leg of legs.json as the verifier runs it. */
export async function testLeg(name = testLegName): Promise<RunLeg> {
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

let clientConfig: Promise<string> | undefined;

/**
 * A shell of the tests' user talking to the host daemon with the client of its engine (the
 * leg of hermetic's client/env.sh): the leg's `docker` first on PATH, DOCKER_HOST at hermetic's host dockerd, and a DOCKER_CONFIG
 * whose cli-plugins (buildx, compose) are that engine's.
 */
export async function hostClientEnv(): Promise<Record<string, string>> {
  const leg = await testLeg(CLIENT_LEG);
  clientConfig ??= (async () => {
    const config = await mkdtemp(join(tmpdir(), 'dfv-client-'));
    await symlink(join(leg.bin ?? '', 'cli-plugins'), join(config, 'cli-plugins'));
    return config;
  })();
  return {
    ...(await hostDaemonEnv()),
    PATH: prependToPath(leg.bin),
    DOCKER_CONFIG: await clientConfig,
  };
}
