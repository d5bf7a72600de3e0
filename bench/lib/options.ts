import { parseArgs } from 'node:util';
import { z } from 'zod';
import { benchmarkNames } from './benchmark.ts';

export const usage = `Usage: npm run bench -- [--rounds N] [--only <name>] [--write]

Runs the benchmarks (${benchmarkNames.join(', ')}), each against its baseline side by side.

Options:
  --rounds <n>    measured rounds per variant, after one warm-up round (default: 5)
  --only <name>   run one benchmark; repeat for several
  --write         rewrite bench/RESULTS.md with the figures, the machine and how to reproduce
  -h, --help      show this help`;

const optionsSchema = z
  .object({
    rounds: z.coerce
      .number()
      .int('--rounds takes a whole number')
      .min(1, '--rounds takes 1 or more'),
    only: z.array(
      z.enum(benchmarkNames, { error: `--only takes one of: ${benchmarkNames.join(', ')}` }),
    ),
    isWrite: z.boolean(),
    isHelp: z.boolean(),
  })
  .refine((options) => !(options.isWrite && options.only.length > 0), {
    message: '--write keeps a full run in bench/RESULTS.md; it cannot be combined with --only',
  });
export type BenchOptions = z.infer<typeof optionsSchema>;

export type OptionsResult = { ok: true; options: BenchOptions } | { ok: false; message: string };

/** Reads the command line; a mistake is a message saying what was wrong, not a throw. */
export function parseBenchArgs(argv: readonly string[]): OptionsResult {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  const result = optionsSchema.safeParse({
    rounds: values.rounds ?? 5,
    only: values.only ?? [],
    isWrite: values.write ?? false,
    isHelp: values.help ?? false,
  });
  if (!result.success)
    return { ok: false, message: result.error.issues.map((issue) => issue.message).join('; ') };
  return { ok: true, options: result.data };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      rounds: { type: 'string' },
      only: { type: 'string', multiple: true },
      write: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
