/**
 * A sandbox's egress: its network namespace has only loopback and the relays, so without a
 * way out a page's `RUN npm ci` (or any container reaching the internet) fails where a
 * reader's succeeds. slirp4netns, as rootless Docker uses it, gives the namespace a default
 * route through ordinary sockets of the host (egress.sh starts it). Nothing in the page, its
 * Dockerfiles or its environment changes, and the host's firewall and Docker stay as they are.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export const egressProgram = 'slirp4netns';

/** What to install where the verifier finds no egress program. */
export const egressInstallHint =
  'install slirp4netns (Debian and Ubuntu: `apt-get install slirp4netns`; Fedora: `dnf install slirp4netns`), or run `npm run hermetic`, whose legs.json provides one';

/** slirp4netns's resolver inside the namespace: it forwards to the host's. */
export const egressNameserver = '10.0.2.3';

/**
 * The egress program: the one legs.json names (hermetic's, unpacked in its cache), else
 * slirp4netns on PATH or in the sbin folders; undefined when there is none.
 */
export function findEgressProgram(
  given: string | undefined,
  path = process.env['PATH'] ?? '',
): string | undefined {
  const candidates = given
    ? [given]
    : [...path.split(delimiter).filter(Boolean), '/usr/sbin', '/sbin'].map((folder) =>
        join(folder, egressProgram),
      );
  return candidates.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Pure: the sandbox's /etc/resolv.conf when the host's cannot serve it. A host resolver on
 * loopback (systemd-resolved's 127.0.0.53) is not reachable from the sandbox's own loopback,
 * so such a host gets slirp4netns's forwarder instead, with the host's search and options
 * lines kept; any other host's file is used as it is (undefined).
 */
export function buildSandboxResolvConf(hostResolvConf: string): string | undefined {
  const lines = hostResolvConf.split('\n');
  const servers = lines
    .map((line) => /^\s*nameserver\s+(\S+)/.exec(line)?.[1])
    .filter((server): server is string => server !== undefined);
  const isLoopback = (server: string) => /^127\./.test(server) || server === '::1';
  if (servers.length > 0 && !servers.every(isLoopback)) return undefined;
  const kept = lines.filter((line) => /^\s*(search|domain|options)\s/.test(line));
  return `${[`nameserver ${egressNameserver}`, ...kept].join('\n')}\n`;
}
