/**
 * Runs the `docker` CLI for the engines. Outcomes are values (`reject: false`): callers decide
 * what a non-zero exit means. `wrap` puts the command inside a sandbox (nsenter).
 */

import { VerifyError } from '../../core/errors.ts';
import { type ProcessResult, runProcess, tailOf } from '../../system/run-process.ts';
import {
  type DaemonLayout,
  type ParsedVersion,
  parseDaemonLayout,
  parseRegistryConfig,
  parseVersionJson,
  type RegistrySettings,
  unknownLayout,
} from './docker-output.ts';
import type { PageEnvironment } from './engine.ts';

export interface DockerCallOptions {
  /** Variables to set on top of the verifier's environment. */
  env?: Readonly<Record<string, string>>;
  /** Variables to remove from it. */
  unsetEnv?: readonly string[];
  wrap?: (argv: readonly string[]) => string[];
  timeoutMs?: number;
}

/** Runs `docker ARGS`; `hasStarted` is false when the CLI is not installed or not on PATH. */
export function runDocker(
  args: readonly string[],
  options: DockerCallOptions = {},
): Promise<ProcessResult> {
  const argv = (options.wrap ?? ((line) => [...line]))(['docker', ...args]);
  const [file = 'docker', ...rest] = argv;
  return runProcess(file, rest, {
    env: buildEnv(options.env, options.unsetEnv),
    extendEnv: false,
    timeoutMs: options.timeoutMs,
  });
}

/** The verifier's environment with `env` applied and `unsetEnv` removed. */
export function buildEnv(
  env: Readonly<Record<string, string>> = {},
  unsetEnv: readonly string[] = [],
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !unsetEnv.includes(name)) result[name] = value;
  }
  return { ...result, ...env };
}

export interface VersionReading {
  call: ProcessResult;
  version: ParsedVersion | undefined;
}

/** `docker version`: the client always, the server when the daemon answers in time. */
export async function readDockerVersion(options: DockerCallOptions = {}): Promise<VersionReading> {
  const call = await runDocker(['version', '--format', '{{json .}}'], {
    timeoutMs: 15_000,
    ...options,
  });
  return { call, version: parseVersionJson(call.stdout) };
}

/** Whether the daemon answers `docker version` within `timeoutMs`. */
export async function isDockerAnswering(
  options: DockerCallOptions,
  timeoutMs = 5_000,
): Promise<boolean> {
  const { call, version } = await readDockerVersion({ ...options, timeoutMs });
  return !call.failed && version?.server !== undefined;
}

/** The daemon's image store (`containerd`, `overlay2`) and data root, from `docker info`. */
export async function readDaemonLayout(options: DockerCallOptions = {}): Promise<DaemonLayout> {
  const call = await runDocker(['info', '--format', '{{json .}}'], {
    timeoutMs: 15_000,
    ...options,
  });
  return call.failed ? unknownLayout : parseDaemonLayout(call.stdout);
}

/** The daemon's image store alone (`containerd`, `overlay2`), from `docker info`. */
export async function readImageStore(options: DockerCallOptions = {}): Promise<string | undefined> {
  return (await readDaemonLayout(options)).store;
}

/** The daemon's registry mirrors and insecure registries, from `docker info`. */
export async function readRegistrySettings(
  options: DockerCallOptions = {},
): Promise<RegistrySettings | undefined> {
  const call = await runDocker(['info', '--format', '{{json .RegistryConfig}}'], {
    timeoutMs: 15_000,
    ...options,
  });
  return call.failed ? undefined : parseRegistryConfig(call.stdout);
}

/**
 * Pulls an image a page asks for (`verify.images`) quietly; throws IMAGE_NOT_FOUND with the
 * registry's own words when it cannot.
 */
export async function pullImage(
  image: string,
  pageId: string,
  options: DockerCallOptions,
): Promise<void> {
  const pull = await runDocker(['pull', '--quiet', image], options);
  if (!pull.failed) return;
  throw new VerifyError(
    'IMAGE_NOT_FOUND',
    `Could not pull ${image} for page ${pageId}: ${tailOf(pull.stderr, 1)}`,
    { hint: 'Check the image name in `verify.images`, and that its registry (or mirror) answers.' },
  );
}

/**
 * Finishes opening a page: runs `pull` (the page's `verify.images`) in its fresh environment,
 * and disposes of the environment when that fails, so a page that never starts leaves nothing.
 */
export async function pullIntoPage(
  environment: PageEnvironment,
  pull: () => Promise<void>,
): Promise<PageEnvironment> {
  try {
    await pull();
  } catch (error) {
    await environment.dispose();
    throw error;
  }
  return environment;
}
