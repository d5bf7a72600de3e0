import { findUnmetCondition, type LegFacts } from '../core/conditions.ts';
import type { NamedValue } from '../core/named-values.ts';
import { listNamedValues } from '../core/options.ts';
import type { DockerVersions } from '../core/versions.ts';
import { type CommandStep, listCommandSteps, type Page, type Snippet } from '../extract/snippet.ts';

/** A command to run and what the page documents for it. */
export interface PlannedStep extends CommandStep {
  expectedExitCode: number;
  /** Transcripts document output, which is compared; a script's output is only shown. */
  isOutputChecked: boolean;
  /** The page's named values, which its documented output may show. */
  values: readonly NamedValue[];
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
  | { action: 'skip'; snippet: Snippet; reason: string }
  /** Its condition does not hold on this leg: it is verified on others, or not at all. */
  | { action: 'exclude'; snippet: Snippet; reason: string };

export interface PagePlan {
  page: Page;
  /** The name of the leg the page runs on. */
  leg: string;
  /** False when nothing of the page runs: no Docker world is opened for it. */
  isOpening: boolean;
  snippets: PlannedSnippet[];
}

export interface PlanSettings {
  /** The leg the page runs on: its name, image store and versions, for conditions. */
  leg: LegFacts & { versions: DockerVersions };
  defaultTimeoutSeconds: number;
}

/**
 * Each command's expected exit code: one value is the last command's, a list is one per
 * command (extraction has checked that its length fits).
 */
function expectExitCodes(
  snippet: Snippet,
  steps: readonly CommandStep[],
  values: readonly NamedValue[],
): PlannedStep[] {
  const exit = snippet.options.exit ?? [];
  const isOutputChecked = snippet.body.kind === 'transcript';
  return steps.map((step, index) => {
    const isLast = index === steps.length - 1;
    const expected = exit.length === 1 ? (isLast ? exit[0] : 0) : exit[index];
    return { ...step, expectedExitCode: expected ?? 0, isOutputChecked, values };
  });
}

function planSnippet(
  snippet: Snippet,
  settings: PlanSettings,
  values: readonly NamedValue[],
): PlannedSnippet {
  const { body, options } = snippet;
  const unmet = findUnmetCondition(options.condition, settings.leg);
  if (unmet) return { action: 'exclude', snippet, reason: unmet };
  if (body.kind === 'file') {
    return { action: 'write', snippet, path: body.path, content: body.content };
  }
  if (options.skip) return { action: 'skip', snippet, reason: options.skip };
  return {
    action: 'run',
    snippet,
    steps: expectExitCodes(snippet, listCommandSteps(snippet), values),
    tty: options.tty,
    stdin: options.stdin,
    timeoutMs: (options.timeoutSeconds ?? settings.defaultTimeoutSeconds) * 1000,
  };
}

/**
 * Decides, for one page on one leg, what runs, what is skipped and why, and what is left to
 * other legs (a condition that does not hold here), before anything runs. A page skipped as
 * a whole, or with nothing for this leg, opens no Docker world. Pure.
 */
export function planPage(page: Page, settings: PlanSettings): PagePlan {
  const leg = settings.leg.name;
  const pageSkip = page.options.skip;
  if (pageSkip) {
    const runnable = page.snippets.filter((snippet) => snippet.body.kind !== 'file');
    return {
      page,
      leg,
      isOpening: false,
      snippets: runnable.map((snippet) => ({ action: 'skip', snippet, reason: pageSkip })),
    };
  }
  const values = listNamedValues(page.options);
  const snippets = page.snippets.map((snippet) => planSnippet(snippet, settings, values));
  return { page, leg, isOpening: snippets.some((planned) => planned.action === 'run'), snippets };
}
