import { describe, expect, it } from 'vitest';
import type { PageResult } from '../../../scripts/lib/judge/results.ts';
import { createGithubReporter } from '../../../scripts/lib/report/github.ts';
import { createHumanReporter } from '../../../scripts/lib/report/human.ts';
import { buildJsonReport } from '../../../scripts/lib/report/json.ts';
import { renderJunit } from '../../../scripts/lib/report/junit.ts';
import {
  createMemoryTarget,
  firstPage,
  info,
  playRun,
  snippetAt,
  stepAt,
  summarizePage,
  transcript,
} from './sample-results.ts';

/** `docker run --rm busybox hostname` printed nothing once (an engine race), then its ID. */
function hostnamePage(actual: string[], durationMs: number): PageResult {
  const step = stepAt(13, 'docker run --rm busybox hostname', ['e3669495ed80'], actual);
  return {
    file: firstPage,
    leg: 'sandbox',
    values: [],
    ids: [],
    durationMs,
    results: [
      {
        status: step.comparison?.matches ? 'pass' : 'drift',
        snippet: snippetAt(firstPage, 12, transcript),
        steps: [step],
        durationMs: 800,
      },
    ],
  };
}

const printedNothing = hostnamePage([], 900);
const flaky: PageResult = {
  ...hostnamePage(['e3669495ed80'], 1000),
  earlierAttempts: [printedNothing],
};
const failedTwice: PageResult = { ...printedNothing, earlierAttempts: [printedNothing] };

describe('a page that passed only when run again (--retries)', () => {
  it('is a pass marked flaky in the terminal, with what failed before and a count', async () => {
    const target = createMemoryTarget();
    await playRun(createHumanReporter(target, { env: {} }), summarizePage(flaky));
    expect(target.text()).toMatchInlineSnapshot(`
      "Docker client 28.5.1, server 28.5.1 (API 1.51) · sandbox engine · 1 page, 2 at a time

      ✓ src/content/docs/first-container.mdx  1 passed, flaky: passed on attempt 2 of 2  1.0s

      ~ src/content/docs/first-container.mdx:13  flaky, attempt 1 of 2 (passed on attempt 2): output differs from the documentation
        $ docker run --rm busybox hostname
        @@ src/content/docs/first-container.mdx:14 @@
        -e3669495ed80

      1 passed, 0 failed, 0 skipped, 1 page flaky in 2.0s
      "
    `);
  });

  it('still fails when every attempt failed, and says how many there were', async () => {
    const target = createMemoryTarget();
    await playRun(createHumanReporter(target, { env: {} }), summarizePage(failedTwice));
    const text = target.text();
    expect(text).toContain(`✗ ${firstPage}  1 drifted, on each of 2 attempts`);
    expect(text).not.toContain('flaky');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^0 passed, 1 failed, 0 skipped in /);
  });

  it('carries its attempts into the JSON report', () => {
    const report = buildJsonReport({
      info: summarizePage(flaky).info,
      diagnostics: [],
      pages: [flaky],
      summary: summarizePage(flaky),
    });
    const [page] = report.pages;
    expect(page?.attempts).toBe(2);
    expect(page?.flaky).toBe(true);
    expect(page?.snippets.map((snippet) => snippet.status)).toEqual(['pass']);
    expect(page?.earlierAttempts).toEqual([
      {
        durationMs: 900,
        snippets: [expect.objectContaining({ line: 12, status: 'drift' })],
      },
    ]);
    const once = buildJsonReport({
      info,
      diagnostics: [],
      pages: [printedNothing],
      summary: undefined,
    }).pages[0];
    expect([once?.attempts, once?.flaky, once?.earlierAttempts]).toEqual([1, false, []]);
  });

  it('writes the earlier failures as Surefire writes reruns in JUnit', () => {
    const flakyXml = renderJunit({
      info,
      diagnostics: [],
      pages: [flaky],
      summary: summarizePage(flaky),
    });
    expect(flakyXml).toMatch(
      /<testcase [^>]*line="12"[^>]*>\s*<flakyFailure message="output differs from the documentation" type="drift">[^<]*\$ docker run --rm busybox hostname[^<]*-e3669495ed80[^<]*<\/flakyFailure>\s*<\/testcase>/,
    );
    expect(flakyXml).not.toContain('<failure');
    const failedXml = renderJunit({
      info,
      diagnostics: [],
      pages: [failedTwice],
      summary: undefined,
    });
    expect(failedXml).toMatch(/<failure [^>]*>[^<]*<\/failure>\s*<rerunFailure [^>]*type="drift"/);
  });

  it('is a warning annotation in GitHub Actions, where it failed before', async () => {
    const target = createMemoryTarget();
    await playRun(createGithubReporter(target, { env: {} }), summarizePage(flaky));
    expect(target.text().split('\n')).toEqual([
      `::warning file=${firstPage},line=13,title=flaky%2C attempt 1 of 2 (passed on attempt 2)%3A output differs from the documentation::$ docker run --rm busybox hostname%0A@@ ${firstPage}:14 @@%0A-e3669495ed80`,
      '::notice title=Verified examples::1 passed, 0 failed, 0 skipped, 1 page flaky in 2.0s',
      '',
    ]);
  });
});
