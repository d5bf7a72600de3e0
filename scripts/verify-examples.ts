/**
 * verify-examples: runs every shell snippet of the docs against a real Docker engine and
 * reports where the documented output no longer matches.
 *
 *   args → mode (verify, update, review, record, check-record, watch) → the mode's run over
 *   the stages (collect, extract, plan, run, judge, then update or record) → report → exit
 *   code (0 passed, 1 drift or failure, 2 usage or environment)
 */
import { runCli } from './lib/modes/run-cli.ts';

await runCli(process.argv.slice(2));
