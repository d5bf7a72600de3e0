/** Where something is in a documentation file. Lines and columns are 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  column?: number | undefined;
}

/** Renders `file:line:column` the way editors and terminals link it. */
export function formatPosition(position: SourcePosition): string {
  const column = position.column === undefined ? '' : `:${position.column}`;
  return `${position.file}:${position.line}${column}`;
}

export interface ErrorDetails {
  /** What the person should do about it. */
  hint?: string | undefined;
  /** Where in a file the problem is; the message then starts with `file:line`. */
  position?: SourcePosition | undefined;
  cause?: unknown;
}

/**
 * The one error base of the project's three programs (the checker, hermetic and the site
 * build): a stable `code` for tests and scripts, a `hint` that says how to fix it, the
 * `cause`, and a position whose `file:line` starts the message. Thrown only for
 * configuration and environment problems; outcomes of the work itself are values.
 */
export class ProjectError<Code extends string = string> extends Error {
  readonly code: Code;
  readonly hint: string | undefined;
  readonly position: SourcePosition | undefined;

  constructor(code: Code, message: string, details: ErrorDetails = {}) {
    const where = details.position ? `${formatPosition(details.position)}: ` : '';
    super(`${where}${message}`, { cause: details.cause });
    this.name = 'ProjectError';
    this.code = code;
    this.hint = details.hint;
    this.position = details.position;
  }
}

export const verifyErrorCodes = [
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
  'UNCHECKED_FENCE',
  'MISSING_TOOL',
  'MISSING_SERVICE',
  'NEEDS_TERMINAL',
  'HOST_STATE_KEPT',
  'STALE_RECORD',
] as const;
export type ErrorCode = (typeof verifyErrorCodes)[number];

/** The checker's errors (verify-examples). */
export class VerifyError extends ProjectError<ErrorCode> {
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
    this.name = 'VerifyError';
  }
}

/** Why the machine, not the documentation, is at fault: the outcome of a snippet or a page. */
export interface EnvironmentProblem {
  code: ErrorCode;
  message: string;
  hint?: string;
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
