import { join } from 'node:path';

/** Node flags of `npm run verify`, for every TypeScript entry script run the same way. */
export const nodeFlags = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'];

export interface VerifyCommand {
  /** Arguments after `process.execPath`. */
  args: string[];
  /** Added to the inherited environment: no colours, so output reads as plain text. */
  env: Record<string, string>;
}

/**
 * How `npm run verify` starts the verifier (minus npm) in `checkout`, for the tests and the
 * benchmarks that run it as a user does: through the launcher, which runs a fresh bundle of
 * the sources (scripts/launch-verify-examples.js).
 */
export function verifyCommand(checkout: string, args: readonly string[]): VerifyCommand {
  return {
    args: [...nodeFlags, join(checkout, 'scripts/launch-verify-examples.js'), ...args],
    env: { NO_COLOR: '1' },
  };
}
