/**
 * Finds the daemon the user's `docker` talks to and checks that it answers, before any page
 * runs, so a stopped daemon is one clear error instead of a failure on every snippet.
 */

import { VerifyError } from '../../core/errors.ts';
import { tailOf } from '../../system/run-process.ts';
import { readCachedClientVersion } from './client-version.ts';
import { canUseApi, getJson } from './docker-api.ts';
import {
  type DockerCallOptions,
  readDaemonLayout,
  readDockerVersion,
  runDocker,
} from './docker-cli.ts';
import {
  type DaemonLayout,
  layoutOfInfo,
  type ParsedVersion,
  parseContextInspect,
  parseServerVersion,
  unknownLayout,
} from './docker-output.ts';

/** Where the daemon is, and the variables that reach it without the user's CLI config. */
export interface DockerEndpoint {
  host: string;
  /** Where `host` came from: the DOCKER_HOST variable or the named context. */
  source: string;
  /**
   * DOCKER_HOST (and TLS variables) spelled out, because sessions point DOCKER_CONFIG at a
   * scratch folder where the user's current context does not exist.
   */
  env: Record<string, string>;
  unsetEnv: string[];
}

const tlsVariables = ['DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH'] as const;
const defaultHost = 'unix:///var/run/docker.sock';

/** DOCKER_HOST when set, else the endpoint of DOCKER_CONTEXT or the current context. */
export async function resolveDockerEndpoint(): Promise<DockerEndpoint> {
  const fromEnv = process.env['DOCKER_HOST'];
  if (fromEnv) {
    const env: Record<string, string> = { DOCKER_HOST: fromEnv };
    for (const name of tlsVariables) {
      const value = process.env[name];
      if (value) env[name] = value;
    }
    return { host: fromEnv, source: 'DOCKER_HOST', env, unsetEnv: unsetExcept(env) };
  }
  const call = await runDocker(['context', 'inspect'], { timeoutMs: 15_000 });
  if (!call.hasStarted) throw missingCli();
  const context = !call.failed ? parseContextInspect(call.stdout) : undefined;
  if (!context) {
    const host = defaultHost;
    return { host, source: 'default', env: { DOCKER_HOST: host }, unsetEnv: unsetExcept({}) };
  }
  const env: Record<string, string> = { DOCKER_HOST: context.host };
  if (context.tlsPath) {
    env['DOCKER_CERT_PATH'] = context.tlsPath;
    if (!context.skipTlsVerify) env['DOCKER_TLS_VERIFY'] = '1';
  }
  const source = `context "${context.name}"`;
  return { host: context.host, source, env, unsetEnv: unsetExcept(env) };
}

function unsetExcept(env: Record<string, string>): string[] {
  return ['DOCKER_CONTEXT', ...tlsVariables].filter((name) => !(name in env));
}

export interface Preflight {
  endpoint: DockerEndpoint;
  client: string;
  server: NonNullable<ParsedVersion['server']>;
}

/**
 * Checks that the CLI runs and the user's daemon answers (at `found`, or the endpoint found
 * now). Throws DOCKER_CLI_MISSING or DOCKER_UNREACHABLE naming the endpoint it tried. A
 * plain endpoint (a unix socket, TCP without TLS) is asked over the API, and the client's
 * version comes from its cache (client-version.ts): no `docker` process at all on a start
 * that has seen this CLI before. Others are asked with `docker version`.
 */
export async function preflightDocker(found?: DockerEndpoint): Promise<Preflight> {
  const endpoint = found ?? (await resolveDockerEndpoint());
  if (!canUseApi(endpoint.host, endpoint.env)) return preflightWithCli(endpoint);
  const [client, server] = await Promise.allSettled([
    readClientVersion(),
    getJson(endpoint.host, '/version', answerTimeoutMs).then(parseServerVersion),
  ]);
  // The CLI first, as `docker version` says: without it no page can run at all.
  if (client.status === 'rejected') throw client.reason;
  if (server.status === 'rejected') throw unreachable(endpoint, firstLine(server.reason));
  if (!server.value) throw unreachable(endpoint, 'its answer to GET /version was not a version');
  return { endpoint, client: client.value, server: server.value };
}

const answerTimeoutMs = 15_000;

const firstLine = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

async function preflightWithCli(endpoint: DockerEndpoint): Promise<Preflight> {
  const options: DockerCallOptions = { env: endpoint.env, unsetEnv: endpoint.unsetEnv };
  const { call, version } = await readDockerVersion(options);
  if (!call.hasStarted) throw missingCli();
  if (call.failed || !version?.server) {
    throw unreachable(
      endpoint,
      call.timedOut ? 'it did not answer in time' : tailOf(call.stderr, 1),
    );
  }
  return { endpoint, client: version.client ?? 'unknown', server: version.server };
}

function unreachable(endpoint: DockerEndpoint, why: string): VerifyError {
  return new VerifyError(
    'DOCKER_UNREACHABLE',
    `Cannot reach the Docker daemon at ${endpoint.host} (from ${endpoint.source}). Is it running?${why ? ` (${why})` : ''}`,
    {
      hint: 'Start it (e.g. `dockerd` or `systemctl start docker`), or set DOCKER_HOST to use another daemon.',
    },
  );
}

/**
 * The daemon's image store (`containerd`, `overlay2`) and data root: over the API where it
 * can, else `docker info`. One answer for both: a daemon takes some 30 ms to make it (it asks
 * containerd and runc for their versions), and the first page waits for the data root.
 */
export async function readDaemonLayoutAt(endpoint: DockerEndpoint): Promise<DaemonLayout> {
  if (!canUseApi(endpoint.host, endpoint.env))
    return readDaemonLayout({ env: endpoint.env, unsetEnv: endpoint.unsetEnv });
  return getJson(endpoint.host, '/info', answerTimeoutMs).then(layoutOfInfo, () => unknownLayout);
}

/**
 * The client version alone (of the `docker` first on `extraEnv`'s PATH, else the run's), kept
 * in the user's cache per CLI binary; asked of the CLI pointed at no daemon, so it never waits
 * for one.
 */
export async function readClientVersion(
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<string> {
  const version = await readCachedClientVersion(extraEnv['PATH'] ?? process.env['PATH'], () =>
    askClientVersion(extraEnv),
  );
  if (version === undefined) throw missingCli();
  return version;
}

async function askClientVersion(extraEnv: Readonly<Record<string, string>>): Promise<string> {
  const env = { ...extraEnv, DOCKER_HOST: 'unix:///nonexistent/docker.sock' };
  const { call, version } = await readDockerVersion({ env, unsetEnv: ['DOCKER_CONTEXT'] });
  if (!call.hasStarted) throw missingCli();
  return version?.client ?? 'unknown';
}

function missingCli(): VerifyError {
  return new VerifyError('DOCKER_CLI_MISSING', 'The `docker` command was not found on PATH.', {
    hint: 'Install the Docker CLI (https://docs.docker.com/engine/install/) or add it to PATH.',
  });
}
