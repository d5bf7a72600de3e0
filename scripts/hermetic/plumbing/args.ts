// The command line of `scripts/hermetic.ts`: `up [--sources DIR]` or `down`.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { HermeticError } from './errors.ts';

const commandSchema = z.enum(['up', 'down']);

/** What `up` was asked: the folder of upstream tag archives, if any (`--sources DIR`). */
export type UpOptions = { sourcesDir: string | undefined };

export type HermeticArgs = { command: z.infer<typeof commandSchema>; options: UpOptions };

const USAGE =
  'use `scripts/hermetic.ts up [--sources DIR]` (npm run hermetic [-- --sources DIR]) or `scripts/hermetic.ts down` (npm run hermetic:down).';

/** The command and its options; `--sources` is resolved from the current folder. */
export function parseHermeticArgs(argv: readonly string[], cwd = process.cwd()): HermeticArgs {
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(argv);
  } catch (error) {
    throw new HermeticError('USAGE', (error as Error).message, { hint: USAGE, cause: error });
  }
  const command = commandSchema.safeParse(parsed.positionals[0]);
  if (!command.success || parsed.positionals.length > 1) {
    throw new HermeticError('USAGE', `unknown command ${JSON.stringify(argv.join(' '))}`, {
      hint: USAGE,
    });
  }
  const { sources } = parsed.values;
  if (sources !== undefined && command.data !== 'up') {
    throw new HermeticError('USAGE', '--sources goes with `up` only', { hint: USAGE });
  }
  const sourcesDir = sources === undefined ? undefined : resolve(cwd, sources);
  return { command: command.data, options: { sourcesDir } };
}

function parseFlags(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: { sources: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
}
