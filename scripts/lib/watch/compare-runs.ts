/**
 * What changed between two runs of a page: watch mode prints that, not the whole report
 * again. Problems are told apart by what they say (leg, status, command, diff), not by line
 * numbers, which move as the writer edits above them. Pure.
 */
import type { PageResult } from '../judge/results.ts';
import { type Finding, type FindingStatus, findPageFindings } from '../report/findings.ts';

export interface FixedProblem {
  file: string;
  leg: string;
  /** Where the command is now, or was when it is gone. */
  line: number;
  command: string;
  was: FindingStatus;
}

export interface RunChanges {
  /** Problems the last run did not have (all of them on a first run). */
  added: Finding[];
  /** Problems the last run had and this one has not. */
  fixed: FixedProblem[];
  /** Problems both runs have. */
  unchanged: Finding[];
}

/** A problem's identity across edits: everything it says but its file lines. */
function keyOf(finding: Finding): string {
  const details = finding.details.filter((line) => line.style !== 'hunk').map((line) => line.text);
  return [finding.leg, finding.status, finding.summary, ...details].join('\n');
}

function commandOf(finding: Finding): string {
  return finding.details.find((line) => line.style === 'command')?.text.replace(/^\$ /, '') ?? '';
}

/** The line of `command` in the new results on `leg`, if it is still there. */
function findCommandLine(pages: readonly PageResult[], leg: string, command: string) {
  for (const page of pages.filter((candidate) => candidate.leg === leg)) {
    for (const result of page.results) {
      if (!('steps' in result)) continue;
      const step = result.steps.find((candidate) => candidate.command.split('\n')[0] === command);
      if (step) return step.line;
    }
  }
  return undefined;
}

export function compareRuns(
  previous: readonly PageResult[],
  next: readonly PageResult[],
): RunChanges {
  const before = previous.flatMap(findPageFindings);
  const after = next.flatMap(findPageFindings);
  const beforeKeys = new Set(before.map(keyOf));
  const afterKeys = new Set(after.map(keyOf));
  return {
    added: after.filter((finding) => !beforeKeys.has(keyOf(finding))),
    unchanged: after.filter((finding) => beforeKeys.has(keyOf(finding))),
    fixed: before
      .filter((finding) => !afterKeys.has(keyOf(finding)))
      .map((finding) => {
        const command = commandOf(finding);
        return {
          file: finding.file,
          leg: finding.leg,
          line: findCommandLine(next, finding.leg, command) ?? finding.line,
          command,
          was: finding.status,
        };
      }),
  };
}
