import type { EnvironmentProblem } from '../core/errors.ts';
import { matchContainerPrompt } from '../core/prompts.ts';
import type { PlannedStep } from '../plan/plan-page.ts';
import type { CommandJudge } from '../run/run-snippet.ts';
import type { ProcessResult } from '../system/run-process.ts';
import { classifyFailure } from './classify-failure.ts';
import { compareOutput } from './compare-output.ts';
import { applyFilters, splitOutput, toLines } from './filters.ts';
import { isStepWrong, type StepOutcome } from './results.ts';

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

function describeStep(step: PlannedStep, result: ProcessResult): StepOutcome {
  const actual = dropFinalPrompt(step, splitOutput(result.all));
  const comparison = step.isOutputChecked
    ? compareOutput(step.expected, actual, step.match, step.values)
    : undefined;
  const shown = comparison?.actual ?? applyFilters(toLines(actual), 'display');
  return {
    command: step.command,
    line: step.line,
    expectedExitCode: step.expectedExitCode,
    exitCode: result.exitCode,
    comparison,
    output: shown.map((line) => line.text),
    documented: step.expected,
    documentedLines: step.isOutputChecked ? step.expectedLines : undefined,
    valueMismatches: [],
    durationMs: result.durationMs,
  };
}

/**
 * Judges one command from its raw outcome, once: the exit code always, the output for
 * transcripts (both sides normalized, wildcards on the documented side only). A wrong
 * command is an environment problem when its output says the machine is at fault. Pure.
 */
export function judgeCommand(step: PlannedStep, result: ProcessResult): CommandJudgement {
  const outcome = describeStep(step, result);
  const isWrong = isStepWrong(outcome);
  const hasEnded = !result.hasStarted || result.timedOut;
  const problem =
    !isWrong || hasEnded
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

/** The judge as running calls it: once per command, and once more if the daemon died. */
export const commandJudge: CommandJudge<CommandJudgement> = {
  judge: judgeCommand,
  blameDaemon: blameDeadDaemon,
};
