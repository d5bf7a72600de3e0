import type { CliOptions } from '../cli/parse-args.ts';
import type { Reporter } from '../report/reporter.ts';

/** What the entry script hands every mode: the command line and the run's reporters. */
export interface ModeRequest {
  options: CliOptions;
  report: Required<Reporter>;
}

/** A mode's whole run; resolves to the exit code. */
export type ModeRunner = (request: ModeRequest) => Promise<number>;
