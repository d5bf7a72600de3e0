/**
 * The verifier's command line, start to end: args → mode → the mode's run → report → exit
 * code (0 passed, 1 drift or failure, 2 usage or environment), set on `process.exitCode`.
 * Shared by the entry script (scripts/verify-examples.ts) and the launcher's bundle, which
 * calls it once it is loaded (scripts/launch-verify-examples.js).
 */
// First: zod must know before any schema is built (see zod-jitless.ts).
import '../cli/zod-jitless.ts';
import { parseCliArgs, usage } from '../cli/parse-args.ts';
import { VerifyError } from '../core/errors.ts';
import { createDispatcher } from '../report/dispatch.ts';
import { createReporters } from '../report/reporters.ts';
import { modeRunners } from './modes.ts';

function printError(error: unknown): void {
  if (error instanceof VerifyError) {
    process.stderr.write(`error: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`);
  } else {
    process.stderr.write(
      `error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
}

/** Runs the verifier on `argv` (the arguments after the script); never throws. */
export async function runCli(argv: readonly string[]): Promise<void> {
  try {
    const options = parseCliArgs(argv);
    if (options.isHelp) {
      process.stdout.write(`${usage}\n`);
      return;
    }
    const report = createDispatcher(createReporters(options.reporters, process.stdout));
    try {
      const code = await modeRunners[options.mode.kind]({ options, report });
      // An interrupt set its own exit code while the run was finishing; it stands.
      process.exitCode ??= code;
    } finally {
      // Reports that are written at the end (json, junit) are written even after an error.
      await report.onClose();
    }
  } catch (error) {
    printError(error);
    process.exitCode = 2;
  }
}
