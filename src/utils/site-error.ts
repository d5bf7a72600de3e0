import { type ErrorDetails, ProjectError } from '../../scripts/lib/core/errors.ts';

export const siteErrorCodes = [
  'DIAGRAM_INACCESSIBLE',
  'DIAGRAM_INVALID',
  'BROWSER_NOT_FOUND',
  'BROWSER_FAILED',
  'PROCESSOR_UNSUPPORTED',
] as const;
export type SiteErrorCode = (typeof siteErrorCodes)[number];

/**
 * The site build's errors, on the project's one error base: the message starts with
 * `file:line` and Astro prints the hint under it (it does for any error with a `hint`).
 */
export class SiteError extends ProjectError<SiteErrorCode> {
  /** Read by Astro's MDX plugin to point its error overlay at the line. */
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(code: SiteErrorCode, message: string, details: ErrorDetails & { hint: string }) {
    super(code, message, details);
    this.name = 'SiteError';
    this.line = details.position?.line;
    this.column = details.position && (details.position.column ?? 1);
  }
}
