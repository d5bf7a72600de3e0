/** One Engine API call of the guard itself, with a JSON answer. */
import { noServerName } from '../../docker-api.ts';
import type { DaemonAddress } from './daemon-address.ts';

// Loaded this way for the reason given in ../../docker-api.ts.
const { request } = process.getBuiltinModule('node:http');

export interface DaemonAnswer {
  status: number;
  body: unknown;
  /** The raw text, for errors passed on as the daemon wrote them. */
  text: string;
}

export function callDaemon(
  address: DaemonAddress,
  method: string,
  path: string,
  body?: unknown,
): Promise<DaemonAnswer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = payload
    ? { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(payload)) }
    : {};
  return new Promise((resolve, reject) => {
    const call = request({ ...address, ...noServerName, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = text === '' ? undefined : JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        resolve({ status: response.statusCode ?? 0, body: parsed, text });
      });
      response.on('error', reject);
    });
    call.on('error', reject);
    call.end(payload);
  });
}

/** A GET whose answer must be 200; throws with the daemon's words otherwise. */
export async function readDaemon(address: DaemonAddress, path: string): Promise<unknown> {
  const answer = await callDaemon(address, 'GET', path);
  if (answer.status !== 200) throw new Error(`GET ${path}: HTTP ${answer.status}: ${answer.text}`);
  return answer.body;
}
