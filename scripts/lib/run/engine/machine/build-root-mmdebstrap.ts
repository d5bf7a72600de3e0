/**
 * Makes the reader's root with mmdebstrap, from Debian's archive, where mmdebstrap is
 * installed (hermetic uses its own copy, in its cache, the same way).
 */
import { VerifyError } from '../../../core/errors.ts';
import { describeMmdebstrapArgs } from '../../../core/reader-toolbox.ts';
import { runProcess, tailOf } from '../../../system/run-process.ts';

export async function buildRootWithMmdebstrap(target: string): Promise<void> {
  const result = await runProcess('mmdebstrap', describeMmdebstrapArgs(target), {
    timeoutMs: 20 * 60_000,
  });
  if (result.failed) {
    throw new VerifyError(
      'SANDBOX_FAILED',
      `Could not make the reader's machine with mmdebstrap (${result.shortMessage}):\n${tailOf(result.all, 10)}`,
      {
        hint: `Check that deb.debian.org (or your apt mirror) answers, or run \`npm run hermetic\`.`,
      },
    );
  }
}
