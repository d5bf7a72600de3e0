import type { PageResult, StepOutcome } from '../judge/results.ts';
import { createValueRestorer } from './restore-values.ts';
import { type OutputEdit, rewriteSource } from './rewrite-source.ts';
import { updatedOutput } from './updated-output.ts';

export interface Refusal {
  line: number;
  reason: string;
}

/** What `--update` (or `--review`) did to one file. */
export interface FileUpdate {
  file: string;
  /** Lines of the commands whose output was rewritten. */
  rewritten: number[];
  /** Drifted steps left as they were, and why (e.g. a line would read as a command). */
  refused: Refusal[];
  /** Lines of the commands a person saw in `--review` and did not accept. */
  skipped: number[];
}

/**
 * What rewriting one drifted snippet would do on one leg: the edits of its output, the
 * steps they come from (for a diff), and the steps it cannot rewrite, with why.
 */
export interface SnippetChange {
  file: string;
  /** Line of the opening fence: the snippet's identity within the file. */
  line: number;
  edits: OutputEdit[];
  /** The drifted steps the edits rewrite, in order. */
  steps: StepOutcome[];
  refused: Refusal[];
}

/**
 * Plans the rewrite of each drifted snippet of a page on one leg: the documented output of
 * every drifted step is rewritten. Failed snippets are left alone: a command that exits with
 * the wrong code needs a person, not a rewrite. Values are written as restore-values.ts says
 * (a named value as the page shows it; a named value printed unlike its first occurrence is
 * refused); a shown ID, digest or size that is not true is replaced by the real one.
 */
export function planSnippetChanges(page: PageResult): SnippetChange[] {
  const restorer = createValueRestorer(page);
  const changes: SnippetChange[] = [];
  for (const result of page.results) {
    const { body } = result.snippet;
    if (result.status !== 'drift') continue;
    if (body.kind !== 'transcript' && body.kind !== 'continuation') continue;
    // A fence typed in a container's session shows no host prompt.
    const family = body.kind === 'transcript' ? body.family : '$';
    const change: SnippetChange = {
      file: page.file,
      line: result.snippet.line,
      edits: [],
      steps: [],
      refused: [],
    };
    for (const step of result.steps) {
      const [mismatch] = step.valueMismatches;
      if (mismatch) {
        change.refused.push({
          line: step.line,
          reason: `${mismatch.name} is \`${mismatch.found.text}\` here but \`${mismatch.bound.text}\` at line ${mismatch.bound.line}, where the page first printed it: a person must decide`,
        });
        continue;
      }
      const hasFalseValues = step.shownValueProblems.length > 0;
      if (!step.comparison || !step.documentedLines) continue;
      if (step.comparison.matches && !hasFalseValues) continue;
      const output = updatedOutput(step.documented, step.comparison, family, {
        restoreLine: restorer.restoreLine,
        fixed: restorer.fixLines(step),
      });
      if (!output.ok) {
        change.refused.push({ line: step.line, reason: output.reason });
        continue;
      }
      change.edits.push({
        lines: step.documentedLines,
        output: output.lines,
        linePrefix: result.snippet.linePrefix,
      });
      change.steps.push(step);
    }
    changes.push(change);
  }
  return changes;
}

/** The command lines a change rewrites. */
export function listRewrittenLines(change: Pick<SnippetChange, 'steps'>): number[] {
  return change.steps.map((step) => step.line);
}

export interface PlannedUpdate {
  source: string;
  update: FileUpdate;
}

/** Plans `--update` for one file on one leg: every drifted snippet's change, applied. */
export function planFileUpdate(source: string, page: PageResult): PlannedUpdate {
  const changes = planSnippetChanges(page);
  const edits = changes.flatMap((change) => change.edits);
  return {
    source: edits.length > 0 ? rewriteSource(source, edits) : source,
    update: {
      file: page.file,
      rewritten: changes.flatMap(listRewrittenLines),
      refused: changes.flatMap((change) => change.refused),
      skipped: [],
    },
  };
}
