import { describe, expect, it } from 'vitest';
import { type JudgedRun, judgePage } from '../../../scripts/lib/judge/judge-page.ts';
import type { SnippetResult } from '../../../scripts/lib/judge/results.ts';
import { type PagePlan, planPage } from '../../../scripts/lib/plan/plan-page.ts';
import {
  exitedProcess,
  type ProcessResult,
  timedOutProcess,
  unstartedProcess,
} from '../../../scripts/lib/system/run-process.ts';
import { extractValidPage } from '../../helpers/extract-page.ts';
import { addVerdicts, type RawCommand, type RawOutcome } from '../../helpers/judged-run.ts';

const versions = { client: '28.2.2', server: '26.1.5', apiVersion: '1.45' };

function plan(source: string): PagePlan {
  const extractedPage = extractValidPage(source, 'a.md');
  const leg = { name: 'sandbox', store: 'overlay2', versions };
  return planPage(extractedPage, { leg, defaultTimeoutSeconds: 120 });
}

const exited = (code: number, output = '') => exitedProcess('cmd', code, output, 5);
const ran = (...commands: (ProcessResult | RawCommand)[]): RawOutcome => ({
  kind: 'ran',
  commands: commands.map((command) =>
    'result' in command ? command : { result: command, isDaemonAlive: undefined },
  ),
  durationMs: 10,
});

function judge(
  pagePlan: PagePlan,
  snippets: RawOutcome[],
  more: Partial<Omit<JudgedRun, 'snippets'>> = {},
) {
  const run = {
    plan: pagePlan,
    setupProblem: undefined,
    snippets: addVerdicts(pagePlan, snippets),
    stoppedAt: undefined,
    durationMs: 99,
    ...more,
  };
  return judgePage(run);
}

const summarize = (results: readonly SnippetResult[]) =>
  results.map((result) => {
    if (result.status === 'skipped') return [result.snippet.line, 'skipped', result.reason];
    if (result.status === 'error') return [result.snippet.line, 'error', result.problem.code];
    return [result.snippet.line, result.status];
  });

describe('judgePage', () => {
  const twoSteps = '```console\n$ echo a\na\n$ echo b\nb\n```\n';

  it.each([
    ['matching output and exit codes', [exited(0, 'a\n'), exited(0, 'b\n')], 'pass'],
    ['other output', [exited(0, 'a\n'), exited(0, 'c\n')], 'drift'],
    ['a wrong exit code, even with other output', [exited(1, 'x\n'), exited(0, 'c\n')], 'failed'],
    ['a command that hung', [timedOutProcess('cmd', 'a\n', 5)], 'timeout'],
  ])('judges %s', (_name, results, status) => {
    const page = judge(plan(twoSteps), [ran(...results)]);
    expect(page.results.map((result) => result.status)).toEqual([status]);
    expect(page.durationMs).toBe(99);
  });

  it('keeps each command as a step with its comparison and what a terminal shows', () => {
    const [result] = judge(plan(twoSteps), [
      ran(exited(0, 'a\n'), exited(0, 'c\u001b[0m\n')),
    ]).results;
    if (result?.status !== 'drift') throw new Error('expected drift');
    expect(result.steps.map((step) => [step.line, step.exitCode, step.output])).toEqual([
      [2, 0, ['a']],
      [4, 0, ['c']],
    ]);
    expect(result.steps[1]?.documentedLines).toEqual({ start: 5, end: 6 });
  });

  it.each([
    [
      'a command that could not start',
      ran(unstartedProcess('cmd', 'the page shell has exited')),
      'SANDBOX_FAILED',
    ],
    [
      'a daemon that stopped answering',
      ran({ result: exited(1, 'Cannot connect\n'), isDaemonAlive: false }),
      'DAEMON_DIED',
    ],
    [
      'a registry that cannot be reached',
      ran({
        result: exited(
          1,
          'Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: no route\n',
        ),
        isDaemonAlive: true,
      }),
      'REGISTRY_UNREACHABLE',
    ],
  ])('reports %s as an environment error, not as drift', (_name, outcome, code) => {
    const page = judge(plan(twoSteps), [outcome]);
    expect(summarize(page.results)).toEqual([[1, 'error', code]]);
  });

  it('blames the page, not the registry, when the page documents the registry error', () => {
    const source = '```console exit=1\n$ docker pull nope\npull access denied for nope\n```\n';
    const page = judge(plan(source), [
      ran({ result: exited(1, 'pull access denied for nope, other words\n'), isDaemonAlive: true }),
    ]);
    expect(summarize(page.results)).toEqual([[1, 'drift']]);
  });

  it('skips what follows a timeout with its position, and writes no file after it', () => {
    const source = [
      '```console',
      '$ sleep 100',
      '```',
      '```dockerfile file="Dockerfile"',
      'FROM scratch',
      '```',
      '```console skip="why"',
      '$ true',
      '```',
      '```sh',
      'true',
      '```',
    ].join('\n');
    const page = judge(
      plan(source),
      [
        ran(timedOutProcess('cmd', '', 5)),
        { kind: 'not-run' },
        { kind: 'not-run' },
        { kind: 'not-run' },
      ],
      { stoppedAt: 0 },
    );
    const stopped = 'not run: the page stopped after a timeout at a.md:1';
    expect(summarize(page.results)).toEqual([
      [1, 'timeout'],
      [7, 'skipped', stopped],
      [10, 'skipped', stopped],
    ]);
  });

  it('gives every snippet the problem that kept the page from starting', () => {
    const source =
      '```console\n$ true\n```\n```dockerfile file="x"\nFROM a\n```\n```sh skip="why"\ntrue\n```\n';
    const problem = { code: 'IMAGE_NOT_FOUND' as const, message: 'Could not pull busybox' };
    const page = judge(plan(source), [], { setupProblem: problem });
    expect(summarize(page.results)).toEqual([
      [1, 'error', 'IMAGE_NOT_FOUND'],
      [7, 'skipped', 'why'],
    ]);
  });

  it('reports a file that could not be written, and nothing for one that was', () => {
    const source = '```dockerfile file="a"\nFROM a\n```\n```dockerfile file="b"\nFROM b\n```\n';
    const page = judge(plan(source), [
      { kind: 'written' },
      { kind: 'write-failed', detail: 'denied' },
    ]);
    expect(summarize(page.results)).toEqual([[4, 'error', 'WRITE_FAILED']]);
    expect(page.results[0]).toMatchObject({ problem: { message: 'Cannot write b: denied' } });
  });
});
