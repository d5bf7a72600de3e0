/**
 * One reader's world for a whole journey on one leg: one Docker daemon and one home and
 * working folder for every page, in reading order. Each page gets a new terminal (a shell of
 * its own, see open-terminal.ts) in that world; containers, images, volumes, networks and
 * files stay from page to page, as on a reader's machine.
 */
import type { EnvironmentProblem } from '../../core/errors.ts';
import type { PagePlan } from '../../plan/plan-page.ts';
import type { DockerEngine, PageEnvironment } from '../engine/engine.ts';
import {
  describeSetupProblem,
  describeUnopenedPage,
  type PageRun,
  runPlanSnippets,
  type SnippetProgress,
} from '../run-page.ts';
import type { CommandJudge, RunVerdict } from '../run-snippet.ts';
import { createScratch, type Scratch } from '../session/scratch.ts';
import { createSession } from '../session/session.ts';
import type { Inventory } from './inventory.ts';
import { openTerminal } from './open-terminal.ts';
import { takeInventory } from './take-inventory.ts';

export interface JourneyPageOptions<Verdict extends RunVerdict> {
  judge: CommandJudge<Verdict>;
  onProgress(progress: SnippetProgress): void;
  /** Called after the page's first snippet that ran, before the next (a clean-state check). */
  afterFirstBlock?: (() => Promise<void>) | undefined;
}

export interface Journey {
  /** Runs one page in a new terminal of the world; a world that did not open fails every page. */
  runPage<Verdict extends RunVerdict>(
    plan: PagePlan,
    options: JourneyPageOptions<Verdict>,
  ): Promise<PageRun<Verdict>>;
  /** What the world holds now (undefined when it did not open). */
  takeInventory(): Promise<Inventory | undefined>;
  /** Removes the world: the daemon and everything in it, the reader's folders. */
  close(): Promise<void>;
}

/** Opens the world of a journey on `engine`; a failure to open is kept for every page. */
export async function openJourney(engine: DockerEngine, id: string): Promise<Journey> {
  let environment: PageEnvironment | undefined;
  let scratch: Scratch | undefined;
  let setupProblem: EnvironmentProblem | undefined;
  try {
    // No images are pulled for the journey: a reader has what earlier pages pulled.
    environment = await engine.openPage({ id, images: [] });
    scratch = await createScratch(id, environment);
  } catch (error) {
    setupProblem = describeSetupProblem(error);
  }
  let terminals = 0;
  return {
    async runPage(plan, options) {
      const unopened = describeUnopenedPage<never>(plan);
      if (!plan.isOpening) return unopened;
      if (!environment || !scratch) return { ...unopened, setupProblem };
      const daemon = environment;
      const started = performance.now();
      const terminal = openTerminal(scratch, terminals++);
      try {
        // On PATH: the toolbox tools the reader has installed by this page, no later one's.
        await daemon.machine?.setTools(plan.tools ?? 'all');
      } catch (error) {
        return { ...unopened, setupProblem: describeSetupProblem(error) };
      }
      const session = createSession(terminal, daemon, plan.page.options.env);
      let isFirst = true;
      try {
        const ran = await runPlanSnippets(plan, {
          session,
          isDaemonAlive: () => daemon.isDaemonAlive(),
          judge: options.judge,
          onProgress: options.onProgress,
          async afterSnippet() {
            if (isFirst) await options.afterFirstBlock?.();
            isFirst = false;
          },
        });
        return {
          plan,
          setupProblem: undefined,
          snippets: ran.snippets,
          stoppedAt: ran.stoppedAt,
          durationMs: performance.now() - started,
        };
      } finally {
        session.close();
      }
    },
    takeInventory: async () =>
      environment && scratch
        ? takeInventory(environment, { workDir: scratch.workDir, homeDir: scratch.homeDir })
        : undefined,
    async close() {
      await environment?.dispose();
      await scratch?.remove();
    },
  };
}
