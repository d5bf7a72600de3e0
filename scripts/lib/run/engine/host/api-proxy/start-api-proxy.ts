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
import type net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DockerSnapshot } from '../plan-cleanup.ts';
import { listScoped, recordCreated } from './answer-scoped.ts';
import { checkChange, checkCreate, describeRefusal } from './check-change.ts';
import type { DaemonAddress } from './daemon-address.ts';
import { forward, forwardAndRead, relayUpgrade, sendJson } from './forward-request.ts';
import { createPageScope, normalizeImageName, type PageScope } from './page-scope.ts';
import { parsePruneFilters } from './prune-filters.ts';
import { prunePage } from './prune-page.ts';
import { listNamedImages, routeRequest } from './route-request.ts';

// Loaded this way for the reason given in ../../docker-api.ts.
const http = process.getBuiltinModule('node:http');

export interface ApiProxy {
  /** `unix://...`: the DOCKER_HOST of the page's session. */
  host: string;
  /** What the page created through the guard (see page-scope.ts), for the cleanup. */
  created: PageScope['created'];
  close(): Promise<void>;
}

/**
 * Starts the guard of one page: `before` is what the daemon had when the page started, and
 * `images` the images the page says it uses (frontmatter), which its listings show as if it
 * had pulled them.
 */
export async function startApiProxy(
  daemon: DaemonAddress,
  before: DockerSnapshot,
  images: readonly string[],
  debug: (message: string) => void,
): Promise<ApiProxy> {
  const folder = await mkdtemp(join(tmpdir(), 'dfv-api-'));
  const socketPath = join(folder, 'docker.sock');
  const scope = createPageScope(before);
  for (const image of images) scope.namedImages.add(normalizeImageName(image));
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
    checkUpgrade(request, scope, daemon)
      .then((refusal) => relayUpgrade(request, socket, head, daemon, refusal))
      .catch(() => socket.destroy());
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

/** Why a hijacked connection may not be made (an attach to the user's container), if so. */
async function checkUpgrade(
  request: IncomingMessage,
  scope: PageScope,
  daemon: DaemonAddress,
): Promise<string | undefined> {
  const route = routeRequest(request.method ?? 'GET', request.url ?? '/');
  const reason =
    route.kind === 'refuse'
      ? route.reason
      : route.kind === 'change'
        ? await checkChange(route.what, route.name, scope, daemon)
        : undefined;
  return reason && describeRefusal(reason);
}
