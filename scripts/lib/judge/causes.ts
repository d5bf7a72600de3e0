/**
 * Why a command went wrong for a reader who follows the pages in order, when another page is
 * the reason: a tool that only a later page installs, or something an earlier page left in
 * the reader's Docker or folder. Causes explain a wrong command; `still-there` (a page that
 * needs a clean Docker and did not get one from its own commands) makes a command wrong.
 */
import type { LeftoverKind } from '../core/options.ts';

/** A place in a page: the page, and the line when it is known. */
export interface PagePlace {
  file: string;
  line: number | undefined;
}

/** What a page can leave behind for the next: Docker's objects, ports and files. */
export type LeftoverSubject =
  | { kind: 'container'; name: string; id: string; image: string; isRunning: boolean }
  | { kind: 'image' | 'volume' | 'network'; name: string }
  | { kind: 'port'; port: number; container: string }
  | { kind: 'file'; path: string };

export type Cause =
  /** The command is a toolbox tool the reader has not installed yet on this page. */
  | {
      kind: 'tool-not-installed';
      tool: string;
      command: string;
      installedBy: PagePlace | undefined;
    }
  /** The command met something an earlier page created and left. */
  | { kind: 'left-by'; subject: LeftoverSubject; page: PagePlace }
  /** The page needs these gone (`verify.journey.clean`) and its first block left them. */
  | { kind: 'still-there'; kinds: readonly LeftoverKind[]; left: readonly LeftBy[] };

export interface LeftBy {
  subject: LeftoverSubject;
  page: PagePlace;
}

/** Whether a cause makes its command wrong by itself (not only explains it). */
export function isFailingCause(cause: Cause): boolean {
  return cause.kind === 'still-there';
}

/** `container registry (running)`, `port 5000 (container registry)`, `file notes.txt`. */
export function describeSubject(subject: LeftoverSubject): string {
  switch (subject.kind) {
    case 'container':
      return `container ${subject.name} (${subject.image}${subject.isRunning ? ', running' : ''})`;
    case 'port':
      return `port ${subject.port} (published by container ${subject.container})`;
    case 'file':
      return `file ${subject.path}`;
    default:
      return `${subject.kind} ${subject.name}`;
  }
}

function describePlace(place: PagePlace): string {
  return place.line === undefined ? place.file : `${place.file} (line ${place.line})`;
}

/** One line per cause, as every reporter shows it. */
export function describeCause(cause: Cause): string {
  if (cause.kind === 'tool-not-installed') {
    const where = cause.installedBy
      ? `${cause.tool} is installed in ${describePlace(cause.installedBy)}, which comes after this page in reading order`
      : `no page installs ${cause.tool} (verify.installs), and the settings do not assume it (reader.tools)`;
    return `${cause.command} is not on the reader's PATH yet: ${where}`;
  }
  if (cause.kind === 'left-by')
    return `${describeSubject(cause.subject)} was left by ${describePlace(cause.page)}`;
  const left = cause.left
    .map((entry) => `${describeSubject(entry.subject)} (left by ${describePlace(entry.page)})`)
    .join(', ');
  return `this page needs ${cause.kinds.join(', ')} of earlier pages gone (verify.journey.clean), but after this block there are still: ${left}`;
}
