import { describe, expect, it } from 'vitest';
import type { PageResult } from '../../../scripts/lib/judge/results.ts';
import { createGithubReporter } from '../../../scripts/lib/report/github.ts';
import { createHumanReporter } from '../../../scripts/lib/report/human.ts';
import { buildJsonReport } from '../../../scripts/lib/report/json.ts';
import { renderJunit } from '../../../scripts/lib/report/junit.ts';
import {
  createMemoryTarget,
  playRun,
  snippetAt,
  stepAt,
  summarizePage,
  transcript,
} from './sample-results.ts';

const file = 'src/content/docs/registries.mdx';
const reason =
  'for the containerd image store; sandbox is Docker Engine 28.5.1 with the classic image store (overlay2)';

/** A page whose containerd tab was left to other legs, on a run that had none. */
const page: PageResult = {
  file,
  leg: 'sandbox',
  values: [],
  ids: [],
  durationMs: 900,
  results: [
    { status: 'excluded', snippet: snippetAt(file, 229, transcript), reason },
    {
      status: 'pass',
      snippet: snippetAt(file, 240, transcript),
      steps: [stepAt(241, 'docker image rm x', ['Untagged: x'], ['Untagged: x'])],
      durationMs: 40,
    },
  ],
};

const summary = summarizePage(page, {
  unverified: [
    {
      file,
      line: 229,
      reason: 'it holds for the containerd image store, which no leg of this run has (sandbox)',
    },
  ],
  durationMs: 1000,
});

describe('a block no leg of the run verified', () => {
  it('is listed and counted by the human report, its leg line not counting it as passed', async () => {
    const target = createMemoryTarget();
    await playRun(createHumanReporter(target, { env: { NO_COLOR: '1' } }), summary);
    const text = target.text();
    expect(text).toContain(`✓ ${file}  1 passed, 1 for other legs`);
    expect(text).toContain(
      `? ${file}:229  not verified: it holds for the containerd image store, which no leg of this run has (sandbox)`,
    );
    expect(text).toMatch(/1 passed, 0 failed, 0 skipped, 1 not verified in /);
  });

  it('is a skipped test in its own JUnit suite; a block for other legs is no test of a leg', () => {
    const xml = renderJunit({ info: summary.info, diagnostics: [], pages: [page], summary });
    expect(xml).toContain(
      '<testsuite name="not verified" tests="1" failures="0" errors="0" skipped="1"',
    );
    expect(xml).toContain(`<testsuite name="${file}" tests="1"`);
    expect(xml).toMatch(/<testsuites [^>]*tests="2"[^>]*skipped="1"/);
  });

  it('is a warning annotation on GitHub, and in the closing notice', async () => {
    const target = createMemoryTarget();
    await playRun(createGithubReporter(target, { env: {} }), summary);
    expect(target.text()).toContain(
      `::warning file=${file},line=229,title=Not verified::it holds for the containerd image store`,
    );
    expect(target.text()).toContain('1 passed, 0 failed, 0 skipped, 1 not verified');
  });

  it('is in the JSON report, and the block for other legs says why', () => {
    const json = buildJsonReport({ info: summary.info, diagnostics: [], pages: [page], summary });
    expect(json.notVerified).toEqual(summary.unverified);
    expect(json.pages[0]?.snippets[0]).toMatchObject({ status: 'excluded', reason, steps: [] });
    expect(json.counts.excluded).toBe(1);
  });
});
