import { describe, expect, it } from 'vitest';
import {
  extractSnippets,
  listPageProblems,
} from '../../../scripts/lib/extract/extract-snippets.ts';
import { planPage } from '../../../scripts/lib/plan/plan-page.ts';

const versions = { client: '28.2.2', server: '26.1.5', apiVersion: '1.45' };

function plan(source: string) {
  const extracted = extractSnippets(source, 'a.md', { output: { unshown: 'empty' } });
  if (listPageProblems(extracted.page).length > 0)
    throw new Error(
      listPageProblems(extracted.page)
        .map((d) => d.message)
        .join('\n'),
    );
  return planPage(extracted.page, { leg: 'sandbox', versions, defaultTimeoutSeconds: 120 });
}

/** What the plan says of each snippet, by line: run, skip (and why) or write. */
function describePlan(source: string) {
  return plan(source).snippets.map((planned) => {
    if (planned.action === 'skip') return [planned.snippet.line, 'skip', planned.reason];
    if (planned.action === 'write') return [planned.snippet.line, 'write', planned.path];
    if (planned.action === 'unchecked')
      return [planned.snippet.line, 'unchecked', planned.category];
    if (planned.action === 'invalid')
      return [planned.snippet.line, 'invalid', planned.diagnostics.length];
    return [planned.snippet.line, 'run', planned.timeoutMs];
  });
}

describe('planPage', () => {
  it('runs, skips with the reason, or writes each snippet, in page order', () => {
    const source = [
      '```console',
      '$ true',
      '```',
      '```console skip="needs Docker Hub"',
      '$ docker pull alpine',
      '```',
      '```console min-server=29',
      '$ docker images',
      '```',
      '```dockerfile file="Dockerfile"',
      'FROM scratch',
      '```',
      '```sh timeout=5',
      'true',
      '```',
    ].join('\n');
    expect(describePlan(source)).toEqual([
      [1, 'run', 120_000],
      [4, 'skip', 'needs Docker Hub'],
      [7, 'skip', 'needs Docker Engine 29 or newer; this one is 26.1.5'],
      [10, 'write', 'Dockerfile'],
      [13, 'run', 5_000],
    ]);
    expect(plan(source).isOpening).toBe(true);
  });

  it('skips a page skipped as a whole without opening it, files included', () => {
    const source =
      '---\nverify:\n  skip: "not yet"\n---\n```dockerfile file="x"\nFROM a\n```\n```sh\ntrue\n```\n';
    expect(describePlan(source)).toEqual([[8, 'skip', 'not yet']]);
    expect(plan(source).isOpening).toBe(false);
  });

  it.each([
    ['no exit option', '', [0, 0, 0]],
    ['one exit code, for the last command', ' exit=2', [0, 0, 2]],
    ['one per command', ' exit=1,0,3', [1, 0, 3]],
  ])('expects exit codes from %s', (_name, option, expected) => {
    const [planned] = plan(`\`\`\`console${option}\n$ a\n$ b\n$ c\n\`\`\`\n`).snippets;
    if (planned?.action !== 'run') throw new Error('expected a run');
    expect(planned.steps.map((step) => step.expectedExitCode)).toEqual(expected);
    expect(planned.steps.every((step) => step.isOutputChecked)).toBe(true);
  });

  it('runs a script as one command whose output is not compared', () => {
    const [planned] = plan('```sh tty stdin="hi\\n"\necho one\necho two\n```\n').snippets;
    expect(planned).toMatchObject({
      action: 'run',
      steps: [
        {
          command: 'echo one\necho two',
          line: 2,
          expectedExitCode: 0,
          isOutputChecked: false,
          tty: { stdin: 'hi\n' },
        },
      ],
    });
  });

  it('gives an interactive session a terminal and types what the page shows', () => {
    const source =
      '```console\n$ docker run -it --rm busybox sh\n/ # hostname\nabc\n/ # exit\n```\n';
    const [planned] = plan(source).snippets;
    expect(planned?.action === 'run' && planned.steps[0]?.tty).toEqual({
      stdin: 'hostname\nexit\n',
    });
  });

  it('does not compare a command shown without output unless the settings say it prints nothing', () => {
    const source = '```console\n$ docker pull busybox\n$ echo hi\nhi\n```\n';
    const [planned] = planPage(extractSnippets(source, 'a.md').page, {
      leg: 'sandbox',
      versions,
      defaultTimeoutSeconds: 120,
    }).snippets;
    expect(planned?.action === 'run' && planned.steps.map((step) => step.isOutputChecked)).toEqual([
      false,
      true,
    ]);
  });

  it('does not compare a command shown without output where the page says output is not shown', () => {
    const source =
      '---\nverify: { output: { unshown: unchecked } }\n---\n```console\n$ docker pull busybox\n$ echo hi\nhi\n```\n';
    const [planned] = plan(source).snippets;
    expect(planned?.action === 'run' && planned.steps.map((step) => step.isOutputChecked)).toEqual([
      false,
      true,
    ]);
  });

  it('reports shell fences it cannot run, and makes them errors under --strict', () => {
    const source = '```console\nCONTAINER ID\n```\n\n```console\n$ exit\n```\n';
    expect(describePlan(source)).toEqual([
      [1, 'unchecked', 'output-only'],
      [5, 'unchecked', 'session-end'],
    ]);
    const extracted = extractSnippets(source, 'a.md');
    const strict = planPage(extracted.page, {
      leg: 'sandbox',
      versions,
      defaultTimeoutSeconds: 120,
      isStrict: true,
    });
    expect(strict.snippets.map((planned) => planned.action)).toEqual(['invalid', 'unchecked']);
    expect(strict.isOpening).toBe(false);
  });
});
