/**
 * Runs inside a sandbox's network namespace, whose only interface is its own loopback:
 * listens on 127.0.0.1:PORT (and ::1:PORT) and carries each connection over a unix socket in
 * the scratch folder to the verifier's process, which dials the real host endpoint
 * (host-relay.ts). Started by init.sh; standalone, so it only imports node built-ins.
 *
 *   node relay.ts READY_FILE PORT=SOCKET...
 */
import { writeFileSync } from 'node:fs';
import net from 'node:net';

const [readyFile, ...routes] = process.argv.slice(2);

function listen(port: number, host: string, socketPath: string): Promise<void> {
  const server = net.createServer((inside) => {
    const outside = net.connect(socketPath);
    inside.pipe(outside).pipe(inside);
    inside.on('error', () => outside.destroy());
    outside.on('error', () => inside.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

async function main(): Promise<void> {
  for (const route of routes) {
    const [port, socketPath] = route.split('=');
    if (!port || !socketPath || !readyFile) throw new Error(`bad route "${route}"`);
    await listen(Number(port), '127.0.0.1', socketPath);
    // IPv6 loopback may be missing in the namespace; 127.0.0.1 is what matters.
    await listen(Number(port), '::1', socketPath).catch(() => undefined);
  }
  if (readyFile) writeFileSync(readyFile, `${process.pid}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`relay: ${String(error)}\n`);
  process.exitCode = 1;
});
