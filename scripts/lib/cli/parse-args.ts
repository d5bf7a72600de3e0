import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { VerifyError } from '../core/errors.ts';

export const defaultPatterns = ['src/content/docs/**/*.{md,mdx}'];

const shardPattern = /^(\d+)\/(\d+)$/;

const optionsSchema = z.object({
  patterns: z.array(z.string()),
  isUpdate: z.boolean(),
  jobs: z.coerce
    .number()
    .int('--jobs takes a whole number')
    .min(1, '--jobs takes a number of 1 or more'),
  reporters: z.array(z.string()).min(1),
  shard: z
    .string()
    .regex(shardPattern, '--shard takes i/n, e.g. 2/4')
    .transform((text) => {
      const [, index, total] = shardPattern.exec(text) ?? [];
      return { index: Number(index), total: Number(total) };
    })
    .refine(({ index, total }) => index >= 1 && index <= total, '--shard i/n needs 1 <= i <= n')
    .optional(),
  docker: z.enum(['auto', 'sandbox', 'host'], { error: '--docker takes auto, sandbox or host' }),
  mirrors: z.array(z.string().url('--registry-mirror takes a URL such as http://127.0.0.1:5555')),
  timeoutSeconds: z.coerce.number().positive('--timeout takes a number of seconds above 0'),
  isHelp: z.boolean(),
});
export type CliOptions = z.infer<typeof optionsSchema>;

export const usage = `Usage: npm run verify -- [files or globs...] [options]

Runs every shell snippet of the docs against Docker and reports where the documented output
no longer matches. Default files: ${defaultPatterns.join(' ')}

Options:
  --update                 rewrite the documented output of drifted snippets in place
  --jobs <n>               pages verified at once (default: number of cores)
  --reporter <name[=file]> human, json, junit or github; repeat for several
                           (default: human, plus github inside GitHub Actions)
  --shard <i/n>            verify only the i-th of n stable parts of the pages
  --docker <kind>          auto, sandbox (a throwaway daemon per page, needs root) or host
                           (your daemon; only what the run creates is removed) (default: auto)
  --registry-mirror <url>  registry mirror for sandbox daemons (default: your daemon's)
  --timeout <seconds>      per command, unless a page or fence says otherwise (default: 120)
  -h, --help               show this help

Exit codes: 0 all passed, 1 drift or failure, 2 usage or environment error.`;

/** Reads the command line into options, or throws a usage error that says what was wrong. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new VerifyError('USAGE', error instanceof Error ? error.message : String(error), {
      hint: 'See --help.',
    });
  }
  const { values, positionals } = parsed;
  const result = optionsSchema.safeParse({
    patterns: positionals.length > 0 ? positionals : defaultPatterns,
    isUpdate: values.update ?? false,
    jobs: values.jobs ?? availableParallelism(),
    // As vitest does: inside GitHub Actions, annotations come without asking.
    reporters:
      values.reporter ?? (process.env.GITHUB_ACTIONS === 'true' ? ['human', 'github'] : ['human']),
    shard: values.shard,
    docker: values.docker ?? 'auto',
    mirrors: values['registry-mirror'] ?? [],
    timeoutSeconds: values.timeout ?? 120,
    isHelp: values.help ?? false,
  });
  if (!result.success) {
    throw new VerifyError('USAGE', result.error.issues.map((issue) => issue.message).join('; '), {
      hint: 'See --help.',
    });
  }
  return result.data;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      update: { type: 'boolean' },
      jobs: { type: 'string' },
      reporter: { type: 'string', multiple: true },
      shard: { type: 'string' },
      docker: { type: 'string' },
      'registry-mirror': { type: 'string', multiple: true },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
