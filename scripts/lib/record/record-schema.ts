/**
 * The verification record: what `npm run verify -- --record` proved, committed with the
 * docs, one JSON file per page (record-path.ts), read by the site at build time and by the
 * check in `npm test`. This schema is its only definition.
 */
import { z } from 'zod';

/** What a block's commands did on a leg, as the verifier judged them. */
export const recordedResults = ['pass', 'drift', 'failed', 'timeout'] as const;
export type RecordedResult = (typeof recordedResults)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a day such as 2026-11-26');

/** A block on one leg: the Docker it ran on, the result, and since when that holds. */
export const legEntrySchema = z.strictObject({
  result: z.enum(recordedResults),
  /**
   * The day this result was first recorded with these versions: a run that finds the same
   * text, versions and result keeps it, so the record changes only when something does.
   */
  date: day,
  client: z.string(),
  server: z.string(),
  containerd: z.string().nullable(),
  runc: z.string().nullable(),
  store: z.string().nullable(),
});
export type LegEntry = z.infer<typeof legEntrySchema>;

export const blockRecordSchema = z.strictObject({
  /** Where the block was when recorded: for people reading the record, not its identity. */
  line: z.number().int().positive(),
  /** core/block-hash.ts: what the block claims. */
  hash: z.string().regex(/^[0-9a-f]{16}$/),
  /** By leg name, in name order. A leg the block is not for, or was skipped on, is absent. */
  legs: z.record(z.string(), legEntrySchema),
});
export type BlockRecord = z.infer<typeof blockRecordSchema>;

/**
 * The page on one leg in a journey (`--journey --record`): verified in reading order, after
 * the pages before it, in one reader's Docker and folder. `hash` names the text it was proven
 * with: the page's blocks and those of every page before it (record/hash-journey.ts).
 */
export const readingOrderEntrySchema = z.strictObject({
  result: z.enum(recordedResults),
  date: day,
  hash: z.string().regex(/^[0-9a-f]{16}$/),
});
export type ReadingOrderEntry = z.infer<typeof readingOrderEntrySchema>;

export const pageRecordSchema = z.strictObject({
  /** The page, relative to the project root, with `/`. */
  page: z.string(),
  /** Every block the verifier reads on the page, in page order. */
  blocks: z.array(blockRecordSchema),
  /** By leg name: the page proven in reading order (absent until a journey is recorded). */
  readingOrder: z.record(z.string(), readingOrderEntrySchema).optional(),
});
export type PageRecord = z.infer<typeof pageRecordSchema>;

/** The record as written: keys in schema order, legs by name, two spaces, a final newline. */
export function serializeRecord(record: PageRecord): string {
  const ordered = {
    page: record.page,
    blocks: record.blocks.map((block) => ({
      line: block.line,
      hash: block.hash,
      legs: Object.fromEntries(
        Object.keys(block.legs)
          .sort()
          .map((name) => {
            const entry = block.legs[name] as LegEntry;
            return [
              name,
              {
                result: entry.result,
                date: entry.date,
                client: entry.client,
                server: entry.server,
                containerd: entry.containerd,
                runc: entry.runc,
                store: entry.store,
              },
            ];
          }),
      ),
    })),
    ...(record.readingOrder && Object.keys(record.readingOrder).length > 0
      ? { readingOrder: serializeReadingOrder(record.readingOrder) }
      : {}),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function serializeReadingOrder(entries: Record<string, ReadingOrderEntry>) {
  return Object.fromEntries(
    Object.keys(entries)
      .sort()
      .map((name) => {
        const entry = entries[name] as ReadingOrderEntry;
        return [name, { result: entry.result, date: entry.date, hash: entry.hash }];
      }),
  );
}
