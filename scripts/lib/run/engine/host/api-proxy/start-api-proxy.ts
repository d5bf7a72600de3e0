/**
 * The guard between a page and the user's daemon in host mode: an Engine API proxy on a
 * unix socket of its own, which the page's DOCKER_HOST names. Requests pass through as they
 * are (streams and hijacked connections too: attach, exec, BuildKit's session), except that
 * listings show the page's own objects, prunes prune only those, and a request that would
 * change or remove what the user had before the page started is refused with a message that
 * says so (see route-request.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DockerSnapshot } from '../plan-cleanup.ts';
import { readDaemon } from './call-daemon.ts';
import { checkChange, checkCreate, describeRefusal } from './check-change.ts';
import type { DaemonAddress } from './daemon-address.ts';
import {
  createPageScope,
  normalizeImageName,
  type PageScope,
  scopeContainers,
  scopeDiskUsage,
  scopeImages,
  scopeInfo,
  scopeNetworks,
  scopeVolumes,
} from './page-scope.ts';
import { parsePruneFilters } from './prune-filters.ts';
import { prunePage } from './prune-page.ts';
import { listNamedImages, type Route, routeRequest } from './route-request.ts';

// Loaded this way for the reason given in ../../docker-api.ts.
const http = process.getBuiltinModule('node:http');

export interface ApiProxy {
  /** `unix://...`: the DOCKER_HOST of the page's session. */
  host: string;
  /** What the page created through the guard (see page-scope.ts), for the cleanup. */
  created: PageScope['created'];
  close(): Promise<void>;
}

export async function startApiProxy(
  daemon: DaemonAddress,
  before: DockerSnapshot,
  debug: (message: string) => void,
): Promise<ApiProxy> {
  const folder = await mkdtemp(join(tmpdir(), 'dfv-api-'));
  const socketPath = join(folder, 'docker.sock');
  const scope = createPageScope(before);
  const server = http.createServer((request, response) => {
    handleRequest(request, response, scope, daemon).catch((error: unknown) => {
      debug(`api guard: ${request.method} ${request.url}: ${String(error)}`);
      if (!response.headersSent) sendJson(response, 500, { message: String(error) });
      else response.destroy();
    });
  });
  // Builds upload their context for minutes; the daemon, not the guard, decides timeouts.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (request: IncomingMessage, socket: net.Socket, head: Buffer) => {
    sockets.add(socket);
    relayUpgrade(request, socket, head, scope, daemon).catch(() => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  return {
    host: `unix://${socketPath}`,
    created: scope.created,
    async close() {
      // Open connections are dropped; the callback of close() is not waited for beyond that.
      server.close();
      for (const socket of sockets) socket.destroy();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  scope: PageScope,
  daemon: DaemonAddress,
): Promise<void> {
  const method = request.method ?? 'GET';
  const url = request.url ?? '/';
  for (const name of listNamedImages(method, url)) scope.namedImages.add(normalizeImageName(name));
  const route = routeRequest(method, url);
  const refuse = (reason: string) => sendJson(response, 409, { message: describeRefusal(reason) });
  if (route.kind === 'refuse') return refuse(route.reason);
  if (route.kind === 'list')
    return sendJson(response, 200, await listScoped(route, url, scope, daemon));
  if (route.kind === 'prune') {
    await readBody(request);
    const parsed = parsePruneFilters(new URL(url, 'http://docker').searchParams.get('filters'));
    if (parsed.status === 'unsupported')
      return refuse(`a prune filtered by ${parsed.key} cannot be kept to the page's own objects`);
    return sendJson(response, 200, await prunePage(route.what, parsed.filters, scope, daemon));
  }
  if (route.kind === 'change') {
    const refusal = await checkChange(route.what, route.name, scope, daemon);
    if (refusal) return refuse(refusal);
  }
  if (route.kind === 'create') {
    const body = await readBody(request);
    const json = (body.length > 0 ? JSON.parse(body.toString('utf8')) : {}) as Record<
      string,
      unknown
    >;
    if (typeof json['Image'] === 'string') scope.namedImages.add(normalizeImageName(json['Image']));
    const query = new URL(url, 'http://docker').searchParams;
    const refusal = await checkCreate(route.what, query, json, scope, daemon);
    if (refusal) return refuse(refusal);
    const answer = await forwardAndRead(request, response, daemon, body);
    if (answer) await recordCreated(route.what, answer, scope, daemon);
    return;
  }
  forward(request, response, daemon);
}

async function listScoped(
  route: Extract<Route, { kind: 'list' }>,
  url: string,
  scope: PageScope,
  daemon: DaemonAddress,
): Promise<unknown> {
  const path = url;
  switch (route.what) {
    case 'containers':
      return scopeContainers(scope, await readDaemon(daemon, path));
    case 'images':
      return scopeImages(scope, await readDaemon(daemon, path));
    case 'volumes':
      return scopeVolumes(scope, await readDaemon(daemon, path));
    case 'networks':
      return scopeNetworks(scope, await readDaemon(daemon, path));
    case 'df':
      return scopeDiskUsage(scope, await readDaemon(daemon, path));
    case 'info': {
      const [info, containers, images] = await Promise.all([
        readDaemon(daemon, path),
        readDaemon(daemon, '/containers/json?all=1'),
        readDaemon(daemon, '/images/json'),
      ]);
      return scopeInfo(info, scopeContainers(scope, containers), scopeImages(scope, images));
    }
  }
}

/** Passes a small request on and its answer back whole, which it returns when it is a success. */
function forwardAndRead(
  request: IncomingMessage,
  response: ServerResponse,
  daemon: DaemonAddress,
  body: Buffer,
): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve, reject) => {
    const upstream = http.request({
      ...daemon,
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

/** Notes what a create request made: the object, and the volumes a new container made. */
async function recordCreated(
  what: 'container' | 'volume' | 'network',
  answer: Record<string, unknown>,
  scope: PageScope,
  daemon: DaemonAddress,
): Promise<void> {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  if (what === 'volume') scope.created.volumes.add(text(answer['Name']));
  if (what === 'network') scope.created.networks.add(text(answer['Id']));
  if (what !== 'container') return;
  const id = text(answer['Id']);
  scope.created.containers.add(id);
  const container = (await readDaemon(daemon, `/containers/${id}/json`).catch(
    () => ({}),
  )) as Record<string, unknown>;
  const mounts = Array.isArray(container['Mounts'])
    ? (container['Mounts'] as Record<string, unknown>[])
    : [];
  for (const mount of mounts) {
    const name = text(mount['Name']);
    if (text(mount['Type']) === 'volume' && name && !scope.before.volumes.includes(name))
      scope.created.volumes.add(name);
  }
}

/** Passes a request on as it is, streaming both ways. */
function forward(
  request: IncomingMessage,
  response: ServerResponse,
  daemon: DaemonAddress,
  body?: Buffer,
): void {
  const upstream = http.request({
    ...daemon,
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

/** A hijacked connection (attach, exec, BuildKit's session): checked, then a raw tunnel. */
async function relayUpgrade(
  request: IncomingMessage,
  socket: net.Socket,
  head: Buffer,
  scope: PageScope,
  daemon: DaemonAddress,
): Promise<void> {
  const route = routeRequest(request.method ?? 'GET', request.url ?? '/');
  const refusal =
    route.kind === 'refuse'
      ? route.reason
      : route.kind === 'change'
        ? await checkChange(route.what, route.name, scope, daemon)
        : undefined;
  if (refusal) {
    const body = JSON.stringify({ message: describeRefusal(refusal) });
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
