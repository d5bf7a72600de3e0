import type { DockerVersions } from '../core/versions.ts';
import { type CommandStep, listCommandSteps, type Page, type Snippet } from '../extract/snippet.ts';
import { findUnmetRequirement } from './version-requirements.ts';

/** A command to run and what the page documents for it. */
export interface PlannedStep extends CommandStep {
  expectedExitCode: number;
  /** Transcripts document output, which is compared; a script's output is only shown. */
  isOutputChecked: boolean;
}

/** What happens to one snippet of a page, decided before anything runs. */
export type PlannedSnippet =
  /** A file fence (`file="Dockerfile"`): written into the session before the next snippet. */
  | { action: 'write'; snippet: Snippet; path: string; content: string }
  | {
      action: 'run';
      snippet: Snippet;
      steps: PlannedStep[];
      tty: boolean;
      stdin: string | undefined;
      timeoutMs: number;
    }
  | { action: 'skip'; snippet: Snippet; reason: string };

export interface PagePlan {
  page: Page;
  /** The name of the leg the page runs on. */
  leg: string;
  /** False when nothing of the page runs: no Docker world is opened for it. */
  isOpening: boolean;
  snippets: PlannedSnippet[];
}

export interface PlanSettings {
  /** The leg the page runs on, and its versions for `min-client` and `min-server`. */
  leg: string;
  versions: DockerVersions;
  defaultTimeoutSeconds: number;
}

/**
 * Each command's expected exit code: one value is the last command's, a list is one per
 * command (extraction has checked that its length fits).
 */
function expectExitCodes(snippet: Snippet, steps: readonly CommandStep[]): PlannedStep[] {
  const exit = snippet.options.exit ?? [];
  const isOutputChecked = snippet.body.kind === 'transcript';
  return steps.map((step, index) => {
    const isLast = index === steps.length - 1;
    const expected = exit.length === 1 ? (isLast ? exit[0] : 0) : exit[index];
    return { ...step, expectedExitCode: expected ?? 0, isOutputChecked };
  });
}

function planSnippet(snippet: Snippet, settings: PlanSettings): PlannedSnippet {
  const { body, options } = snippet;
  if (body.kind === 'file') {
    return { action: 'write', snippet, path: body.path, content: body.content };
  }
  if (options.skip) return { action: 'skip', snippet, reason: options.skip };
  const unmet = findUnmetRequirement(options, settings.versions);
  if (unmet) return { action: 'skip', snippet, reason: unmet };
  return {
    action: 'run',
    snippet,
    steps: expectExitCodes(snippet, listCommandSteps(snippet)),
    tty: options.tty,
    stdin: options.stdin,
    timeoutMs: (options.timeoutSeconds ?? settings.defaultTimeoutSeconds) * 1000,
  };
}

/**
 * Decides, for one page on one Docker, what runs and what is skipped and why, before
 * anything runs. A page skipped as a whole opens no Docker world; its file fences are not
 * written. Pure.
 */
export function planPage(page: Page, settings: PlanSettings): PagePlan {
  const pageSkip = page.options.skip;
  if (pageSkip) {
    const runnable = page.snippets.filter((snippet) => snippet.body.kind !== 'file');
    return {
      page,
      leg: settings.leg,
      isOpening: false,
      snippets: runnable.map((snippet) => ({ action: 'skip', snippet, reason: pageSkip })),
    };
  }
  return {
    page,
    leg: settings.leg,
    isOpening: true,
    snippets: page.snippets.map((snippet) => planSnippet(snippet, settings)),
  };
}
