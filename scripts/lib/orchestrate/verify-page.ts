/**
 * The steps every run takes per page and leg, shared by a single run and `--watch`: plan
 * what runs on the leg, run it in the leg's Docker world, judge the outcomes.
 */

import type { PublishedContext } from '../config/published-values.ts';
import type { StartedLeg } from '../core/legs.ts';
import type { Page } from '../extract/snippet.ts';
import { createCommandJudge } from '../judge/judge-command.ts';
import { judgePage } from '../judge/judge-page.ts';
import type { PageResult } from '../judge/results.ts';
import { planPage } from '../plan/plan-page.ts';
import type { PageToolbox } from '../plan/plan-toolbox.ts';
import type { DockerEngine } from '../run/engine/engine.ts';
import { runPage, type SnippetProgress } from '../run/run-page.ts';
import { retryPage } from './retry-page.ts';

export interface RunSettings {
  timeoutSeconds: number;
  isStrict: boolean;
  /** Docker Hub's published values, and what the run's mirror serves for them. */
  published?: PublishedContext | undefined;
  /** Each page's reader's toolbox (plan/plan-toolbox.ts), by file; none: every tool. */
  toolboxes?: ReadonlyMap<string, PageToolbox> | undefined;
  /** Attempts after the first for a page that failed (`--retries`); none by default. */
  retries?: number | undefined;
}

/** What planning a page on a leg takes from the run's settings. */
export function describePlanSettings(page: Page, engine: DockerEngine, options: RunSettings) {
  const { name, store } = engine.leg;
  return {
    leg: { name, store, versions: engine.versions },
    defaultTimeoutSeconds: options.timeoutSeconds,
    isStrict: options.isStrict,
    published: options.published,
    toolbox: options.toolboxes?.get(page.file),
  };
}

/** One page on one leg: plan what runs, run it, judge the outcomes. */
export async function verifyPage(
  page: Page,
  engine: DockerEngine,
  options: RunSettings,
  onProgress?: (progress: SnippetProgress) => void,
): Promise<PageResult> {
  const plan = planPage(page, describePlanSettings(page, engine, options));
  return judgePage(await runPage(plan, engine, createCommandJudge(), onProgress));
}

/** How many of `pages` open a Docker world on `engine`, retries aside (planPage decides). */
export function countOpeningPages(
  pages: readonly Page[],
  engine: DockerEngine,
  options: RunSettings,
): number {
  return pages.filter(
    (page) => planPage(page, describePlanSettings(page, engine, options)).isOpening,
  ).length;
}

/**
 * verifyPage, again from scratch while the page fails and `options.retries` allow; an
 * aborted run starts no new attempt (retry-page.ts).
 */
export function verifyPageWithRetries(
  page: Page,
  engine: DockerEngine,
  options: RunSettings,
  signal: AbortSignal,
  onProgress?: (progress: SnippetProgress) => void,
): Promise<PageResult> {
  return retryPage(
    () => verifyPage(page, engine, options, onProgress),
    options.retries ?? 0,
    () => !signal.aborted,
  );
}

/** A leg as reports describe it. */
export function describeStartedLeg(engine: DockerEngine): StartedLeg {
  const { leg, kind, versions } = engine;
  return {
    name: leg.name,
    kind,
    store: leg.store,
    versions,
    ...(leg.provided ? { provided: leg.provided } : {}),
  };
}
