import type { EnvironmentProblem } from '../core/errors.ts';
import { matchContainerPrompt } from '../core/prompts.ts';
import { echoAnswers } from '../extract/prompt-answers.ts';
import type { PlannedStep } from '../plan/plan-page.ts';
import type { CommandJudge } from '../run/run-snippet.ts';
import type { ProcessResult } from '../system/run-process.ts';
import { createIdBinder } from './bind-ids.ts';
import { checkShownValues } from './check-shown-values.ts';
import { classifyFailure } from './classify-failure.ts';
import { compareOutput } from './compare-output.ts';
import { applyFilters, splitOutput, toLines } from './filters.ts';
import { findHiddenTool } from './find-hidden-tool.ts';
import { isStepWrong, type StepOutcome } from './results.ts';
import { splitSession } from './split-session.ts';
import { type Substitution, showSubstitutedIds, substituteIds } from './substitute-ids.ts';

/** One command judged. */
export interface CommandJudgement {
  outcome: StepOutcome;
  /** Its exit code or its output is not what the page documents. */
  isWrong: boolean;
  /** Why the environment, not the page, is at fault; the snippet ends there. */
  problem: EnvironmentProblem | undefined;
  /** The snippet goes no further: the command did not start, timed out, or hit a problem. */
  endsSnippet: boolean;
}

const daemonDied: EnvironmentProblem = {
  code: 'DAEMON_DIED',
  message: 'The Docker daemon stopped answering during the page',
};

/**
 * A session the page leaves without showing `exit` was ended for it (Ctrl-D): the prompt it
 * was typed at is the terminal's last line, which the page does not show either.
 */
function dropFinalPrompt(step: PlannedStep, lines: string[]): string[] {
  if (!step.terminal || step.terminal.isExitShown || step.terminal.lines.length === 0) return lines;
  const last = lines.at(-1) ?? '';
  const prompt = matchContainerPrompt(last);
  return prompt !== undefined && last.slice(prompt.length).trim() === ''
    ? lines.slice(0, -1)
    : lines;
}

/** A command's documented output against what it printed, with its shown values checked. */
function compareStep(
  step: PlannedStep,
  expected: readonly string[],
  firstLine: number,
  actual: readonly string[],
) {
  const comparison = step.isOutputChecked
    ? compareOutput(
        expected,
        actual,
        step.match,
        step.values,
        step.listing && { command: step.command, context: step.listing },
      )
    : undefined;
  const shown = comparison?.actual ?? applyFilters(toLines(actual), 'display');
  const shownValueProblems = checkShownValues(comparison?.pairs ?? [], {
    firstLine,
    sizeTolerance: step.match.sizeTolerance,
    published: step.published,
    isExampleValues: step.isExampleValues,
  });
  return { comparison, output: shown.map((line) => line.text), shownValueProblems };
}

function describeStep(step: PlannedStep, result: ProcessResult): StepOutcome {
  const screen = echoAnswers(dropFinalPrompt(step, splitOutput(result.all)), step.answers ?? []);
  const split = splitSession(screen, step.terminal?.lines ?? [], step.parts ?? []);
  const own = compareStep(step, step.expected, step.expectedLines.start, split.own);
  const parts = (step.parts ?? []).map((part, index): StepOutcome => {
    const compared = compareStep(
      { ...step, isOutputChecked: part.expected.length > 0 },
      part.expected,
      part.expectedLines.start,
      split.parts[index] ?? [],
    );
    return {
      command: (step.terminal?.lines ?? []).slice(part.typedFrom).join('\n'),
      line: part.expectedLines.start,
      expectedExitCode: 0,
      exitCode: result.exitCode === undefined ? undefined : 0,
      ...compared,
      documented: part.expected,
      documentedLines: part.expected.length > 0 ? part.expectedLines : undefined,
      valueMismatches: [],
      durationMs: 0,
    };
  });
  return {
    command: step.command,
    line: step.line,
    expectedExitCode: step.expectedExitCode,
    exitCode: result.exitCode,
    ...own,
    documented: step.expected,
    documentedLines: step.isOutputChecked ? step.expectedLines : undefined,
    valueMismatches: [],
    ...(parts.length > 0 ? { parts } : {}),
    durationMs: result.durationMs,
  };
}

/**
 * Judges one command from its raw outcome, once: the exit code always, the output for
 * transcripts (both sides normalized, wildcards on the documented side only). A wrong
 * command is an environment problem when its output says the machine is at fault. Pure.
 */
export function judgeCommand(step: PlannedStep, result: ProcessResult): CommandJudgement {
  const described = describeStep(step, result);
  const isWrong = isStepWrong(described);
  const hasEnded = !result.hasStarted || result.timedOut;
  // A tool the reader installs only on a later page is the docs' failure, not the machine's.
  const hiddenTool =
    isWrong && !hasEnded ? findHiddenTool(described.output, step.hiddenTools) : undefined;
  const outcome = hiddenTool ? { ...described, causes: [hiddenTool] } : described;
  const problem =
    !isWrong || hasEnded || hiddenTool
      ? undefined
      : classifyFailure(result.all, step.expected, step.publishedPorts);
  return { outcome, isWrong, problem, endsSnippet: hasEnded || problem !== undefined };
}

/**
 * The judgement of a wrong command after which the daemon stopped answering: the
 * environment is at fault, whatever the output says, and the snippet ends there. Pure.
 */
export function blameDeadDaemon(judgement: CommandJudgement): CommandJudgement {
  if (!judgement.isWrong) return judgement;
  return { ...judgement, problem: daemonDied, endsSnippet: true };
}

/**
 * The judge of one page's run, as running calls it: once per command, and once more if the
 * daemon died. It keeps the IDs the page showed bound to the printed ones as the page goes,
 * so a later command that types one acts on the real object (substitute-ids.ts).
 */
export function createCommandJudge(): CommandJudge<CommandJudgement> {
  const binder = createIdBinder();
  let substitutions: Substitution[] = [];
  return {
    commandToRun(step) {
      const substituted = substituteIds(step.command, binder);
      substitutions = substituted.substitutions;
      return substituted.command;
    },
    judge(step, result) {
      const shown = { ...result, all: showSubstitutedIds(result.all, substitutions) };
      substitutions = [];
      const judgement = judgeCommand(step, shown);
      const firstLine = step.expectedLines.start;
      for (const pair of judgement.outcome.comparison?.pairs ?? [])
        if (pair.kind !== 'size') binder.bind(pair.shown, pair.actual, firstLine + pair.origin);
      return judgement;
    },
    blameDaemon: blameDeadDaemon,
  };
}
