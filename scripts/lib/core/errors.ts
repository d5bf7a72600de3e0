/** Where something is in a documentation file. Lines and columns are 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  column?: number;
}

export const errorCodes = [
  'USAGE',
  'INVALID_OPTION',
  'INVALID_MARKDOWN',
  'DOCKER_CLI_MISSING',
  'DOCKER_UNREACHABLE',
  'DOCKER_UNSUPPORTED',
  'SANDBOX_FAILED',
  'IMAGE_NOT_FOUND',
  'REGISTRY_UNREACHABLE',
  'DAEMON_DIED',
  'WRITE_FAILED',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Renders `file:line:column` the way editors and terminals link it. */
export function formatPosition(position: SourcePosition): string {
  const column = position.column === undefined ? '' : `:${position.column}`;
  return `${position.file}:${position.line}${column}`;
}

/**
 * The one error type of the verifier. Configuration and environment problems are thrown as
 * this; the outcome of a snippet never is (see results.ts). `hint` tells the user what to do.
 */
export class VerifyError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly position: SourcePosition | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { hint?: string; position?: SourcePosition; cause?: unknown } = {},
  ) {
    const where = options.position ? `${formatPosition(options.position)}: ` : '';
    super(`${where}${message}`, { cause: options.cause });
    this.name = 'VerifyError';
    this.code = code;
    this.hint = options.hint;
    this.position = options.position;
  }
}

/**
 * A problem found in the input (a fence option, a transcript, frontmatter), collected while
 * reading instead of thrown, so one run reports every problem of a page at once.
 */
export interface Diagnostic {
  code: ErrorCode;
  message: string;
  position: SourcePosition;
  hint?: string;
}

export function formatDiagnostic(diagnostic: Diagnostic): string {
  const hint = diagnostic.hint ? `\n  hint: ${diagnostic.hint}` : '';
  return `${formatPosition(diagnostic.position)}: ${diagnostic.message}${hint}`;
}
