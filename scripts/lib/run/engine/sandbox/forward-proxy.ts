/**
 * The smallest HTTP proxy a sandbox daemon needs to pull from the internet: `CONNECT` tunnels
 * for HTTPS and absolute-URI requests for plain HTTP. It runs in the verifier's process, so
 * name resolution and routing are the host's; sandboxes reach it through their relay.
 */
import type { IncomingMessage, Server } from 'node:http';
import net from 'node:net';

// Loaded this way for the reason given in docker-api.ts.
const http = process.getBuiltinModule('node:http');

/** A proxy server, not listening yet: the caller listens on a unix socket. */
export function createForwardProxy(onError: (message: string) => void): Server {
  const server = http.createServer((request, response) => {
    let target: URL;
    try {
      target = new URL(request.url ?? '');
    } catch {
      response.writeHead(400).end('absolute URL expected\n');
      return;
    }
    const upstream = http.request(target, { method: request.method, headers: request.headers });
    upstream.on('response', (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', (error) => {
      onError(`proxy ${target.host}: ${error.message}`);
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });

  server.on('connect', (request: IncomingMessage, client: net.Socket, head: Buffer) => {
    const [host = '', port = '443'] = splitAuthority(request.url ?? '');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', (error) => {
      onError(`proxy CONNECT ${host}:${port}: ${error.message}`);
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
    client.on('error', () => upstream.destroy());
  });
  return server;
}

/** `host:port` and `[v6]:port` of a CONNECT request line. */
function splitAuthority(authority: string): [string, string] {
  const match = /^\[?([^\]]*?)\]?:(\d+)$/.exec(authority);
  return match ? [match[1] ?? '', match[2] ?? '443'] : [authority, '443'];
}
