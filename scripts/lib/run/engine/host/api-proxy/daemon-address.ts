/**
 * Where the user's daemon listens, as Node's http and net modules dial it: a unix socket, or
 * a plain TCP port. TLS and SSH endpoints cannot be guarded (see start-api-proxy.ts).
 */

import { VerifyError } from '../../../../core/errors.ts';
import { formatFlag } from '../../../../core/flags.ts';

export type DaemonAddress = { socketPath: string } | { host: string; port: number };

export function parseDaemonAddress(
  host: string,
  env: Readonly<Record<string, string>>,
): DaemonAddress {
  const isTls = env['DOCKER_TLS_VERIFY'] !== undefined && env['DOCKER_TLS_VERIFY'] !== '';
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  if (host.startsWith('tcp://') && !isTls) {
    const url = new URL(host.replace(/^tcp:/, 'http:'));
    return { host: url.hostname, port: Number(url.port || 2375) };
  }
  throw new VerifyError(
    'DOCKER_UNSUPPORTED',
    `--docker host cannot guard the daemon at ${host}: pages talk to your daemon through a guard that keeps them from changing what was there before, and it speaks only to a unix socket or plain TCP.`,
    {
      hint: `Run the pages in sandboxes (${formatFlag('docker', 'sandbox')}, as root), or point DOCKER_HOST at a unix socket.`,
    },
  );
}
