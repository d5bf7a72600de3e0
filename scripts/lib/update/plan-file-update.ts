import { replaceValueToken } from '../core/named-values.ts';
import type { PageResult, ValueBinding } from '../judge/results.ts';
import { type OutputEdit, rewriteSource } from './rewrite-source.ts';
import { updatedOutput } from './updated-output.ts';

/** What `--update` did to one file. */
export interface FileUpdate {
  file: string;
  /** Lines of the commands whose output was rewritten. */
  rewritten: number[];
  /** Drifted steps left as they were, and why (e.g. a line would read as a command). */
  refused: { line: number; reason: string }[];
}

/** Writes each bound value as the page shows it, wherever this machine's text stands. */
function restoringValues(values: readonly ValueBinding[]): (text: string) => string {
  const bound = values.filter(
    (value) => value.actual !== undefined && value.actual !== value.shown,
  );
  return (text) =>
    bound.reduce((line, value) => replaceValueToken(line, value.actual ?? '', value.shown), text);
}

export interface PlannedUpdate {
  source: string;
  update: FileUpdate;
}

/**
 * Plans `--update` for one file: the documented output of every drifted step of a drifted
 * snippet is rewritten. Failed snippets are left alone: a command that exits with the wrong
 * code needs a person, not a rewrite.
 */
export function planFileUpdate(source: string, page: PageResult): PlannedUpdate {
  const edits: OutputEdit[] = [];
  const update: FileUpdate = { file: page.file, rewritten: [], refused: [] };
  const restoreValues = restoringValues(page.values);
  for (const result of page.results) {
    if (result.status !== 'drift' || result.snippet.body.kind !== 'transcript') continue;
    const { prompt } = result.snippet.body;
    for (const step of result.steps) {
      const [mismatch] = step.valueMismatches;
      if (mismatch) {
        update.refused.push({
          line: step.line,
          reason: `${mismatch.name} is \`${mismatch.found.text}\` here but \`${mismatch.bound.text}\` at line ${mismatch.bound.line}, where the page first printed it: a person must decide`,
        });
        continue;
      }
      if (!step.comparison || step.comparison.matches || !step.documentedLines) continue;
      const output = updatedOutput(step.documented, step.comparison, prompt, restoreValues);
      if (!output.ok) {
        update.refused.push({ line: step.line, reason: output.reason });
        continue;
      }
      edits.push({
        lines: step.documentedLines,
        output: output.lines,
        linePrefix: result.snippet.linePrefix,
      });
      update.rewritten.push(step.line);
    }
  }
  return { source: edits.length > 0 ? rewriteSource(source, edits) : source, update };
}
