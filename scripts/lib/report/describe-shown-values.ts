/**
 * What a report says of a shown value that is not true of the real output: one short clause
 * for the finding's summary, and one line each that names both places or both values. Pure.
 */
import { describePart } from '../config/published-values.ts';
import type { ShownValueProblem } from '../judge/results.ts';
import type { StyledLine } from './colors.ts';

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;

/** A published value in the form the page shows its own: as long, with `sha256:` if it has it. */
function asShown(shown: string, hex: string): string {
  const digits = shown.replace(/^sha256:/, '');
  const form = hex.length > digits.length ? hex.slice(0, digits.length) : hex;
  return shown.startsWith('sha256:') ? `sha256:${form}` : form;
}

/** The summary's clause for a step's problems (each kind once). */
export function summarizeShownValues(problems: readonly ShownValueProblem[]): string[] {
  const kinds = new Set(problems.map((problem) => problem.kind));
  const clauses: string[] = [];
  if (kinds.has('id-differs')) clauses.push('an ID shown twice is two values in the real output');
  if (kinds.has('ids-merge')) clauses.push('two IDs shown are one value in the real output');
  if (kinds.has('size')) clauses.push('a size is off by more than the tolerance');
  if (
    ['not-published', 'half-published', 'unconfirmed', 'published-elsewhere'].some((kind) =>
      kinds.has(kind as ShownValueProblem['kind']),
    )
  )
    clauses.push("a value shown is not Docker Hub's");
  return clauses;
}

function describe(file: string, problem: ShownValueProblem): string {
  const at = `${file}:${problem.line}`;
  switch (problem.kind) {
    case 'id-differs':
      return `${problem.shown} stands for ${problem.first.actual} at ${file}:${problem.first.line} but for ${problem.actual} at ${at}: show the second as a value of its own`;
    case 'ids-merge':
      return `${problem.shown} (${at}) and ${problem.other.shown} (${file}:${problem.other.line}) are one value in the real output, ${problem.actual}: show it the same both times`;
    case 'size':
      return `${problem.shown} at ${at}, but the command printed ${problem.actual} (more than ${percent(problem.tolerance)} off)`;
    case 'not-published':
      return `${problem.shown} at ${at} stands for ${describePart(problem.published)}, which Docker Hub publishes as ${asShown(problem.shown, problem.published.hex)}`;
    case 'half-published':
      return `${problem.shown} at ${at} starts as ${describePart(problem.published)} (${asShown(problem.shown, problem.published.hex)}) but goes on otherwise: half of it is invented`;
    case 'unconfirmed':
      return `${problem.shown} at ${at}: ${describePart(problem.published)} is known only as ${problem.published.hex}…, so the rest cannot be confirmed (show no more of it, or mark the block example-values)`;
    case 'published-elsewhere':
      return `${problem.shown} at ${at} is ${describePart(problem.published)}, but the command printed ${problem.actual}, which is not`;
  }
}

/** One line per problem, in the diff's colours. */
export function showShownValues(
  file: string,
  problems: readonly ShownValueProblem[],
): StyledLine[] {
  return problems.map((problem) => ({
    style: 'removed' as const,
    text: `-${describe(file, problem)}`,
  }));
}
