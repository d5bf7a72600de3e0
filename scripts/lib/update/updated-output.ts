import { matchPrompt, type PromptFamily } from '../core/prompts.ts';
import type { OutputComparison } from '../judge/compare-output.ts';
import type { Restored } from './restore-values.ts';

/** A line of rewritten output: a documented line kept byte for byte, or new text. */
export type OutputLine = { kind: 'keep'; index: number } | { kind: 'new'; text: string };

export type UpdatedOutput = { ok: true; lines: OutputLine[] } | { ok: false; reason: string };

/**
 * The documented output a drifted step should have: documented lines that still match are
 * kept as they are (no churn of IDs or realistic values), `...` lines that still stand for
 * something stay, and the rest is what the command printed now, restored as `restoring`
 * says (named values as the page shows them, never as this machine printed them); a kept
 * line whose shown values are false is written with the real ones (`restoring.fixed`).
 * `documented` are the raw documented lines the comparison was made from; `index` in the
 * result points into them.
 */
export interface Restoring {
  /** A printed line as it is written (named values, IDs, Docker Hub's values restored). */
  restoreLine(text: string): Restored;
  /** Documented lines whose shown values are false, by index, as they are written instead. */
  fixed: ReadonlyMap<number, Restored>;
}

const asPrinted: Restoring = { restoreLine: (text) => ({ ok: true, text }), fixed: new Map() };

export function updatedOutput(
  documented: readonly string[],
  comparison: OutputComparison,
  family: PromptFamily,
  restoring: Restoring = asPrinted,
): UpdatedOutput {
  const lines: OutputLine[] = [];
  // Blank lines between a command and its output are not compared, and stay as written.
  const firstCompared = comparison.expected[0]?.origin ?? documented.length;
  for (let index = 0; index < firstCompared && documented[index]?.trim() === ''; index++)
    lines.push({ kind: 'keep', index });
  const leadingBlanks = lines.length;
  for (const op of comparison.alignment.ops) {
    const restored =
      op.op === 'added'
        ? restoring.restoreLine(comparison.actual[op.actual]?.text ?? '')
        : op.op === 'same'
          ? restoring.fixed.get(comparison.expected[op.expected]?.origin ?? 0)
          : undefined;
    if (restored && !restored.ok) return restored;
    if (restored) lines.push({ kind: 'new', text: restored.text });
    else if (op.op === 'same' || op.op === 'wildcard')
      lines.push({ kind: 'keep', index: comparison.expected[op.expected]?.origin ?? 0 });
  }
  // ...unless no output is left for them to stand before.
  if (lines.length === leadingBlanks) lines.length = 0;
  const texts = lines.map((line) =>
    line.kind === 'keep' ? (documented[line.index] ?? '') : line.text,
  );
  const ambiguous = texts.findIndex(
    (text, index) =>
      matchPrompt(text, family) !== undefined || (index === 0 && /^>(?: |$)/.test(text)),
  );
  if (ambiguous !== -1) {
    return {
      ok: false,
      reason: `output line ${ambiguous + 1} (\`${texts[ambiguous]}\`) would read as a command, so it was not written`,
    };
  }
  return { ok: true, lines };
}
