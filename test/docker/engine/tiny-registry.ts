/**
 * A read-only registry on 127.0.0.1 that serves one image under every repository name, enough
 * for `docker pull` (as a mirror or by address). Counts requests, so a test can tell a pull
 * really went through it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ImageBlobs } from './busybox-image.ts';

export interface TinyRegistry {
  url: string;
  port: number;
  requests: string[];
  close(): Promise<void>;
}

const manifestType = 'application/vnd.docker.distribution.manifest.v2+json';

export async function startTinyRegistry(image: ImageBlobs): Promise<TinyRegistry> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    const path = request.url ?? '';
    requests.push(`${request.method} ${path}`);
    const send = (status: number, body: Buffer, headers: Record<string, string> = {}) => {
      response.writeHead(status, {
        'Docker-Distribution-API-Version': 'registry/2.0',
        'Content-Length': String(body.length),
        ...headers,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (path === '/v2/')
      return send(200, Buffer.from('{}'), { 'Content-Type': 'application/json' });
    if (/^\/v2\/.+\/manifests\/[^/]+$/.test(path)) {
      return send(200, image.manifest, {
        'Content-Type': manifestType,
        'Docker-Content-Digest': image.manifestDigest,
      });
    }
    const blob = /^\/v2\/.+\/blobs\/(sha256:[0-9a-f]{64})$/.exec(path);
    const data = blob?.[1] ? image.blobs.get(blob[1]) : undefined;
    if (data) return send(200, data, { 'Content-Type': 'application/octet-stream' });
    return send(404, Buffer.from('{"errors":[{"code":"NOT_FOUND"}]}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
