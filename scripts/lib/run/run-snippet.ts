import type { PlannedSnippet, PlannedStep } from '../plan/plan-page.ts';
import type { ProcessResult } from '../system/run-process.ts';
import type { Session } from './session/session.ts';

/** One command as it ran: its raw outcome, and the daemon's state when that was asked. */
export interface CommandRun {
  result: ProcessResult;
  /** Asked only after a command the judge found wrong: whether the daemon still answered. */
  isDaemonAlive: boolean | undefined;
}

/** A snippet's commands as they ran, in order; fewer than planned when one ended the snippet. */
export interface SnippetRun {
  commands: CommandRun[];
  durationMs: number;
}

/**
 * What the judge says about one command, as far as running needs it: whether it went wrong
 * (then the daemon is asked whether it still answers), and whether the snippet ends there
 * (an environment problem).
 */
export interface CommandVerdict {
  isWrong: boolean;
  endsSnippet: boolean;
}

export interface SnippetContext {
  session: Session;
  isDaemonAlive(): Promise<boolean>;
  /** The judge's verdict on a command (pure); `isDaemonAlive` once the daemon was asked. */
  judgeCommand(step: PlannedStep, result: ProcessResult, isDaemonAlive?: boolean): CommandVerdict;
}

/**
 * Runs a snippet's commands in its page's session and hands back their raw outcomes. It
 * stops where the judge says the snippet ends: a command that did not start or timed out,
 * or an environment problem (the page cannot go on after a timeout; a broken environment is
 * reported as such instead of as drift).
 */
export async function runSnippet(
  planned: Extract<PlannedSnippet, { action: 'run' }>,
  context: SnippetContext,
): Promise<SnippetRun> {
  const commands: CommandRun[] = [];
  const started = performance.now();
  for (const step of planned.steps) {
    const result = await context.session.run(step.command, {
      tty: step.tty !== undefined,
      stdin: step.tty?.stdin,
      isTypedAtPrompt: step.terminal !== undefined && !planned.snippet.options.tty,
      timeoutMs: planned.timeoutMs,
    });
    // A command that did not start or timed out ends the snippet whatever the daemon says.
    const hasEnded = !result.hasStarted || result.timedOut;
    let isDaemonAlive: boolean | undefined;
    if (!hasEnded && context.judgeCommand(step, result).isWrong) {
      isDaemonAlive = await context.isDaemonAlive();
    }
    commands.push({ result, isDaemonAlive });
    if (hasEnded || context.judgeCommand(step, result, isDaemonAlive).endsSnippet) break;
  }
  return { commands, durationMs: performance.now() - started };
}
