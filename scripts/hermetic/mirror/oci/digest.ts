import { createHash } from 'node:crypto';

/** Pure: `sha256:<hex>` of some bytes, as OCI descriptors name them. */
export function digestOf(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
