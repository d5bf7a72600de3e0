import type { HiddenTool } from '../plan/plan-toolbox.ts';
import type { Cause } from './causes.ts';

/** bash's words for a program that is not on PATH (as the session shows them to a reader). */
const notFound = /^(?:bash: )?(?:line \d+: )?([\w.+-]+): command not found$/;

/**
 * A command of the reader's toolbox that a wrong command could not find because the reader
 * has not installed it by this page: the cause, naming the later page that installs it (if
 * any). Undefined when the output says no such thing, or names a program that is not a
 * hidden toolbox tool (that one is the machine's problem, see classify-failure.ts). Pure.
 */
export function findHiddenTool(
  output: readonly string[],
  hidden: readonly HiddenTool[],
): Extract<Cause, { kind: 'tool-not-installed' }> | undefined {
  for (const line of output) {
    const command = notFound.exec(line.trim())?.[1];
    if (command === undefined) continue;
    const tool = hidden.find((candidate) => candidate.commands.includes(command));
    if (tool)
      return {
        kind: 'tool-not-installed',
        tool: tool.tool,
        command,
        installedBy: tool.installedBy,
      };
  }
  return undefined;
}
