import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { VerifyError } from '../core/errors.ts';
import { flags, formatFlag, formatFlagHelp } from '../core/flags.ts';
import { type Mode, parseMode } from './mode.ts';

export const defaultPatterns = ['src/content/docs/**/*.{md,mdx}'];

const shardPattern = /^(\d+)\/(\d+)$/;

const optionsSchema = z.object({
  patterns: z.array(z.string()),
  jobs: z.coerce
    .number()
    .int('--jobs takes a whole number')
    .min(1, '--jobs takes a number of 1 or more'),
  /** --jobs given: exactly that many pages at a time, never more while the cores are idle. */
  isJobsFixed: z.boolean(),
  /** Attempts after the first for a page that failed (see orchestrate/retry-page.ts). */
  retries: z.coerce
    .number()
    .int('--retries takes a whole number')
    .min(0, '--retries takes a number of 0 or more'),
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
  legs: z.array(z.string().min(1, '--leg takes a leg name such as 28.5/containerd')),
  mirrors: z.array(z.string().url('--registry-mirror takes a URL such as http://127.0.0.1:5555')),
  timeoutSeconds: z.coerce.number().positive('--timeout takes a number of seconds above 0'),
  isStrict: z.boolean(),
  isHelp: z.boolean(),
});
/** The command line: what the run does (its mode) and how. */
export type CliOptions = z.infer<typeof optionsSchema> & { mode: Mode };

export const usage = `Usage: verify-examples [files or globs...] [options]
       (in this repository: npm run verify -- [files or globs...] [options])

Runs every shell snippet of the docs against Docker and reports where the documented output
no longer matches. Default files: ${defaultPatterns.join(' ')}

Options:
${formatFlagHelp().join('\n')}

Settings: verify-examples.json in this folder or the nearest one above it.

Exit codes: 0 all passed, 1 drift or failure, 2 usage or environment error, a problem in
the documents, or nothing to verify.`;

/** Reads the command line into options, or throws a usage error that says what was wrong. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new VerifyError('USAGE', error instanceof Error ? error.message : String(error), {
      hint: `See ${formatFlag('help')}.`,
    });
  }
  const { values, positionals } = parsed;
  const result = optionsSchema.safeParse({
    patterns: positionals.length > 0 ? positionals : defaultPatterns,
    jobs: values.jobs ?? availableParallelism(),
    isJobsFixed: values.jobs !== undefined,
    retries: values.retries ?? 0,
    // As vitest does: inside GitHub Actions, annotations come without asking.
    reporters:
      values.reporter ?? (process.env.GITHUB_ACTIONS === 'true' ? ['human', 'github'] : ['human']),
    shard: values.shard,
    docker: values.docker ?? 'auto',
    legs: values.leg ?? [],
    mirrors: values['registry-mirror'] ?? [],
    timeoutSeconds: values.timeout ?? 120,
    isStrict: values.strict ?? false,
    isHelp: values.help ?? false,
  });
  if (!result.success) {
    throw new VerifyError('USAGE', result.error.issues.map((issue) => issue.message).join('; '), {
      hint: `See ${formatFlag('help')}.`,
    });
  }
  const mode = parseMode(values, {
    isSharded: result.data.shard !== undefined,
    isRetried: result.data.retries > 0,
    reporters: result.data.reporters,
  });
  return { ...result.data, mode };
}

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: flags });
}
