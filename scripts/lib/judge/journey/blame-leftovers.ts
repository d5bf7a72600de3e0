/**
 * A page of a journey that went wrong because of what an earlier page left: its wrong
 * commands get a cause naming that page, found in what they printed that the page does not
 * document (`The container name "/registry" is already in use`, `Bind for 0.0.0.0:5000
 * failed: port is already allocated`, a listing row too many, `mkdir: ... File exists`), and
 * for images also in what the page documents and did not happen (a first pull). Pure.
 */
import type { Cause, LeftBy } from '../causes.ts';
import {
  isNotRun,
  isStepWrong,
  type PageResult,
  type SnippetResult,
  type StepOutcome,
} from '../results.ts';
import { mentions } from './track-leftovers.ts';

/** Lines a wrong command printed that its page does not document, and documented lines it did not print. */
export function listEvidence(step: StepOutcome): { printed: string[]; missing: string[] } {
  const { comparison } = step;
  if (!comparison || comparison.matches) return { printed: step.output, missing: [] };
  const printed: string[] = [];
  const missing: string[] = [];
  for (const op of comparison.alignment.ops) {
    if (op.op === 'added') printed.push(comparison.actual[op.actual]?.text ?? '');
    if (op.op === 'removed') missing.push(comparison.expected[op.expected]?.text ?? '');
  }
  // A wrong exit code with output as documented: the output is still the evidence.
  return step.exitCode !== step.expectedExitCode && printed.length === 0
    ? { printed: step.output, missing }
    : { printed, missing };
}

const portTaken = /already allocated|address already in use|port is already|bind/i;

/** Whether the evidence of a wrong command points at a leftover. */
export function isBlamed(
  left: LeftBy,
  evidence: { printed: string[]; missing: string[] },
): boolean {
  const { subject } = left;
  const { printed, missing } = evidence;
  switch (subject.kind) {
    case 'port':
      return printed.some(
        (line) => portTaken.test(line) && new RegExp(`[:\\s]${subject.port}(?!\\d)`).test(line),
      );
    case 'image': {
      // A first pull the page shows that did not happen, or a listing row it does not show.
      const repository = subject.name.replace(/:[^:/]+$/, '');
      const short = repository.replace(/^(?:docker\.io\/)?library\//, '');
      return [...printed, ...missing].some(
        (line) => mentions(line, subject.name) || mentions(line, short),
      );
    }
    case 'file': {
      const top = subject.path.replace(/^~\//, '');
      return printed.some((line) => mentions(line, top));
    }
    case 'container':
      // By name (`"/registry" is already in use`, a listing row) or by ID (a prune's list).
      return printed.some(
        (line) =>
          mentions(line, subject.name) ||
          line.includes(`"/${subject.name}"`) ||
          line.includes(subject.id.slice(0, 12)),
      );
    default:
      return printed.some((line) => mentions(line, subject.name));
  }
}

function blameStep(step: StepOutcome, left: readonly LeftBy[]): StepOutcome {
  if (!isStepWrong(step)) return step;
  const evidence = listEvidence(step);
  const causes: Cause[] = left
    .filter((entry) => isBlamed(entry, evidence))
    .map((entry) => ({ kind: 'left-by', subject: entry.subject, page: entry.page }));
  return causes.length === 0 ? step : { ...step, causes: [...(step.causes ?? []), ...causes] };
}

function blameSnippet(result: SnippetResult, left: readonly LeftBy[]): SnippetResult {
  if (isNotRun(result) || result.status === 'pass') return result;
  return { ...result, steps: result.steps.map((step) => blameStep(step, left)) };
}

/** The page's results, each wrong command with the leftovers of earlier pages it met. */
export function blameLeftovers(page: PageResult, left: readonly LeftBy[]): PageResult {
  if (left.length === 0) return page;
  return { ...page, results: page.results.map((result) => blameSnippet(result, left)) };
}
