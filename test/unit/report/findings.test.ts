import { describe, expect, it } from 'vitest';
import type { EnvironmentProblem } from '../../../scripts/lib/core/errors.ts';
import type { PageResult, SnippetResult } from '../../../scripts/lib/judge/results.ts';
import { findFindings, findPageFindings } from '../../../scripts/lib/report/findings.ts';
import { transcript as body, pages, snippetAt, stepAt } from './sample-results.ts';

const file = 'src/content/docs/networks.mdx';
const sandboxFailed: EnvironmentProblem = {
  code: 'SANDBOX_FAILED',
  message: 'dockerd did not start: iptables failed',
  hint: 'Run as root, or use --docker host.',
};

function setupError(line: number, problem = sandboxFailed): SnippetResult {
  return { status: 'error', snippet: snippetAt(file, line, body), steps: [], problem };
}

const summaries = (page: PageResult) =>
  findPageFindings(page).map((finding) => `${finding.status} ${finding.line}: ${finding.summary}`);

describe('findFindings', () => {
  it('has nothing to say about a pass or a skip', () => {
    const results = pages.flatMap((page) => page.results);
    const quiet = results.filter(
      (result) => result.status === 'pass' || result.status === 'skipped',
    );
    expect(quiet.flatMap((result) => findFindings(result, 'sandbox'))).toEqual([]);
  });

  it("puts the command's own error text next to an exit code the page does not expect", () => {
    const step = {
      ...stepAt(5, 'docker push localhost:5000/app', [], undefined, { actual: 1 }),
      output: [
        'Using default tag: latest',
        'Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused',
      ],
    };
    const result: SnippetResult = {
      status: 'failed',
      snippet: snippetAt(file, 4, body),
      steps: [step],
      durationMs: 10,
    };
    const [finding] = findFindings(result, 'sandbox');
    expect(finding?.summary).toBe(
      'exit code 1, expected 0: Get "http://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused',
    );
    expect(finding?.details.map((line) => line.text)).toContain('output:');
  });

  it('cuts a long diff, saying how many lines it leaves out', () => {
    const printed = Array.from({ length: 500 }, (_, index) => `line ${index}`);
    const result: SnippetResult = {
      status: 'drift',
      snippet: snippetAt(file, 4, body),
      steps: [stepAt(5, 'seq 500', ['done'], printed)],
      durationMs: 10,
    };
    const details = findFindings(result, 'sandbox')[0]?.details.map((line) => line.text) ?? [];
    expect(details.length).toBeLessThan(50);
    expect(details).toContain('… 472 more lines');
    expect(details.at(-1)).toBe('+line 499');
  });

  it('reports every wrong command of a snippet, at its own line', () => {
    const result: SnippetResult = {
      status: 'drift',
      snippet: snippetAt(file, 4, body),
      steps: [
        stepAt(5, 'docker network ls', ['NAME', 'bridge'], ['NAME', 'bridge', 'host']),
        stepAt(8, 'docker network create app', ['[..]'], ['5c0ffee']),
        stepAt(10, 'docker network ls -q', ['1'], ['1', '2']),
      ],
      durationMs: 300,
    };
    expect(
      findFindings(result, 'sandbox').map((finding) => [finding.line, finding.summary]),
    ).toEqual([
      [5, 'output differs from the documentation'],
      [10, 'output differs from the documentation'],
    ]);
  });

  it('shows long scripts by their first lines', () => {
    const code = ['set -e', 'a', 'b', 'c', 'd', 'e', 'f', 'g'].join('\n');
    const result: SnippetResult = {
      status: 'failed',
      snippet: snippetAt(file, 4, { kind: 'script', code }, 'bash'),
      steps: [stepAt(5, code, [], undefined, { actual: 2 })],
      durationMs: 10,
    };
    expect(
      findFindings(result, 'sandbox')[0]?.details.map((line) => line.text),
    ).toMatchInlineSnapshot(`
      [
        "$ set -e",
        "> a",
        "> b",
        "> c",
        "> d",
        "> e",
        "  … 2 more lines",
      ]
    `);
  });
});

describe('findPageFindings', () => {
  it('reports one set-up problem shared by a whole page once, naming the other snippets', () => {
    const page = {
      file,
      leg: 'sandbox',
      values: [],
      ids: [],
      durationMs: 900,
      results: [setupError(4), setupError(12), setupError(20)],
    };
    const findings = findPageFindings(page);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.details.map((line) => line.text)).toEqual([
      'hint: Run as root, or use --docker host.',
      'same problem for 2 more snippets, lines 12, 20',
    ]);
  });

  it('keeps different problems apart', () => {
    const other = { code: 'IMAGE_NOT_FOUND', message: 'busybox:9 was not found' } as const;
    const page = {
      file,
      leg: 'sandbox',
      values: [],
      ids: [],
      durationMs: 900,
      results: [setupError(4), setupError(12, other), setupError(20, other)],
    };
    expect(summaries(page)).toEqual([
      'error 4: dockerd did not start: iptables failed',
      'error 12: busybox:9 was not found',
    ]);
  });
});
