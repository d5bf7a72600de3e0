/**
 * What the record proves about a page as it is now: for each block, whether its current
 * text was recorded and on which legs it passed. The site shows this; the check in
 * `npm test` fails on anything less than every block proven on every leg of the matrix it
 * holds on. Pure.
 */
import { canHoldOnMatrixLeg } from '../core/conditions.ts';
import type { MatrixLeg } from '../core/legs.ts';
import type { Page, Snippet } from '../extract/snippet.ts';
import type { BlockRecord, LegEntry, PageRecord } from './record-schema.ts';

export const blockStates = [
  /** Passed on every leg of the matrix it holds on (without a matrix: on one leg at least). */
  'verified',
  /** Passed on some legs; failed on, or not yet run on, others it holds on. */
  'partial',
  /** Recorded, but passed nowhere. */
  'failing',
  /** Its text or options changed since the record was written, or it is new. */
  'unrecorded',
  /** `skip="why"`: not verified, on purpose. */
  'skipped',
  /** A file the page writes (`file="..."`): recorded so that editing it is noticed. */
  'file',
] as const;
export type BlockState = (typeof blockStates)[number];

export interface LegProof extends LegEntry {
  leg: string;
}

export interface BlockAssessment {
  snippet: Snippet;
  state: BlockState;
  /** Legs it passed on, by name. */
  passed: LegProof[];
  /** Legs it ran on and did not pass. */
  failed: LegProof[];
  /** Legs of the matrix it holds on without a passing entry. */
  missing: string[];
}

function proofsOf(block: BlockRecord | undefined): LegProof[] {
  return Object.entries(block?.legs ?? {}).map(([leg, entry]) => ({ leg, ...entry }));
}

function assessBlock(
  snippet: Snippet,
  block: BlockRecord | undefined,
  matrix: readonly MatrixLeg[],
): BlockAssessment {
  const proofs = proofsOf(block);
  const passed = proofs.filter((proof) => proof.result === 'pass');
  const failed = proofs.filter((proof) => proof.result !== 'pass');
  const missing = matrix
    .filter((leg) => canHoldOnMatrixLeg(snippet.options.condition, leg))
    .map((leg) => leg.name)
    .filter((name) => !passed.some((proof) => proof.leg === name));
  const assessed = { snippet, passed, failed, missing };
  if (!block) return { ...assessed, state: 'unrecorded' };
  if (snippet.body.kind === 'file') return { ...assessed, state: 'file', missing: [] };
  if (snippet.options.skip) return { ...assessed, state: 'skipped', missing: [] };
  if (passed.length === 0) return { ...assessed, state: 'failing' };
  const isWhole = missing.length === 0 && failed.length === 0;
  return { ...assessed, state: isWhole ? 'verified' : 'partial' };
}

/** Pairs each block of the page with its record by hash (equal blocks in order), and judges it. */
export function assessPage(
  page: Page,
  record: PageRecord | undefined,
  matrix: readonly MatrixLeg[],
): BlockAssessment[] {
  const recorded = new Map<string, BlockRecord[]>();
  for (const block of record?.blocks ?? []) {
    recorded.set(block.hash, [...(recorded.get(block.hash) ?? []), block]);
  }
  return page.snippets.map((snippet) =>
    assessBlock(snippet, recorded.get(snippet.hash)?.shift(), matrix),
  );
}

/** Blocks the record does not fully prove: what the check in `npm test` reports. */
export function findUnprovenBlocks(blocks: readonly BlockAssessment[]): BlockAssessment[] {
  return blocks.filter((block) => !['verified', 'skipped', 'file'].includes(block.state));
}

/**
 * The legs the page's examples were verified on: those some block passed on and no block
 * that holds there failed on or lacks, each with the newest proof of it.
 */
export function listPageProofs(blocks: readonly BlockAssessment[]): LegProof[] {
  const newest = new Map<string, LegProof>();
  for (const block of blocks) {
    for (const proof of block.passed) {
      const known = newest.get(proof.leg);
      if (!known || known.date < proof.date) newest.set(proof.leg, proof);
    }
  }
  const isBroken = (leg: string) =>
    blocks.some(
      (block) => block.missing.includes(leg) || block.failed.some((proof) => proof.leg === leg),
    );
  return [...newest.values()].filter((proof) => !isBroken(proof.leg));
}
