/**
 * Runs the `docker` CLI for the engines. Outcomes are values (`reject: false`): callers decide
 * what a non-zero exit means. `wrap` puts the command inside a sandbox (nsenter).
 */
import { execa } from 'execa';
import {
  type ParsedVersion,
  parseDockerVersion,
  parseRegistryConfig,
  type RegistrySettings,
} from './docker-output.ts';

export interface DockerCallOptions {
  /** Variables to set on top of the verifier's environment. */
  env?: Readonly<Record<string, string>>;
  /** Variables to remove from it. */
  unsetEnv?: readonly string[];
  wrap?: (argv: readonly string[]) => string[];
  timeoutMs?: number;
}

export interface DockerCallResult {
  ok: boolean;
  /** The CLI itself could not be started (not installed or not on PATH). */
  isMissing: boolean;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

export async function runDocker(
  args: readonly string[],
  options: DockerCallOptions = {},
): Promise<DockerCallResult> {
  const argv = (options.wrap ?? ((line) => [...line]))(['docker', ...args]);
  const [file = 'docker', ...rest] = argv;
  const result = await execa(file, rest, {
    reject: false,
    stdin: 'ignore',
    env: buildEnv(options.env, options.unsetEnv),
    extendEnv: false,
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
  });
  return {
    ok: result.exitCode === 0,
    isMissing: result.code === 'ENOENT',
    timedOut: result.timedOut,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
  };
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
  call: DockerCallResult;
  version: ParsedVersion | undefined;
}

/** `docker version`: the client always, the server when the daemon answers in time. */
export async function readDockerVersion(options: DockerCallOptions = {}): Promise<VersionReading> {
  const call = await runDocker(['version', '--format', '{{json .}}'], {
    timeoutMs: 15_000,
    ...options,
  });
  return { call, version: parseDockerVersion(call.stdout) };
}

/** Whether the daemon answers `docker version` within `timeoutMs`. */
export async function isDockerAnswering(
  options: DockerCallOptions,
  timeoutMs = 5_000,
): Promise<boolean> {
  const { call, version } = await readDockerVersion({ ...options, timeoutMs });
  return call.ok && version?.server !== undefined;
}

/** The daemon's registry mirrors and insecure registries, from `docker info`. */
export async function readRegistrySettings(
  options: DockerCallOptions = {},
): Promise<RegistrySettings | undefined> {
  const call = await runDocker(['info', '--format', '{{json .RegistryConfig}}'], {
    timeoutMs: 15_000,
    ...options,
  });
  return call.ok ? parseRegistryConfig(call.stdout) : undefined;
}

/** The last lines of a command's error output, for one-line messages. */
export function tailOf(text: string, lines = 3): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
