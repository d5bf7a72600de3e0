import { formatDuration } from '../core/format.ts';
import { describeCause } from '../judge/causes.ts';
import type { PageResult, SnippetResult, StepOutcome } from '../judge/results.ts';
import { isNotRun, isPageFlaky, isStepWrong } from '../judge/results.ts';
import type { StyledLine } from './colors.ts';
import { showShownValues, summarizeShownValues } from './describe-shown-values.ts';
import { diffStep } from './format-diff.ts';

export type FindingStatus = 'drift' | 'failed' | 'timeout' | 'error';

/** One thing a reader of the report must look at, ready for any format. */
export interface Finding {
  status: FindingStatus;
  file: string;
  /** The leg the page ran on. */
  leg: string;
  /** The command's line, or the snippet's when no command ran. */
  line: number;
  /** One line: what went wrong, e.g. `exit code 1, expected 0`. */
  summary: string;
  /** The command, then a hint or the diff. */
  details: StyledLine[];
}

const shownCommandLines = 6;

export function showCommand(command: string): StyledLine[] {
  const lines = command.split('\n');
  const shown = lines.slice(0, shownCommandLines).map((text, index) => ({
    style: 'command' as const,
    text: `${index === 0 ? '$' : '>'} ${text}`,
  }));
  const hidden = lines.length - shown.length;
  if (hidden > 0) shown.push({ style: 'command', text: `  … ${hidden} more lines` });
  return shown;
}

const shownOutputLines = 10;

/**
 * The command's own output when the diff does not show it: a script (nothing documented
 * to diff against), or a wrong exit code whose output matched or was not compared. Its
 * last lines tell why it failed.
 */
function showOutputTail(step: StepOutcome): StyledLine[] {
  const isShownByDiff = step.comparison?.matches === false;
  const isExitWrong = step.exitCode !== step.expectedExitCode;
  if (isShownByDiff || (step.comparison && !isExitWrong) || step.output.length === 0) return [];
  const tail = step.output.slice(-shownOutputLines);
  const skipped = step.output.length - tail.length;
  return [
    {
      style: 'dim',
      text:
        skipped > 0 ? `output (last ${tail.length} of ${step.output.length} lines):` : 'output:',
    },
    ...tail.map((text) => ({ style: 'dim' as const, text: `  ${text}` })),
  ];
}

const errorLine = /error|denied|not found|refused|failed|cannot|unable|no such|invalid|unknown/i;
const longestCause = 200;

/** The line of a command's output that says why it failed: its last error-looking line. */
function findCause(output: readonly string[]): string | undefined {
  const lines = output.map((line) => line.trim()).filter((line) => line !== '');
  const cause = lines.findLast((line) => errorLine.test(line)) ?? lines.at(-1);
  return cause && cause.length > longestCause ? `${cause.slice(0, longestCause - 1)}…` : cause;
}

function summarizeStep(step: StepOutcome): string {
  if (step.exitCode === undefined) return `timed out after ${formatDuration(step.durationMs)}`;
  const parts: string[] = [];
  if (step.exitCode !== step.expectedExitCode) {
    // Beside the exit code, unless the diff right below shows the output anyway.
    const cause = step.comparison?.matches === false ? undefined : findCause(step.output);
    parts.push(
      `exit code ${step.exitCode}, expected ${step.expectedExitCode}${cause ? `: ${cause}` : ''}`,
    );
  }
  if (step.comparison?.matches === false) parts.push('output differs from the documentation');
  for (const { name } of step.valueMismatches)
    parts.push(`${name} differs from where the page first printed it`);
  parts.push(...summarizeShownValues(step.shownValueProblems));
  // Another page as the reason (a reader's journey): said where every format says it.
  for (const cause of step.causes ?? []) parts.push(describeCause(cause));
  return parts.join('; ');
}

/** Each value printed unlike its first occurrence: both texts, both places. */
function showValueMismatches(file: string, step: StepOutcome): StyledLine[] {
  return step.valueMismatches.flatMap(({ name, bound, found }) => [
    {
      style: 'removed' as const,
      text: `-${name} = ${bound.text}  (${file}:${bound.line}, first printed)`,
    },
    { style: 'added' as const, text: `+${name} = ${found.text}  (${file}:${found.line})` },
  ]);
}

function findStepFindings(
  result: SnippetResult & { steps: StepOutcome[] },
  leg: string,
): Finding[] {
  const { file } = result.snippet;
  return result.steps
    .filter((step) => isStepWrong(step))
    .map((step) => ({
      status:
        step.exitCode === undefined ? 'timeout' : result.status === 'failed' ? 'failed' : 'drift',
      file,
      leg,
      line: step.line,
      summary: summarizeStep(step),
      details: [
        ...showCommand(step.command),
        ...cutLines(diffStep(file, step)),
        ...showValueMismatches(file, step),
        ...showShownValues(file, step.shownValueProblems),
        ...showOutputTail(step),
      ],
    }));
}

const longestDiff = 40;

/**
 * A long diff (a command that printed thousands of lines) keeps its start and its end, and
 * says how many lines it leaves out between them.
 */
export function cutLines(lines: readonly StyledLine[], most = longestDiff): StyledLine[] {
  if (lines.length <= most) return [...lines];
  const head = lines.slice(0, Math.ceil(most / 2));
  const tail = lines.slice(lines.length - Math.floor(most / 4));
  const hidden = lines.length - head.length - tail.length;
  return [...head, { style: 'dim', text: `… ${hidden} more lines` }, ...tail];
}

/**
 * What went wrong in a snippet: one finding per wrong command (a snippet stops at the first
 * exit code it did not expect, but drifted output does not stop it), one for an environment
 * problem, none for a pass or a skip.
 */
export function findFindings(result: SnippetResult, leg: string): Finding[] {
  if (result.status === 'pass' || isNotRun(result)) return [];
  if (result.status !== 'error') return findStepFindings(result, leg);
  const { problem, snippet } = result;
  const step = result.steps.at(-1);
  const evidence = step && isStepWrong(step) ? cutLines(diffStep(snippet.file, step)) : [];
  return [
    {
      status: 'error',
      file: snippet.file,
      leg,
      line: step?.line ?? snippet.line,
      summary: problem.message,
      details: [
        ...(step ? showCommand(step.command) : []),
        ...(problem.hint ? [{ style: 'hint' as const, text: `hint: ${problem.hint}` }] : []),
        ...evidence,
      ],
    },
  ];
}

type ErrorResult = Extract<SnippetResult, { status: 'error' }>;

function isSetupError(result: SnippetResult | undefined): result is ErrorResult {
  return result?.status === 'error' && result.steps.length === 0;
}

function sameProblemNote(others: readonly SnippetResult[]): StyledLine {
  const lines = others.map((result) => result.snippet.line).join(', ');
  const snippets = others.length === 1 ? 'snippet' : 'snippets';
  return {
    style: 'dim',
    text: `same problem for ${others.length} more ${snippets}, lines ${lines}`,
  };
}

/**
 * The findings of a page in order. When the page's Docker world could not be set up, every
 * snippet has the same problem and no command: those become one finding that names the others.
 */
export function findPageFindings(page: PageResult): Finding[] {
  const groups: SnippetResult[][] = [];
  for (const result of page.results) {
    const group = groups.at(-1);
    const first = group?.[0];
    if (
      group &&
      isSetupError(first) &&
      isSetupError(result) &&
      first.problem.message === result.problem.message
    )
      group.push(result);
    else groups.push([result]);
  }
  return groups.flatMap(([first, ...others]) => {
    const found = first ? findFindings(first, page.leg) : [];
    if (others.length === 0) return found;
    return found.map((finding) => ({
      ...finding,
      details: [...finding.details, sameProblemNote(others)],
    }));
  });
}

/**
 * What went wrong on the attempts before a flaky page passed (`--retries`): the earlier
 * attempts' findings, each summary saying which attempt it was. None for a page that still
 * failed on its last attempt: its own findings say enough.
 */
export function findFlakyFindings(page: PageResult): Finding[] {
  if (!isPageFlaky(page)) return [];
  const earlier = page.earlierAttempts ?? [];
  const attempts = earlier.length + 1;
  return earlier.flatMap((attempt, index) =>
    findPageFindings(attempt).map((finding) => ({
      ...finding,
      summary: `flaky, attempt ${index + 1} of ${attempts} (passed on attempt ${attempts}): ${finding.summary}`,
    })),
  );
}
