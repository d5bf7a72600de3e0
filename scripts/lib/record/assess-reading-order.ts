/**
 * What the record proves of a page in reading order, as it is now: the legs on which a
 * journey passed it with the text it has now and the text of every page before it (the
 * journey hash, record-reading-order.ts), and the newest day of those proofs. Pure.
 */
import type { PageRecord } from './record-schema.ts';

export interface ReadingOrderProof {
  legs: string[];
  day: string;
}

export function assessReadingOrder(
  record: PageRecord | undefined,
  hash: string | undefined,
): ReadingOrderProof | undefined {
  if (!hash) return undefined;
  const proofs = Object.entries(record?.readingOrder ?? {}).filter(
    ([, entry]) => entry.result === 'pass' && entry.hash === hash,
  );
  const day = proofs
    .map(([, entry]) => entry.date)
    .sort()
    .at(-1);
  return day ? { legs: proofs.map(([leg]) => leg).sort(), day } : undefined;
}
