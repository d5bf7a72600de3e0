import { AstroError } from 'astro/errors';
import { formatPosition, type SourcePosition } from '../../scripts/lib/core/errors.ts';

export const siteErrorCodes = [
  'DIAGRAM_INACCESSIBLE',
  'DIAGRAM_INVALID',
  'BROWSER_NOT_FOUND',
  'BROWSER_FAILED',
  'PROCESSOR_UNSUPPORTED',
] as const;
export type SiteErrorCode = (typeof siteErrorCodes)[number];

/**
 * The one error type of the site build. It extends Astro's public error so the CLI and the
 * dev overlay print the hint under the message; the message itself starts with `file:line`
 * (formatted like the verifier's) so it stays useful when something re-wraps it.
 */
export class SiteError extends AstroError {
  readonly code: SiteErrorCode;
  readonly position: SourcePosition | undefined;
  /** Read by Astro's MDX plugin to point its error overlay at the line. */
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(
    code: SiteErrorCode,
    message: string,
    options: { hint: string; position?: SourcePosition; cause?: unknown },
  ) {
    const where = options.position ? `${formatPosition(options.position)}: ` : '';
    super(`${where}${message}`, options.hint);
    this.name = 'SiteError';
    this.code = code;
    this.position = options.position;
    this.line = options.position?.line;
    this.column = options.position && (options.position.column ?? 1);
    if (options.cause !== undefined) this.cause = options.cause;
  }
}
