import { readLegsFile, resolveLegsFilePath } from '../../scripts/lib/system/legs-file.ts';

/** The legs hermetic provides on this machine, by name; none without its legs.json. */
export async function listLegNames(): Promise<string[]> {
  const legs = await readLegsFile(resolveLegsFilePath());
  return legs?.legs.map((leg) => leg.name) ?? [];
}

/**
 * `--leg NAME` for benchmarks that measure one leg: the first of legs.json (the reader's
 * world, a fresh Engine with the containerd image store), or nothing without legs.json (the
 * verifier then runs the dockerd on PATH).
 */
export async function selectOneLeg(): Promise<string[]> {
  const [first] = await listLegNames();
  return first ? ['--leg', first] : [];
}

/**
 * The environment of benchmarks on "the user's daemon" (`--docker host`): DOCKER_HOST at
 * hermetic's host dockerd, or nothing without legs.json (the user's own Docker then).
 */
export async function hostDaemonEnv(): Promise<Record<string, string>> {
  const legs = await readLegsFile(resolveLegsFilePath());
  return legs ? { DOCKER_HOST: legs.hostDaemon } : {};
}
