import { type EnvironmentProblem, VerifyError } from '../core/errors.ts';
import type { PagePlan } from '../plan/plan-page.ts';
import type { DockerEngine, PageEnvironment } from './engine/engine.ts';
import { type CommandJudge, type RunVerdict, runSnippet, type SnippetRun } from './run-snippet.ts';
import { createScratch, type Scratch } from './session/scratch.ts';
import { createSession, type Session } from './session/session.ts';

/** What became of one planned snippet, raw: aligned with `PagePlan.snippets`. */
export type SnippetOutcome<Verdict extends RunVerdict = RunVerdict> =
  | ({ kind: 'ran' } & SnippetRun<Verdict>)
  | { kind: 'written' }
  | { kind: 'write-failed'; detail: string }
  /** Planned as a skip, or after the page stopped. */
  | { kind: 'not-run' };

/** A page as it ran, before judging. */
export interface PageRun<Verdict extends RunVerdict = RunVerdict> {
  plan: PagePlan;
  /** Why the page's Docker world or folders could not be set up; then nothing ran. */
  setupProblem: EnvironmentProblem | undefined;
  snippets: SnippetOutcome<Verdict>[];
  /** Index in the plan of the snippet whose timeout ended the page: nothing after it ran. */
  stoppedAt: number | undefined;
  durationMs: number;
}

/** Where a running page is: its `current`-th snippet that runs of `total`, at `line`. */
export interface SnippetProgress {
  current: number;
  total: number;
  line: number;
}

/** A filesystem- and name-safe identifier for a page, e.g. `docs-first-container`. */
export function pageIdOf(file: string): string {
  return (
    file
      .replace(/\.(md|mdx)$/, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'page'
  );
}

/** Why a page's world could not be set up, as an environment problem. */
export function describeSetupProblem(error: unknown): EnvironmentProblem {
  if (error instanceof VerifyError)
    return {
      code: error.code,
      message: error.message,
      ...(error.hint ? { hint: error.hint } : {}),
    };
  return {
    code: 'SANDBOX_FAILED',
    message: error instanceof Error ? error.message : String(error),
  };
}

async function writeFile(session: Session, path: string, content: string) {
  const result = await session.writeFile(path, content);
  if (!result.failed) return { kind: 'written' as const };
  const detail = result.hasStarted ? result.all.trim() : result.shortMessage;
  return { kind: 'write-failed' as const, detail };
}

/** The run of a page that opens no Docker world: nothing of it ran. Pure. */
export function describeUnopenedPage<Verdict extends RunVerdict>(plan: PagePlan): PageRun<Verdict> {
  const snippets = plan.snippets.map(() => ({ kind: 'not-run' }) as const);
  return { plan, setupProblem: undefined, snippets, stoppedAt: undefined, durationMs: 0 };
}

/** What running a plan's snippets needs: the page's session, its daemon, the judge. */
export interface PlanContext<Verdict extends RunVerdict> {
  session: Session;
  isDaemonAlive(): Promise<boolean>;
  judge: CommandJudge<Verdict>;
  onProgress(progress: SnippetProgress): void;
  /** Called after each snippet that ran (and did not stop the page), before the next. */
  afterSnippet?(): Promise<void>;
}

/**
 * Runs a plan's snippets in order in a session that is already open: files written, commands
 * run and judged, until the end or a timeout (what follows may depend on the command that
 * hung). Shared by a page in a world of its own and a page of a journey.
 */
export async function runPlanSnippets<Verdict extends RunVerdict>(
  plan: PagePlan,
  context: PlanContext<Verdict>,
): Promise<{ snippets: SnippetOutcome<Verdict>[]; stoppedAt: number | undefined }> {
  const { session } = context;
  const notRun = plan.snippets.map(() => ({ kind: 'not-run' }) as const);
  const outcomes: SnippetOutcome<Verdict>[] = [];
  const total = plan.snippets.filter((planned) => planned.action === 'run').length;
  let current = 0;
  for (const [index, planned] of plan.snippets.entries()) {
    if (planned.action === 'run')
      context.onProgress({ current: ++current, total, line: planned.snippet.line });
    if (planned.action === 'write') {
      outcomes.push(await writeFile(session, planned.path, planned.content));
    } else if (planned.action === 'run') {
      const run = await runSnippet(planned, context);
      outcomes.push({ kind: 'ran', ...run });
      if (run.commands.at(-1)?.result.timedOut) {
        return { snippets: [...outcomes, ...notRun.slice(index + 1)], stoppedAt: index };
      }
      await context.afterSnippet?.();
    } else {
      outcomes.push({ kind: 'not-run' });
    }
  }
  return { snippets: outcomes, stoppedAt: undefined };
}

/**
 * Runs a page's plan as a reader follows the page: one session, snippets in order, in a
 * Docker world of its own that is disposed of when the page ends, whatever happened. Each
 * command's outcome carries the verdict `judge` gave it, for judge/judge-page.ts.
 */
export async function runPage<Verdict extends RunVerdict>(
  plan: PagePlan,
  engine: DockerEngine,
  judge: CommandJudge<Verdict>,
  onProgress: (progress: SnippetProgress) => void = () => {},
): Promise<PageRun<Verdict>> {
  const started = performance.now();
  const notRun = plan.snippets.map(() => ({ kind: 'not-run' }) as const);
  const finish = (
    snippets: SnippetOutcome<Verdict>[],
    stoppedAt?: number,
    setupProblem?: EnvironmentProblem,
  ): PageRun<Verdict> => ({
    plan,
    setupProblem,
    snippets,
    stoppedAt,
    durationMs: performance.now() - started,
  });
  if (!plan.isOpening) return finish(notRun);
  let environment: PageEnvironment | undefined;
  let scratch: Scratch | undefined;
  let session: Session | undefined;
  try {
    const id = pageIdOf(plan.page.file);
    try {
      // The reader's machine hides the toolbox tools the reader has not installed by this page.
      const { images } = plan.page.options;
      environment = await engine.openPage({ id, images, tools: plan.tools });
      scratch = await createScratch(id, environment);
    } catch (error) {
      return finish(notRun, undefined, describeSetupProblem(error));
    }
    const daemon = environment;
    session = createSession(scratch, daemon, plan.page.options.env);
    const isDaemonAlive = () => daemon.isDaemonAlive();
    const ran = await runPlanSnippets(plan, { session, isDaemonAlive, judge, onProgress });
    return finish(ran.snippets, ran.stoppedAt);
  } finally {
    session?.close();
    await environment?.dispose();
    await scratch?.remove();
  }
}
