import type { PublishedContext } from '../../scripts/lib/config/published-values.ts';
import { judgePage } from '../../scripts/lib/judge/judge-page.ts';
import type { PageResult } from '../../scripts/lib/judge/results.ts';
import { planPage } from '../../scripts/lib/plan/plan-page.ts';
import { exitedProcess } from '../../scripts/lib/system/run-process.ts';
import { extractValidPage } from './extract-page.ts';
import { addVerdicts, type RawOutcome } from './judged-run.ts';

const versions = { client: '29.0.0', server: '29.0.0', apiVersion: '1.52' };

/**
 * The result a run would give for a page, without running anything: the real plan and the
 * real judge over outcomes made up here. `actualOf` says what each command (numbered across
 * the page) printed; every command exits 0 in 1 ms. For tests of the stages after running
 * (update, reporters).
 */
export function simulatePage(
  source: string,
  file: string,
  actualOf: (step: number) => string[],
  leg = 'sandbox',
  store = 'overlay2',
  more: { published?: PublishedContext | undefined; server?: string } = {},
): PageResult {
  // This site's settings: a command shown without output must print nothing.
  const extractedPage = extractValidPage(source, file, { output: { unshown: 'empty' } });
  const plan = planPage(extractedPage, {
    leg: { name: leg, store, versions: { ...versions, server: more.server ?? versions.server } },
    defaultTimeoutSeconds: 120,
    published: more.published,
  });
  let stepNumber = 0;
  const snippets = plan.snippets.map((planned): RawOutcome => {
    if (planned.action === 'write') return { kind: 'written' };
    if (planned.action !== 'run') return { kind: 'not-run' };
    const commands = planned.steps.map((step) => {
      const lines = actualOf(stepNumber++);
      const output = lines.length > 0 ? `${lines.join('\n')}\n` : '';
      return { result: exitedProcess(step.command, 0, output, 1), isDaemonAlive: undefined };
    });
    return { kind: 'ran', commands, durationMs: 1 };
  });
  const run = {
    plan,
    setupProblem: undefined,
    snippets: addVerdicts(plan, snippets),
    stoppedAt: undefined,
    durationMs: 1,
  };
  return judgePage(run);
}
