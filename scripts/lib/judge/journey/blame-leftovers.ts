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

/** `busybox:latest` → `busybox`, `latest` (Docker Hub's official images without `library/`). */
function splitImage(name: string): { repository: string; tag: string } {
  const at = name.lastIndexOf(':');
  const isTag = at > name.lastIndexOf('/');
  const repository = (isTag ? name.slice(0, at) : name).replace(/^(?:docker\.io\/)?library\//, '');
  return { repository, tag: isTag ? name.slice(at + 1) : 'latest' };
}

/**
 * An image an earlier page pulled or built: the page documents a first pull of it that did
 * not happen (`Unable to find image 'busybox:latest' locally`, `latest: Pulling from
 * library/busybox`), or a listing shows a row of it the page does not (`busybox   latest`,
 * `busybox:latest`). A Dockerfile's `FROM busybox` in a build's error is neither.
 */
function isImageBlamed(name: string, evidence: { printed: string[]; missing: string[] }): boolean {
  const { repository, tag } = splitImage(name);
  const ref = escapeRegExp(`${repository}:${tag}`);
  const pull = new RegExp(
    `Unable to find image '(?:docker\\.io/)?(?:library/)?${ref}' locally|^${escapeRegExp(tag)}: Pulling from (?:library/)?${escapeRegExp(repository)}$|Downloaded newer image for (?:docker\\.io/)?(?:library/)?${ref}$`,
  );
  const row = new RegExp(
    `^(?:[│├└─ ]*)(?:${escapeRegExp(repository)}\\s+${escapeRegExp(tag)}|${ref})(?:\\s|$)`,
  );
  return (
    evidence.missing.some((line) => pull.test(line.trim())) ||
    evidence.printed.some((line) => row.test(line.trim()))
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Docker's and the shell's words for a name already taken. */
const taken = /already (?:exists|in use)|File exists|is in use|Conflict/i;

/**
 * Whether one printed line points at a named leftover: a message that says the name is
 * taken and names it, or a listing row that ends with it (`docker ps`'s NAMES, `docker
 * volume ls`, `docker network ls`, `ls`). A name only mentioned (a `registry` in an npm
 * error) is not enough: names are often plain words.
 */
function pointsAt(line: string, name: string): boolean {
  const trimmed = line.trim();
  if (trimmed === name || new RegExp(`\\s${escapeRegExp(name)}$`).test(trimmed)) return true;
  return taken.test(line) && (mentions(line, name) || line.includes(`"/${name}"`));
}

/** Whether the evidence of a wrong command points at a leftover. */
export function isBlamed(
  left: LeftBy,
  evidence: { printed: string[]; missing: string[] },
): boolean {
  const { subject } = left;
  const { printed } = evidence;
  switch (subject.kind) {
    case 'port':
      return printed.some(
        (line) => portTaken.test(line) && new RegExp(`[:\\s]${subject.port}(?!\\d)`).test(line),
      );
    case 'image':
      return isImageBlamed(subject.name, evidence);
    case 'file':
      return printed.some((line) => pointsAt(line, subject.path.replace(/^~\//, '')));
    case 'container':
      // A prune or `ps -q` lists it by ID.
      return printed.some(
        (line) => pointsAt(line, subject.name) || line.includes(subject.id.slice(0, 12)),
      );
    default:
      return printed.some((line) => pointsAt(line, subject.name));
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
