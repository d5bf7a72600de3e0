import type { PromptSymbol } from '../core/transcript.ts';
import type { OutputComparison } from '../judge/compare-output.ts';

/** A line of rewritten output: a documented line kept byte for byte, or new text. */
export type OutputLine = { kind: 'keep'; index: number } | { kind: 'new'; text: string };

export type UpdatedOutput = { ok: true; lines: OutputLine[] } | { ok: false; reason: string };

/**
 * The documented output a drifted step should have: documented lines that still match are
 * kept as they are (no churn of IDs or realistic values), `...` lines that still stand for
 * something stay, and the rest is what the command printed now, with the page's named
 * values shown as the page shows them (`restoreValues`), never as this machine printed them.
 * `documented` are the raw documented lines the comparison was made from; `index` in the
 * result points into them.
 */
export function updatedOutput(
  documented: readonly string[],
  comparison: OutputComparison,
  prompt: PromptSymbol,
  restoreValues: (text: string) => string = (text) => text,
): UpdatedOutput {
  const lines: OutputLine[] = [];
  for (const op of comparison.alignment.ops) {
    if (op.op === 'same' || op.op === 'wildcard') {
      lines.push({ kind: 'keep', index: comparison.expected[op.expected]?.origin ?? 0 });
    } else if (op.op === 'added') {
      lines.push({ kind: 'new', text: restoreValues(comparison.actual[op.actual]?.text ?? '') });
    }
  }
  const texts = lines.map((line) =>
    line.kind === 'keep' ? (documented[line.index] ?? '') : line.text,
  );
  const ambiguous = texts.findIndex(
    (text, index) =>
      text === prompt || text.startsWith(`${prompt} `) || (index === 0 && /^>(?: |$)/.test(text)),
  );
  if (ambiguous !== -1) {
    return {
      ok: false,
      reason: `output line ${ambiguous + 1} (\`${texts[ambiguous]}\`) would read as a command, so it was not written`,
    };
  }
  return { ok: true, lines };
}
