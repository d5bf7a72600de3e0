/**
 * The verifier's end of a sandbox's relays: one unix socket per relayed port in the scratch
 * folder. A loopback target (a local registry mirror) is dialled as is; the proxy port gets
 * the forward proxy. The sandbox's end is relay.ts, listening on the same ports inside.
 */
import net from 'node:net';
import { join } from 'node:path';
import { type LoopbackTarget, proxyPortInSandbox } from './daemon-config.ts';
import { createForwardProxy } from './forward-proxy.ts';

export interface HostRelays {
  /** `PORT=SOCKET` arguments of relay.ts. */
  routes: string[];
  close(): Promise<void>;
}

export async function startHostRelays(
  folder: string,
  targets: readonly LoopbackTarget[],
  debug: (message: string) => void,
): Promise<HostRelays> {
  const servers: net.Server[] = [];
  const routes: string[] = [];
  const close = () => Promise.all(servers.map(closeServer)).then(() => undefined);
  try {
    for (const target of targets) {
      const socketPath = join(folder, `${target.port}.sock`);
      servers.push(await listenOn(socketPath, createTcpForwarder(target, debug)));
      routes.push(`${target.port}=${socketPath}`);
    }
    const proxySocket = join(folder, 'proxy.sock');
    servers.push(await listenOn(proxySocket, createForwardProxy(debug)));
    routes.push(`${proxyPortInSandbox}=${proxySocket}`);
  } catch (error) {
    await close();
    throw error;
  }
  return { routes, close };
}

function createTcpForwarder(target: LoopbackTarget, debug: (message: string) => void): net.Server {
  return net.createServer((inside) => {
    const outside = net.connect(target.port, target.host);
    inside.pipe(outside).pipe(inside);
    outside.on('error', (error) => {
      debug(`relay to ${target.host}:${target.port}: ${error.message}`);
      inside.destroy();
    });
    inside.on('error', () => outside.destroy());
  });
}

function listenOn<T extends net.Server>(socketPath: string, server: T): Promise<T> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  openSockets.set(server, sockets);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve(server));
  });
}

const openSockets = new WeakMap<net.Server, Set<net.Socket>>();

/** Stops accepting and drops open tunnels, so a long pull cannot hold dispose up. */
function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    for (const socket of openSockets.get(server) ?? []) socket.destroy();
  });
}
