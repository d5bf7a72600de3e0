import type { PlannedSnippet, PlannedStep } from '../plan/plan-page.ts';
import type { ProcessResult } from '../system/run-process.ts';
import type { Session } from './session/session.ts';

/** What running needs of a verdict: whether the command went wrong, whether the snippet ends. */
export interface RunVerdict {
  isWrong: boolean;
  endsSnippet: boolean;
}

/**
 * The judge as running calls it (judge/judge-command.ts implements it, the orchestrator hands
 * it over): once per command, and once more only to blame a daemon that stopped answering.
 */
export interface CommandJudge<Verdict extends RunVerdict> {
  judge(step: PlannedStep, result: ProcessResult): Verdict;
  blameDaemon(verdict: Verdict): Verdict;
  /** The command to send to the shell for a step (the page's, with the real IDs in it). */
  commandToRun?(step: PlannedStep): string;
}

/** One command as it ran: its raw outcome, the daemon's state if asked, and its verdict. */
export interface CommandRun<Verdict extends RunVerdict = RunVerdict> {
  result: ProcessResult;
  /** Asked only after a command the judge found wrong: whether the daemon still answered. */
  isDaemonAlive: boolean | undefined;
  /** The judge's verdict, decided once, travelling with the outcome to the page's judgement. */
  verdict: Verdict;
}

/** A snippet's commands as they ran, in order; fewer than planned when one ended the snippet. */
export interface SnippetRun<Verdict extends RunVerdict = RunVerdict> {
  commands: CommandRun<Verdict>[];
  durationMs: number;
}

export interface SnippetContext<Verdict extends RunVerdict> {
  session: Session;
  isDaemonAlive(): Promise<boolean>;
  judge: CommandJudge<Verdict>;
}

/**
 * Runs a snippet's commands in its page's session and hands back their outcomes, each with
 * its verdict. It stops where the verdict says the snippet ends: a command that did not
 * start or timed out, or an environment problem (the page cannot go on after a timeout; a
 * broken environment is reported as such instead of as drift).
 */
export async function runSnippet<Verdict extends RunVerdict>(
  planned: Extract<PlannedSnippet, { action: 'run' }>,
  context: SnippetContext<Verdict>,
): Promise<SnippetRun<Verdict>> {
  const commands: CommandRun<Verdict>[] = [];
  const started = performance.now();
  for (const step of planned.steps) {
    const command = context.judge.commandToRun?.(step) ?? step.command;
    const result = await context.session.run(command, {
      tty: step.tty !== undefined,
      stdin: step.tty ? step.tty.stdin : step.stdin,
      isTypedAtPrompt: step.terminal !== undefined && !planned.snippet.options.tty,
      timeoutMs: planned.timeoutMs,
    });
    // A command that did not start or timed out ends the snippet whatever the daemon says.
    const hasEnded = !result.hasStarted || result.timedOut;
    let verdict = context.judge.judge(step, result);
    let isDaemonAlive: boolean | undefined;
    if (!hasEnded && verdict.isWrong) {
      isDaemonAlive = await context.isDaemonAlive();
      if (!isDaemonAlive) verdict = context.judge.blameDaemon(verdict);
    }
    commands.push({ result, isDaemonAlive, verdict });
    if (hasEnded || verdict.endsSnippet) break;
  }
  return { commands, durationMs: performance.now() - started };
}
