/**
 * What a sandbox daemon is configured with: its daemon.json, the environment that sends its
 * pulls through the verifier's proxy, and which host-loopback registries (a local mirror)
 * must be relayed into its network namespace, where loopback is its own. Pure.
 */
import { VerifyError } from '../../../core/errors.ts';
import type { RegistrySettings } from '../docker-output.ts';

/**
 * Port of the in-namespace end of the proxy relay. Pages cannot publish it; it is high and
 * unusual so that documented `-p` mappings do not collide with it.
 */
export const proxyPortInSandbox = 43128;

/**
 * Variables that would send `docker` elsewhere than the sandbox's own /var/run/docker.sock:
 * a DOCKER_HOST socket outside /run stays reachable inside the sandbox's mount namespace.
 */
export const daemonVariables = [
  'DOCKER_HOST',
  'DOCKER_CONTEXT',
  'DOCKER_TLS_VERIFY',
  'DOCKER_CERT_PATH',
];

/** A TCP endpoint on the host's loopback, reproduced at the same address inside a sandbox. */
export interface LoopbackTarget {
  host: string;
  port: number;
}

export interface DaemonConfigInput {
  scratch: string;
  cgroupParent: string;
  registry: RegistrySettings;
  /** `containerd` for the containerd image store, another store for the graph drivers. */
  store?: string | undefined;
  /**
   * In a reader's machine the daemon keeps its files where a reader's does (its /run and
   * /var/lib are the machine's own); a plain sandbox keeps them in the scratch folder.
   */
  isInMachine?: boolean | undefined;
}

/**
 * daemon.json of a sandbox: every path inside its scratch folder, registries as the user's,
 * and the image store its leg asks for (the daemon's default when it asks for none). The
 * data root is not here: init.sh gives it as /var/lib/docker where it can (see there).
 */
export function buildDaemonConfig(input: DaemonConfigInput): Record<string, unknown> {
  const { scratch, cgroupParent, registry, store } = input;
  const features = store ? { features: { 'containerd-snapshotter': store === 'containerd' } } : {};
  const paths = input.isInMachine
    ? {}
    : {
        hosts: ['unix:///var/run/docker.sock'],
        'exec-root': `${scratch}/exec`,
        pidfile: `${scratch}/docker.pid`,
      };
  return {
    ...paths,
    'cgroup-parent': cgroupParent,
    // Teardown kills containers first, so a long graceful stop would only slow it down.
    'shutdown-timeout': 1,
    'registry-mirrors': registry.mirrors,
    'insecure-registries': registry.insecureRegistries,
    ...features,
  };
}

/**
 * Environment of the sandbox daemon: its HTTP(S) traffic goes to the relay of the verifier's
 * proxy; loopback stays direct (a relayed mirror, or a registry a page runs on `-p 5000`).
 */
export function buildDaemonEnv(): Record<string, string> {
  const proxy = `http://127.0.0.1:${proxyPortInSandbox}`;
  const noProxy = 'localhost,127.0.0.0/8,::1';
  return {
    HTTP_PROXY: proxy,
    HTTPS_PROXY: proxy,
    NO_PROXY: noProxy,
    http_proxy: proxy,
    https_proxy: proxy,
    no_proxy: noProxy,
  };
}

/** The mirrors that live on the host's loopback, one target per port. */
export function findLoopbackTargets(mirrors: readonly string[]): LoopbackTarget[] {
  const byPort = new Map<number, LoopbackTarget>();
  for (const mirror of mirrors) {
    const url = parseMirror(mirror);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (!isLoopbackHost(host)) continue;
    const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    if (!byPort.has(port)) byPort.set(port, { host, port });
  }
  return [...byPort.values()];
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function parseMirror(mirror: string): URL {
  try {
    const url = new URL(mirror);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // Reported below with the expected form.
  }
  throw new VerifyError(
    'INVALID_OPTION',
    `Unexpected registry mirror "${mirror}", expected an http:// or https:// URL.`,
    { hint: 'Write it as dockerd does, e.g. http://127.0.0.1:5555.' },
  );
}
