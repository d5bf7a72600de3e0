/**
 * How the guard passes a request on to the daemon: streamed as it is, read whole (a create,
 * whose answer names what it made), or, for a hijacked connection, as a raw tunnel.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import net from 'node:net';
import { noServerName } from '../../docker-api.ts';
import type { DaemonAddress } from './daemon-address.ts';

// Loaded this way for the reason given in ../../docker-api.ts.
const http = process.getBuiltinModule('node:http');

/** Answers with a JSON body of its own. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** Passes a request on as it is, streaming both ways. */
export function forward(
  request: IncomingMessage,
  response: ServerResponse,
  daemon: DaemonAddress,
  body?: Buffer,
): void {
  const upstream = http.request({
    ...daemon,
    ...noServerName,
    method: request.method,
    path: request.url,
    headers: request.headers,
  });
  upstream.on('response', (answer) => {
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    // At once, as the daemon sent them: `docker run` waits for the headers of /wait.
    response.flushHeaders();
    answer.pipe(response);
  });
  upstream.on('error', (error) => {
    if (!response.headersSent)
      sendJson(response, 502, { message: `verify-examples: ${error.message}` });
    else response.destroy();
  });
  response.on('close', () => upstream.destroy());
  if (body) upstream.end(body);
  else request.pipe(upstream);
}

/** Passes a small request on and its answer back whole, which it returns when it is a success. */
export function forwardAndRead(
  request: IncomingMessage,
  response: ServerResponse,
  daemon: DaemonAddress,
  body: Buffer,
): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve, reject) => {
    const upstream = http.request({
      ...daemon,
      ...noServerName,
      method: request.method,
      path: request.url,
      headers: request.headers,
    });
    upstream.on('response', (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('error', reject);
      answer.on('end', () => {
        const text = Buffer.concat(chunks);
        const status = answer.statusCode ?? 502;
        const headers = { ...answer.headers, 'content-length': String(text.length) };
        delete headers['transfer-encoding'];
        response.writeHead(status, headers);
        response.end(text);
        try {
          resolve(
            status < 300
              ? (JSON.parse(text.toString('utf8')) as Record<string, unknown>)
              : undefined,
          );
        } catch {
          resolve(undefined);
        }
      });
    });
    upstream.on('error', reject);
    upstream.end(body);
  });
}

/** A hijacked connection (attach, exec, BuildKit's session): refused, or a raw tunnel. */
export function relayUpgrade(
  request: IncomingMessage,
  socket: net.Socket,
  head: Buffer,
  daemon: DaemonAddress,
  refusal: string | undefined,
): void {
  if (refusal) {
    const body = JSON.stringify({ message: refusal });
    socket.end(
      `HTTP/1.1 409 Conflict\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    return;
  }
  const upstream = net.connect('socketPath' in daemon ? { path: daemon.socketPath } : daemon);
  const lines = [`${request.method} ${request.url} HTTP/${request.httpVersion}`];
  for (let index = 0; index < request.rawHeaders.length; index += 2) {
    lines.push(`${request.rawHeaders[index]}: ${request.rawHeaders[index + 1]}`);
  }
  upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
  if (head.length > 0) upstream.write(head);
  socket.pipe(upstream).pipe(socket);
  // Either end going away ends the tunnel: a killed command must not keep it open.
  upstream.on('error', () => socket.destroy());
  upstream.on('close', () => socket.destroy());
  socket.on('error', () => upstream.destroy());
  socket.on('close', () => upstream.destroy());
}
