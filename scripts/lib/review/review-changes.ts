/**
 * `--update --review`: each drifted snippet's change is shown and a person answers it with a
 * key. An accepted change is written at once (atomically, the same minimal rewrite as
 * `--update`: the file's original text with every change accepted so far), so quitting or a
 * crash keeps what was accepted; a file that changed since it was read is never written over.
 */

import { VerifyError } from '../core/errors.ts';
import { formatFlag } from '../core/flags.ts';
import type { SourcePage } from '../extract/read-pages.ts';
import type { PageResult } from '../judge/results.ts';
import { type Palette, paintLines, type StyledLine } from '../report/colors.ts';
import type { AgreedChange } from '../update/agree-on-changes.ts';
import { applyChanges, planUpdates, rewriteFile } from '../update/apply-updates.ts';
import { type FileUpdate, listRewrittenLines } from '../update/plan-file-update.ts';
import { firstLine, formatChange, formatDispute } from './format-change.ts';
import type { KeyReader } from './key-reader.ts';
import { formatKeyHelp, formatKeyLine, type ReviewAnswer, readAnswer } from './review-keys.ts';

export interface ReviewTerminal {
  keys: KeyReader;
  write(text: string): void;
  palette: Palette;
}

/** A run without a terminal cannot ask: refused before anything runs. */
export function checkReviewTerminal(stdin: { isTTY?: boolean }, stdout: { isTTY?: boolean }) {
  if (stdin.isTTY && stdout.isTTY) return;
  throw new VerifyError(
    'USAGE',
    `${formatFlag('review')} asks about each change at a terminal, and this run has none`,
    {
      hint: `Run it in a terminal, or use ${formatFlag('update')} alone to accept every change.`,
    },
  );
}

/** One file's review state: what it holds now as far as this run knows, and the answers. */
interface FileState {
  page: SourcePage;
  current: string;
  accepted: AgreedChange[];
  update: FileUpdate;
  /** Set when the file changed on disk behind the review: nothing more is written to it. */
  changedBehind: string | undefined;
}

async function askAnswer(terminal: ReviewTerminal): Promise<Exclude<ReviewAnswer, 'help'>> {
  const print = (lines: StyledLine[]) =>
    terminal.write(`${paintLines(lines, terminal.palette).join('\n')}\n`);
  print([{ style: 'dim', text: `  ${formatKeyLine()}` }]);
  for (;;) {
    const key = await terminal.keys.readKey();
    if (key === undefined) return 'quit';
    const answer = readAnswer(key);
    if (answer === 'help') print(formatKeyHelp().map((text) => ({ style: 'dim', text })));
    else if (answer) return answer;
  }
}

async function accept(state: FileState, change: AgreedChange): Promise<string> {
  const line = firstLine(change);
  if (state.changedBehind) {
    state.update.refused.push({ line, reason: state.changedBehind });
    return `not written: ${state.changedBehind}`;
  }
  const next = applyChanges(state.page.source, [...state.accepted, change]);
  try {
    await rewriteFile(state.page.file, next, state.current);
  } catch (error) {
    if (!(error instanceof VerifyError)) throw error;
    state.changedBehind = `${state.page.file} changed since it was verified; nothing more is written to it`;
    state.update.refused.push({ line, reason: state.changedBehind });
    return `not written: ${error.message}`;
  }
  state.accepted.push(change);
  state.current = next;
  state.update.rewritten.push(...listRewrittenLines(change));
  return `written to ${state.page.file}`;
}

/**
 * Reviews every change of the run's pages, file after file, and returns what was written,
 * skipped and refused per file (the report's summary).
 */
export async function reviewUpdates(
  pages: readonly SourcePage[],
  results: readonly PageResult[],
  terminal: ReviewTerminal,
): Promise<FileUpdate[]> {
  const { palette } = terminal;
  const print = (lines: StyledLine[]) =>
    terminal.write(`${paintLines(lines, palette).join('\n')}\n`);
  const planned = planUpdates(pages, results);
  const total = planned.reduce((sum, file) => sum + file.changes.length, 0);
  const states: FileState[] = [];
  let index = 0;
  let mode: 'ask' | 'accept-all' | 'quit' = 'ask';
  print([{ style: 'heading', text: `\nReview: ${total} ${total === 1 ? 'change' : 'changes'}` }]);
  for (const file of planned) {
    const page = pages.find((candidate) => candidate.file === file.file);
    if (!page) continue;
    const state: FileState = {
      page,
      current: page.source,
      accepted: [],
      update: { file: file.file, rewritten: [], refused: [...file.refused], skipped: [] },
      changedBehind: undefined,
    };
    states.push(state);
    if (mode !== 'quit')
      for (const dispute of file.disputed) print(['', ...formatDispute(dispute)].map(toLine));
    for (const change of file.changes) {
      const number = index++;
      if (mode === 'quit') {
        state.update.skipped.push(...listRewrittenLines(change));
        continue;
      }
      print(['', ...formatChange(change, number, total)].map(toLine));
      const answer = mode === 'ask' ? await askAnswer(terminal) : mode;
      if (answer === 'accept-all') mode = 'accept-all';
      if (answer === 'quit') mode = 'quit';
      if (answer === 'accept' || answer === 'accept-all') {
        const outcome = await accept(state, change);
        print([{ style: outcome.startsWith('written') ? 'pass' : 'fail', text: `  ${outcome}` }]);
      } else {
        state.update.skipped.push(...listRewrittenLines(change));
        if (answer === 'skip') print([{ style: 'skip', text: '  skipped' }]);
      }
    }
  }
  if (mode === 'quit')
    print([{ style: 'dim', text: `\nquit: the rest was skipped (${formatFlag('review')})` }]);
  return states.map((state) => state.update);
}

function toLine(line: StyledLine | string): StyledLine {
  return typeof line === 'string' ? { style: 'plain', text: line } : line;
}
