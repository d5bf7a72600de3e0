// Not `import ... from 'node:http'`: the ES module view of node:http reads every export,
// among them the lazy WebSocket getters that load undici: 40 ms at each start-up.
const { request } = process.getBuiltinModule('node:http');

/**
 * Spread into the options of a plain HTTP request: it has no TLS server name to work out.
 * Without it, Node's agent derives one from the host of every request, and the first time
 * compiles `net.isIPv6`'s pattern: 13 ms of every start, before the first page.
 */
export const noServerName = { servername: '' } as const;

/**
 * A GET on the Docker Engine API, straight over the daemon's socket. Listing what exists
 * through the CLI costs a process per call (tens of milliseconds each); the API answers the
 * same in about a millisecond. Only plain endpoints (`unix://`, `tcp://` without TLS) are
 * spoken here; for others the caller falls back to the CLI.
 */
export function canUseApi(host: string, env: Readonly<Record<string, string>>): boolean {
  const isTls = env.DOCKER_TLS_VERIFY !== undefined && env.DOCKER_TLS_VERIFY !== '';
  return host.startsWith('unix://') || (host.startsWith('tcp://') && !isTls);
}

export function getJson(host: string, path: string, timeoutMs = 30_000): Promise<unknown> {
  const target = host.startsWith('unix://')
    ? { socketPath: host.slice('unix://'.length) }
    : {
        host: new URL(host.replace(/^tcp:/, 'http:')).hostname,
        port: Number(new URL(host.replace(/^tcp:/, 'http:')).port || 2375),
      };
  return new Promise((resolve, reject) => {
    const call = request(
      { ...target, ...noServerName, path, method: 'GET', timeout: timeoutMs },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode !== 200)
            reject(new Error(`GET ${path}: HTTP ${response.statusCode}: ${body.trim()}`));
          else resolve(JSON.parse(body));
        });
      },
    );
    call.on('timeout', () => call.destroy(new Error(`GET ${path}: no answer in ${timeoutMs} ms`)));
    call.on('error', reject);
    call.end();
  });
}
