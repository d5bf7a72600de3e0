import { listCommandSteps, type Snippet } from '../extract/snippet.ts';
import { classifyFailure } from '../judge/classify-failure.ts';
import { compareOutput } from '../judge/compare-output.ts';
import { applyFilters, splitOutput, toLines } from '../judge/filters.ts';
import { isStepWrong, type SnippetResult, type StepOutcome } from '../judge/results.ts';
import type { Session } from './session/session.ts';

export interface SnippetContext {
  session: Session;
  defaultTimeoutSeconds: number;
  isDaemonAlive(): Promise<boolean>;
}

/** Each command's expected exit code: one value is the last command's, a list is in order. */
function expectedExitCodes(snippet: Snippet, count: number): number[] | string {
  const exit = snippet.options.exit;
  if (exit === undefined) return Array(count).fill(0);
  if (exit.length === 1) return [...Array(count - 1).fill(0), exit[0] ?? 0];
  if (exit.length === count) return exit;
  return `exit=${exit.join(',')} gives ${exit.length} exit codes for ${count} commands`;
}

/**
 * Runs a snippet's commands in its page's session and judges each: the exit code always,
 * the output for transcripts. Stops at a timeout (the page cannot go on after one) or at an
 * environment problem, which is reported as such instead of as drift.
 */
export async function runSnippet(
  snippet: Snippet,
  context: SnippetContext,
): Promise<SnippetResult> {
  const steps = listCommandSteps(snippet);
  const exitCodes = expectedExitCodes(snippet, steps.length);
  if (typeof exitCodes === 'string') {
    return {
      status: 'error',
      snippet,
      steps: [],
      problem: { code: 'INVALID_OPTION', message: exitCodes },
    };
  }
  const isTranscript = snippet.body.kind === 'transcript';
  const timeoutMs = (snippet.options.timeoutSeconds ?? context.defaultTimeoutSeconds) * 1000;
  const outcomes: StepOutcome[] = [];
  const started = performance.now();
  for (const [index, step] of steps.entries()) {
    const outcome = await context.session.run(step.command, {
      tty: snippet.options.tty,
      stdin: snippet.options.stdin,
      timeoutMs,
    });
    if (!outcome.hasStarted) {
      return {
        status: 'error',
        snippet,
        steps: outcomes,
        problem: { code: 'SANDBOX_FAILED', message: outcome.shortMessage },
      };
    }
    const actual = splitOutput(outcome.all);
    const comparison = isTranscript ? compareOutput(step.expected, actual) : undefined;
    const shown = comparison?.actual ?? applyFilters(toLines(actual), 'display');
    const stepOutcome: StepOutcome = {
      command: step.command,
      line: step.line,
      expectedExitCode: exitCodes[index] ?? 0,
      exitCode: outcome.exitCode,
      comparison,
      output: shown.map((line) => line.text),
      documented: step.expected,
      documentedLines: isTranscript ? step.expectedLines : undefined,
      durationMs: outcome.durationMs,
    };
    outcomes.push(stepOutcome);
    const durationMs = performance.now() - started;
    if (outcome.timedOut) return { status: 'timeout', snippet, steps: outcomes, durationMs };
    if (isStepWrong(stepOutcome)) {
      const problem = (await context.isDaemonAlive())
        ? classifyFailure(outcome.all, step.expected)
        : {
            code: 'DAEMON_DIED' as const,
            message: 'The Docker daemon stopped answering during the page',
          };
      if (problem) return { status: 'error', snippet, steps: outcomes, problem };
    }
  }
  const durationMs = performance.now() - started;
  const isFailed = outcomes.some((step) => step.exitCode !== step.expectedExitCode);
  const isDrift = outcomes.some((step) => step.comparison?.matches === false);
  return {
    status: isFailed ? 'failed' : isDrift ? 'drift' : 'pass',
    snippet,
    steps: outcomes,
    durationMs,
  };
}
