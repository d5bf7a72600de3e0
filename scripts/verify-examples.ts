/**
 * verify-examples: runs every shell snippet of the docs against a real Docker engine and
 * reports where the documented output no longer matches.
 *
 *   args → mode (verify, update, review, record, check-record, watch) → the mode's run over
 *   the stages (collect, extract, plan, run, judge, then update or record) → report → exit
 *   code (0 passed, 1 drift or failure, 2 usage or environment)
 */
import { parseCliArgs, usage } from './lib/cli/parse-args.ts';
import { VerifyError } from './lib/core/errors.ts';
import { modeRunners } from './lib/modes/modes.ts';
import { createDispatcher } from './lib/report/dispatch.ts';
import { createReporters } from './lib/report/reporters.ts';

function printError(error: unknown): void {
  if (error instanceof VerifyError) {
    process.stderr.write(`error: ${error.message}\n${error.hint ? `hint: ${error.hint}\n` : ''}`);
  } else {
    process.stderr.write(
      `error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
}

async function main(): Promise<void> {
  try {
    const options = parseCliArgs(process.argv.slice(2));
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

await main();
