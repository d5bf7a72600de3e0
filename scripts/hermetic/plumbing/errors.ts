import { ProjectError } from '../../lib/core/errors.ts';

/** Every way `hermetic` can fail that a person can fix; each maps to a hint. */
export const HERMETIC_ERROR_CODES = [
  'USAGE',
  'NOT_ROOT',
  'UNSUPPORTED',
  'APT_FAILED',
  'PORT_TAKEN',
  'REGISTRY_FAILED',
  'DAEMON_FAILED',
  'FOREIGN_DAEMON',
  'ENGINE_BROKEN',
  'BUILD_FAILED',
  'SOURCES_MISSING',
  'SOURCE_MISMATCH',
  'STOP_FAILED',
  'BUSY',
] as const;

export type HermeticErrorCode = (typeof HERMETIC_ERROR_CODES)[number];

/**
 * A failure of the environment or of the invocation, not of our code, on the project's one
 * error base: a stable `code` for tests and a `hint` that tells the person what to do next.
 */
export class HermeticError extends ProjectError<HermeticErrorCode> {
  declare readonly hint: string;

  constructor(
    code: HermeticErrorCode,
    message: string,
    options: { hint: string; cause?: unknown },
  ) {
    super(code, message, options);
    this.name = 'HermeticError';
  }
}

export function isHermeticError(value: unknown): value is HermeticError {
  return value instanceof HermeticError;
}

/** Renders an error for the terminal: what failed, then what to do. */
export function formatHermeticError(error: HermeticError): string {
  return `hermetic: ${error.message} [${error.code}]\n  hint: ${error.hint}`;
}
