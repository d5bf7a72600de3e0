import { describe, expect, it } from 'vitest';
import { extractSnippets } from '../../../scripts/lib/extract/extract-snippets.ts';
import { planPage } from '../../../scripts/lib/plan/plan-page.ts';
import { extractValidPage } from '../../helpers/extract-page.ts';

const classic = {
  name: '26.1/overlay2',
  store: 'overlay2',
  versions: { client: '26.1.5', server: '26.1.5+dfsg1', apiVersion: '1.45' },
};
const containerd = {
  name: '28.5/containerd',
  store: 'containerd',
  versions: { client: '28.5.2', server: '28.5.2', apiVersion: '1.51' },
};

function plan(source: string, leg = classic) {
  const extractedPage = extractValidPage(source, 'a.md', { output: { unshown: 'empty' } });
  return planPage(extractedPage, { leg, defaultTimeoutSeconds: 120 });
}

/** What the plan says of each snippet, by line: run, skip or exclude (and why), or write. */
function describePlan(source: string, leg = classic) {
  return plan(source, leg).snippets.map((planned) => {
    if (planned.action === 'skip' || planned.action === 'exclude')
      return [planned.snippet.line, planned.action, planned.reason];
    if (planned.action === 'write') return [planned.snippet.line, 'write', planned.path];
    if (planned.action === 'unchecked')
      return [planned.snippet.line, 'unchecked', planned.category];
    if (planned.action === 'invalid')
      return [planned.snippet.line, 'invalid', planned.diagnostics.length];
    if (planned.action === 'continue') return [planned.snippet.line, 'continue', planned.of];
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
      [
        7,
        'exclude',
        'for Docker Engine >=29; 26.1/overlay2 is Docker Engine 26.1.5+dfsg1 with the classic image store (overlay2)',
      ],
      [10, 'write', 'Dockerfile'],
      [13, 'run', 5_000],
    ]);
    expect(plan(source).isOpening).toBe(true);
  });

  it('runs a block on the legs its condition holds on, and leaves it to them elsewhere', () => {
    const source = [
      '```console engine=">=28" store="containerd"',
      '$ docker image ls',
      '```',
      '```console store="overlay2"',
      '$ docker image ls',
      '```',
      '```console engine="<28"',
      '$ docker version',
      '```',
      '```dockerfile file="Dockerfile" store="containerd"',
      'FROM scratch',
      '```',
      '```console min-client=28',
      '$ docker version',
      '```',
    ].join('\n');
    expect(describePlan(source, containerd)).toEqual([
      [1, 'run', 120_000],
      [
        4,
        'exclude',
        'for the classic image store (overlay2); 28.5/containerd is Docker Engine 28.5.2 with the containerd image store',
      ],
      [
        7,
        'exclude',
        'for Docker Engine <28; 28.5/containerd is Docker Engine 28.5.2 with the containerd image store',
      ],
      [10, 'write', 'Dockerfile'],
      [13, 'run', 120_000],
    ]);
    expect(describePlan(source, classic).map(([line, action]) => [line, action])).toEqual([
      [1, 'exclude'],
      [4, 'run'],
      [7, 'run'],
      [10, 'exclude'],
      [13, 'exclude'],
    ]);
  });

  it('opens no Docker world for a page with nothing for this leg', () => {
    const source = '```console store="containerd"\n$ docker image ls\n```\n';
    expect(plan(source, classic).isOpening).toBe(false);
    expect(plan(source, containerd).isOpening).toBe(true);
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
      leg: classic,
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
      leg: classic,
      defaultTimeoutSeconds: 120,
      isStrict: true,
    });
    expect(strict.snippets.map((planned) => planned.action)).toEqual(['invalid', 'unchecked']);
    expect(strict.isOpening).toBe(false);
  });
});
