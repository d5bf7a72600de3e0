import { formatPosition, VerifyError } from '../core/errors.ts';
import type { Page, Snippet } from '../extract/snippet.ts';
import type { EnvironmentProblem, PageResult, SnippetResult } from '../judge/results.ts';
import { findUnmetRequirement } from '../plan/version-requirements.ts';
import type { DockerEngine, PageEnvironment } from './engine/engine.ts';
import { runSnippet } from './run-snippet.ts';
import { createScratch, type Scratch } from './session/scratch.ts';
import { createSession, type Session } from './session/session.ts';

export interface PageSettings {
  defaultTimeoutSeconds: number;
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

function problemOf(error: unknown): EnvironmentProblem {
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

async function writeFileSnippet(
  snippet: Snippet,
  session: Session,
): Promise<SnippetResult | undefined> {
  if (snippet.body.kind !== 'file') return undefined;
  const outcome = await session.writeFile(snippet.body.path, snippet.body.content);
  if (!outcome.failed) return undefined;
  const detail = outcome.hasStarted ? outcome.all.trim() : outcome.shortMessage;
  return {
    status: 'error',
    snippet,
    steps: [],
    problem: { code: 'WRITE_FAILED', message: `Cannot write ${snippet.body.path}: ${detail}` },
  };
}

/**
 * Runs a page as a reader follows it: one session, snippets in order, in a Docker world of
 * its own that is disposed of when the page ends, whatever happened. A timeout ends the page
 * (what follows may depend on the command that hung); the remaining snippets are skipped
 * with that reason.
 */
export async function runPage(
  page: Page,
  engine: DockerEngine,
  settings: PageSettings,
): Promise<PageResult> {
  const started = performance.now();
  const finish = (results: SnippetResult[]): PageResult => ({
    file: page.file,
    results,
    durationMs: performance.now() - started,
  });
  const runnable = page.snippets.filter((snippet) => snippet.body.kind !== 'file');
  if (page.options.skip) {
    return finish(
      runnable.map((snippet) => ({ status: 'skipped', snippet, reason: page.options.skip ?? '' })),
    );
  }
  let environment: PageEnvironment | undefined;
  let scratch: Scratch | undefined;
  let session: Session | undefined;
  try {
    const id = pageIdOf(page.file);
    try {
      environment = await engine.openPage({ id, images: page.options.images });
      scratch = await createScratch(id);
    } catch (error) {
      const problem = problemOf(error);
      return finish(runnable.map((snippet) => ({ status: 'error', snippet, steps: [], problem })));
    }
    const daemon = environment;
    session = createSession(scratch, daemon, page.options.env);
    const context = {
      session,
      defaultTimeoutSeconds: settings.defaultTimeoutSeconds,
      isDaemonAlive: () => daemon.isDaemonAlive(),
    };
    const results: SnippetResult[] = [];
    let stoppedBy: Snippet | undefined;
    for (const snippet of page.snippets) {
      const unmet = findUnmetRequirement(snippet.options, engine.versions);
      if (snippet.body.kind === 'file') {
        const failure = stoppedBy ? undefined : await writeFileSnippet(snippet, session);
        if (failure) results.push(failure);
      } else if (stoppedBy) {
        results.push({
          status: 'skipped',
          snippet,
          reason: `not run: the page stopped after a timeout at ${formatPosition(stoppedBy)}`,
        });
      } else if (snippet.options.skip) {
        results.push({ status: 'skipped', snippet, reason: snippet.options.skip });
      } else if (unmet) {
        results.push({ status: 'skipped', snippet, reason: unmet });
      } else {
        const result = await runSnippet(snippet, context);
        results.push(result);
        if (result.status === 'timeout') stoppedBy = snippet;
      }
    }
    return finish(results);
  } finally {
    session?.close();
    await environment?.dispose();
    await scratch?.remove();
  }
}
