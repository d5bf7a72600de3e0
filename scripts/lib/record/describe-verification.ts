/**
 * The record in readers' words: which Docker Engine versions and image stores an example
 * was verified on, and when. Pure; the site's statement and marks use it.
 */
import { parseVersionParts } from '../core/version-range.ts';
import { type BlockAssessment, type LegProof, listPageProofs } from './assess-page.ts';

const storeNames: Record<string, string> = { containerd: 'containerd', overlay2: 'classic' };

/** `26 November 2026`, from `2026-11-26`, whatever the machine's zone. */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

const byVersionDescending = (a: string, b: string) => b.localeCompare(a, 'en', { numeric: true });

/**
 * The upstream release a build reports: `26.1.5` for Debian's `26.1.5+dfsg1`. Readers know
 * releases; a distribution's suffix is a fact of the machine that verified, not of Docker.
 */
export function describeRelease(version: string): string {
  return parseVersionParts(version)?.join('.') ?? version;
}

/**
 * `Docker Engine 28.5.2 (containerd and classic image stores) and 26.1.5 (classic image
 * store)`: versions newest first, each with the stores it was verified with.
 */
export function describeEngines(proofs: readonly Pick<LegProof, 'server' | 'store'>[]): string {
  const releaseOf = (proof: Pick<LegProof, 'server'>) => describeRelease(proof.server);
  const servers = [...new Set(proofs.map(releaseOf))].sort(byVersionDescending);
  const parts = servers.map((server) => {
    const stores = [
      ...new Set(
        proofs
          .filter((proof) => releaseOf(proof) === server && proof.store !== null)
          .map((proof) => storeNames[proof.store ?? ''] ?? `${proof.store}`),
      ),
    ].sort((a, b) => (a === 'containerd' ? -1 : b === 'containerd' ? 1 : a.localeCompare(b)));
    if (stores.length === 0) return server;
    return `${server} (${joinWords(stores)} image ${stores.length === 1 ? 'store' : 'stores'})`;
  });
  return `Docker Engine ${joinWords(parts)}`;
}

/** The newest day among proofs, `YYYY-MM-DD`. */
export function newestDay(proofs: readonly Pick<LegProof, 'date'>[]): string | undefined {
  return proofs
    .map((proof) => proof.date)
    .sort()
    .at(-1);
}

export interface BlockMark {
  /** Whether the block's current text is proven on every leg it holds on. */
  isVerified: boolean;
  /** One sentence for readers. */
  text: string;
  /** The newest day of its proofs, for `<time datetime>`. */
  day: string | undefined;
}

/** What a block's mark says. */
export function describeBlock(block: BlockAssessment): BlockMark {
  const day = newestDay(block.passed);
  const verified = day
    ? `Verified on ${describeEngines(block.passed)}, ${formatDay(day)}`
    : undefined;
  switch (block.state) {
    case 'verified':
      return { isVerified: true, text: verified ?? '', day };
    case 'partial': {
      const pending = [...block.failed.map((proof) => proof.leg), ...block.missing];
      return {
        isVerified: false,
        text: `${verified}; not verified on ${joinWords([...new Set(pending)])}`,
        day,
      };
    }
    case 'failing':
      return { isVerified: false, text: 'Not verified: it did not pass when last run', day };
    case 'skipped':
      return {
        isVerified: false,
        text: `Not verified: ${block.snippet.options.skip ?? 'skipped'}`,
        day: undefined,
      };
    default:
      return {
        isVerified: false,
        text: 'Not yet verified: this example changed since the examples were last verified',
        day: undefined,
      };
  }
}

export interface PageStatement {
  /** `Docker Engine 28.5.2 (…) and 26.1.5 (…)`, or undefined when nothing is proven. */
  engines: string | undefined;
  /** The newest day of the page's proofs. */
  day: string | undefined;
  /** Blocks proven nowhere (changed since the record was written, or failing): left out. */
  unproven: number;
}

/**
 * What the page says of its examples: the engines and stores every block that holds there
 * was verified on. Blocks proven nowhere are left out of the claim and counted instead, so
 * one changed example does not hide what the others prove. `undefined` for a page without
 * examples.
 */
export function describePage(blocks: readonly BlockAssessment[]): PageStatement | undefined {
  if (blocks.length === 0) return undefined;
  const proven = blocks.filter(
    (block) => block.state !== 'unrecorded' && block.state !== 'failing',
  );
  const proofs = listPageProofs(proven);
  return {
    engines: proofs.length > 0 ? describeEngines(proofs) : undefined,
    day: newestDay(proofs),
    unproven: blocks.length - proven.length,
  };
}
