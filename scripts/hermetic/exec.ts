import { type ProcessResult, tailOf } from '../lib/system/run-process.ts';

/** hermetic's names for the project's one process runner and its outcome. */
export {
  type ProcessResult as CommandResult,
  runProcess as runCommand,
} from '../lib/system/run-process.ts';

/** The last lines of a command's output, enough to see why it failed. */
export function tailOutput(result: ProcessResult, lines = 15): string {
  return tailOf(result.all, lines);
}
