import type { z } from 'zod';
import type { Diagnostic, SourcePosition } from './errors.ts';

type Path = readonly PropertyKey[];

/** What the checked input is, for messages and positions. */
export interface IssueSubject {
  /** How messages name what is invalid: `setting`, `fence option`, `frontmatter option`. */
  what: string;
  /** Where the value at a path was written. */
  positionOf: (path: Path) => SourcePosition;
  /** The name a message gives the value at a path; the keys joined with `.` by default. */
  nameOf?: (path: Path) => string;
  /** An unknown key is named and placed itself, not its object (a JSON file's key has a line). */
  isUnknownKeyNamed?: boolean;
}

/**
 * The one way a zod error becomes diagnostics: one per issue, "Invalid <what> `<name>`:
 * <zod's message>", at the position of the value it is about. Pure.
 */
export function diagnoseIssues(error: z.ZodError, subject: IssueSubject): Diagnostic[] {
  const nameOf = subject.nameOf ?? ((path: Path) => path.map(String).join('.'));
  return error.issues.map((issue) => {
    const path =
      subject.isUnknownKeyNamed && issue.code === 'unrecognized_keys'
        ? [...issue.path, issue.keys[0] ?? '']
        : issue.path;
    return {
      code: 'INVALID_OPTION',
      message: `Invalid ${subject.what} \`${nameOf(path)}\`: ${issue.message}`,
      position: subject.positionOf(path),
    };
  });
}
