import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkChange } from '../../../../../../scripts/lib/run/engine/host/api-proxy/check-change.ts';
import { createPageScope } from '../../../../../../scripts/lib/run/engine/host/api-proxy/page-scope.ts';

const pageId = 'a'.repeat(64);
const userId = 'b'.repeat(64);

/** A daemon on a unix socket that knows one container, the user's, and counts what it is asked. */
let folder: string;
let server: Server;
let asked: string[];
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'dfv-guard-'));
  asked = [];
  server = createServer((request, response) => {
    asked.push(request.url ?? '');
    const isUser = request.url?.startsWith('/containers/user/json');
    response.writeHead(isUser ? 200 : 404, { 'content-type': 'application/json' });
    response.end(JSON.stringify(isUser ? { Id: userId } : { message: 'No such container' }));
  });
  await new Promise<void>((resolve) => server.listen(join(folder, 'docker.sock'), resolve));
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(folder, { recursive: true, force: true });
});

function makeScope() {
  const scope = createPageScope(
    { containers: [userId], images: [], volumes: [], networks: [] },
    Date.now(),
  );
  scope.created.containers.add(pageId);
  return scope;
}

describe('checkChange for containers', () => {
  it("lets the page's own container by its full ID pass without asking the daemon", async () => {
    const daemon = { socketPath: join(folder, 'docker.sock') };
    expect(await checkChange('container', pageId, makeScope(), daemon)).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it("refuses the user's container by name, asking the daemon what the name is", async () => {
    const daemon = { socketPath: join(folder, 'docker.sock') };
    expect(await checkChange('container', 'user', makeScope(), daemon)).toBe(
      'the container user is not one the page created',
    );
    expect(asked).toEqual(['/containers/user/json']);
  });
});
