/**
 * A page's record after a run: what the run proved replaces what it proved before, on the
 * legs it ran on; everything else stays. Pure.
 */
import type { StartedLeg } from '../core/legs.ts';
import type { Page, Snippet } from '../extract/snippet.ts';
import type { PageResult, SnippetResult } from '../judge/results.ts';
import type { BlockRecord, LegEntry, PageRecord } from './record-schema.ts';

/** A leg of the run as the record describes it. */
/** A leg as the record keeps it: its name, store and versions. */
export type RecordedLeg = Pick<StartedLeg, 'name' | 'store' | 'versions'>;

export interface RecordUpdate {
  page: Page;
  /** The page as the record names it (record-path.ts). */
  pageName: string;
  previous: PageRecord | undefined;
  /** The page's results on each leg that ran it. */
  results: readonly PageResult[];
  legs: readonly RecordedLeg[];
  /** Today, `YYYY-MM-DD` (UTC). */
  today: string;
}

function isSameProof(a: LegEntry, b: Omit<LegEntry, 'date'>): boolean {
  return (
    a.result === b.result &&
    a.client === b.client &&
    a.server === b.server &&
    a.containerd === b.containerd &&
    a.runc === b.runc &&
    a.store === b.store
  );
}

/**
 * What a leg's result does to the block's entry for that leg: a verdict replaces it (its
 * date kept when nothing changed); a block for other legs, or skipped on purpose, has none;
 * an environment error, or a snippet not run because the page stopped, proves nothing new,
 * so the entry stays as it was.
 */
function nextEntry(
  result: SnippetResult,
  leg: RecordedLeg,
  previous: LegEntry | undefined,
  today: string,
): LegEntry | undefined {
  const { status } = result;
  // Left to other legs, or shown without running: nothing is proven here.
  if (status === 'excluded' || status === 'unchecked') return undefined;
  if (status === 'skipped') return result.snippet.options.skip ? undefined : previous;
  if (status === 'error') return previous;
  const proof = {
    result: status,
    client: leg.versions.client,
    server: leg.versions.server,
    containerd: leg.versions.containerd ?? null,
    runc: leg.versions.runc ?? null,
    store: leg.store ?? null,
  };
  return { ...proof, date: previous && isSameProof(previous, proof) ? previous.date : today };
}

function recordBlock(
  snippet: Snippet,
  previous: BlockRecord | undefined,
  update: RecordUpdate,
): BlockRecord {
  const legs: Record<string, LegEntry> = { ...previous?.legs };
  if (snippet.body.kind === 'file') return { line: snippet.line, hash: snippet.hash, legs: {} };
  for (const page of update.results) {
    const leg = update.legs.find((candidate) => candidate.name === page.leg);
    const result = page.results.find((candidate) => candidate.snippet.line === snippet.line);
    if (!leg || !result) continue;
    const entry = nextEntry(result, leg, legs[leg.name], update.today);
    if (entry) legs[leg.name] = entry;
    else delete legs[leg.name];
  }
  return { line: snippet.line, hash: snippet.hash, legs };
}

/**
 * The page's new record: one block per snippet, in page order. A block whose text is
 * unchanged (same hash; equal blocks pair up in order) keeps its entries for the legs that
 * did not run; a changed block starts afresh; blocks the page no longer has are dropped.
 */
export function updatePageRecord(update: RecordUpdate): PageRecord {
  const earlier = new Map<string, BlockRecord[]>();
  for (const block of update.previous?.blocks ?? []) {
    earlier.set(block.hash, [...(earlier.get(block.hash) ?? []), block]);
  }
  const blocks = update.page.snippets.map((snippet) =>
    recordBlock(snippet, earlier.get(snippet.hash)?.shift(), update),
  );
  // A run of pages alone proves nothing about reading order: what a journey proved stays.
  const readingOrder = update.previous?.readingOrder;
  return { page: update.pageName, blocks, ...(readingOrder ? { readingOrder } : {}) };
}
