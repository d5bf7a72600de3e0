/**
 * The steps every run takes per page and leg, shared by a single run and `--watch`: plan
 * what runs on the leg, run it in the leg's Docker world, judge the outcomes.
 */

import type { StartedLeg } from '../core/legs.ts';
import type { Page } from '../extract/snippet.ts';
import { commandJudge } from '../judge/judge-command.ts';
import { judgePage } from '../judge/judge-page.ts';
import type { PageResult } from '../judge/results.ts';
import { planPage } from '../plan/plan-page.ts';
import type { DockerEngine } from '../run/engine/engine.ts';
import { runPage, type SnippetProgress } from '../run/run-page.ts';

export interface RunSettings {
  timeoutSeconds: number;
  isStrict: boolean;
}

/** One page on one leg: plan what runs, run it, judge the outcomes. */
export async function verifyPage(
  page: Page,
  engine: DockerEngine,
  options: RunSettings,
  onProgress?: (progress: SnippetProgress) => void,
): Promise<PageResult> {
  const { name, store } = engine.leg;
  const settings = {
    leg: { name, store, versions: engine.versions },
    defaultTimeoutSeconds: options.timeoutSeconds,
    isStrict: options.isStrict,
  };
  return judgePage(await runPage(planPage(page, settings), engine, commandJudge, onProgress));
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
