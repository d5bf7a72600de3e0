import {
  blameDeadDaemon,
  type CommandJudgement,
  judgeCommand,
} from '../../scripts/lib/judge/judge-command.ts';
import type { PagePlan } from '../../scripts/lib/plan/plan-page.ts';
import type { SnippetOutcome } from '../../scripts/lib/run/run-page.ts';
import type { ProcessResult } from '../../scripts/lib/system/run-process.ts';

/** A command's raw outcome, as a test makes it up. */
export interface RawCommand {
  result: ProcessResult;
  isDaemonAlive: boolean | undefined;
}

/** A snippet's outcome before the verdicts: what a test says happened. */
export type RawOutcome =
  | { kind: 'ran'; commands: RawCommand[]; durationMs: number }
  | Exclude<SnippetOutcome, { kind: 'ran' }>;

/**
 * The outcomes with the verdicts running gives them (run/run-snippet.ts): each command
 * judged once, a daemon that stopped answering blamed. Commands past the plan's are dropped.
 */
export function addVerdicts(
  plan: PagePlan,
  outcomes: readonly RawOutcome[],
): SnippetOutcome<CommandJudgement>[] {
  return outcomes.map((outcome, index) => {
    if (outcome.kind !== 'ran') return outcome;
    const planned = plan.snippets[index];
    const steps = planned?.action === 'run' ? planned.steps : [];
    const commands = outcome.commands.slice(0, steps.length).map((command, at) => {
      const step = steps[at];
      if (!step) throw new Error('a command without its step');
      const verdict = judgeCommand(step, command.result);
      const isDead = command.isDaemonAlive === false;
      return { ...command, verdict: isDead ? blameDeadDaemon(verdict) : verdict };
    });
    return { ...outcome, commands };
  });
}
