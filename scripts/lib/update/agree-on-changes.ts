/**
 * A page runs on every leg of the run; its file is one. A drifted snippet is rewritten only
 * where every leg that ran it would write the same output; where they disagree (one drifts
 * differently, or passes as written), writing one leg's output would break another's, so the
 * change is refused with what the writer should do instead. Pure.
 */
import type { PageResult, SnippetResult, StepOutcome } from '../judge/results.ts';
import { listRewrittenLines, planSnippetChanges, type SnippetChange } from './plan-file-update.ts';

/** One snippet's change that every leg that ran it agrees on. */
export interface AgreedChange extends SnippetChange {
  /** The legs it was planned on (all those the snippet ran on). */
  legs: string[];
}

/** A snippet the legs would rewrite differently: each leg's drifted steps, for a person to see. */
export interface DisputedChange {
  file: string;
  /** Its first drifted command's line, as drift is reported. */
  line: number;
  reason: string;
  variants: { leg: string; steps: StepOutcome[] }[];
}

export interface FileChanges {
  file: string;
  /** In file order. */
  changes: AgreedChange[];
  /** Snippets not rewritten because the legs disagree (also among `refused`). */
  disputed: DisputedChange[];
  /** Drifted steps no change rewrites, with why (legs disagree, a named value, ...). */
  refused: { line: number; reason: string }[];
}

const differentLegsHint =
  'show each variant in a block of its own with a condition (store="containerd", engine=">=29"), ' +
  'or name the value that differs in the frontmatter (verify.values)';

/** Whether a leg ran the snippet: a condition that keeps it off a leg makes no vote there. */
function hasRun(result: SnippetResult | undefined): boolean {
  return result !== undefined && !['skipped', 'excluded', 'unchecked'].includes(result.status);
}

function describeVote(leg: string, change: SnippetChange | undefined, result: SnippetResult) {
  if (change && change.edits.length > 0) return `${leg} drifts`;
  return `${leg} ${result.status === 'pass' ? 'passes as written' : result.status}`;
}

const sameEdits = (a: SnippetChange | undefined, b: SnippetChange | undefined) =>
  JSON.stringify(a?.edits ?? []) === JSON.stringify(b?.edits ?? []);

/**
 * The changes of one file from its pages' results on every leg, snippet by snippet (pages
 * of the same file share their snippets' fence lines).
 */
export function agreeOnChanges(file: string, pages: readonly PageResult[]): FileChanges {
  const perLeg = pages.map((page) => ({
    leg: page.leg,
    results: new Map(page.results.map((result) => [result.snippet.line, result])),
    changes: new Map(planSnippetChanges(page).map((change) => [change.line, change])),
  }));
  const lines = [...new Set(perLeg.flatMap(({ changes }) => [...changes.keys()]))].sort(
    (a, b) => a - b,
  );
  const agreed: FileChanges = { file, changes: [], disputed: [], refused: [] };
  for (const line of lines) {
    const voters = perLeg.filter(({ results }) => hasRun(results.get(line)));
    const [first] = voters.map(({ changes }) => changes.get(line));
    const votes = voters.map(({ leg, changes }) => ({ leg, change: changes.get(line) }));
    const drifted = votes.find((vote) => vote.change !== undefined)?.change;
    if (!drifted) continue;
    const refused = votes.flatMap((vote) => vote.change?.refused ?? []);
    if (votes.every((vote) => sameEdits(vote.change, first))) {
      if (drifted.edits.length > 0)
        agreed.changes.push({ ...drifted, legs: votes.map((vote) => vote.leg) });
      agreed.refused.push(...refused);
      continue;
    }
    const how = voters
      .map(({ leg, changes, results }) =>
        describeVote(leg, changes.get(line), results.get(line) as SnippetResult),
      )
      .join(', ');
    const reason = `the legs print different output here (${how}): writing one leg's output would break the others; ${differentLegsHint}`;
    const commandLines = [
      ...new Set(votes.flatMap((vote) => listRewrittenLines(vote.change ?? { steps: [] }))),
    ];
    agreed.refused.push(...commandLines.map((at) => ({ line: at, reason })), ...refused);
    agreed.disputed.push({
      file,
      line: commandLines.length > 0 ? Math.min(...commandLines) : line,
      reason,
      variants: votes.map((vote) => ({ leg: vote.leg, steps: vote.change?.steps ?? [] })),
    });
  }
  agreed.refused = dedupe(agreed.refused).sort((a, b) => a.line - b.line);
  return agreed;
}

function dedupe<T extends { line: number; reason: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.line}\n${item.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
