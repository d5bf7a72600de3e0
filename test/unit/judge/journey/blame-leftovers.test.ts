import { describe, expect, it } from 'vitest';
import { describeCause, type LeftBy } from '../../../../scripts/lib/judge/causes.ts';
import { blameLeftovers } from '../../../../scripts/lib/judge/journey/blame-leftovers.ts';
import { checkClean } from '../../../../scripts/lib/judge/journey/check-clean.ts';
import { judgePage } from '../../../../scripts/lib/judge/judge-page.ts';
import { isStepWrong, type PageResult } from '../../../../scripts/lib/judge/results.ts';
import { planPage } from '../../../../scripts/lib/plan/plan-page.ts';
import { exitedProcess } from '../../../../scripts/lib/system/run-process.ts';
import { extractValidPage } from '../../../helpers/extract-page.ts';
import { addVerdicts } from '../../../helpers/judged-run.ts';

const leg = {
  name: '28.5/containerd',
  store: 'containerd',
  versions: { client: '28.5.2', server: '28.5.2', apiVersion: '1.51' },
};

/** A one-block page whose commands printed `outputs` with `codes`, judged. */
function judgeOne(block: string, outputs: [number, string][]): PageResult {
  const page = extractValidPage(block, 'build.mdx', { output: { unshown: 'empty' } });
  const plan = planPage(page, { leg, defaultTimeoutSeconds: 60 });
  const commands = outputs.map(([code, output]) => ({
    result: exitedProcess('cmd', code, output, 5),
    isDaemonAlive: true,
  }));
  const snippets = addVerdicts(plan, [{ kind: 'ran', commands, durationMs: 5 }]);
  return judgePage({
    plan,
    setupProblem: undefined,
    snippets,
    stoppedAt: undefined,
    durationMs: 5,
  });
}

const causesOf = (result: PageResult) =>
  result.results.flatMap((snippet) =>
    'steps' in snippet
      ? snippet.steps.flatMap((step) => (step.causes ?? []).map(describeCause))
      : [],
  );

const registry: LeftBy[] = [
  {
    subject: {
      kind: 'container',
      name: 'registry',
      id: '4c1d6e5b8a37f00d',
      image: 'registry:2',
      isRunning: true,
    },
    page: { file: 'registries.mdx', line: 120 },
  },
  {
    subject: { kind: 'port', port: 5000, container: 'registry' },
    page: { file: 'registries.mdx', line: 120 },
  },
  { subject: { kind: 'image', name: 'busybox:latest' }, page: { file: 'images.mdx', line: 9 } },
  { subject: { kind: 'file', path: 'app' }, page: { file: 'data.mdx', line: 30 } },
];

describe('blameLeftovers', () => {
  it('names the page that left a container whose name a later page takes', () => {
    const result = judgeOne(
      '```console\n$ docker run -d --name registry -p 5001:5000 registry:2\n```\n',
      [
        [
          125,
          'docker: Error response from daemon: Conflict. The container name "/registry" is already in use by container "4c1d". You have to remove (or rename) that container to be able to reuse that name.\n',
        ],
      ],
    );
    expect(causesOf(blameLeftovers(result, registry))).toEqual([
      'container registry (registry:2, running) was left by registries.mdx (line 120)',
    ]);
  });

  it('names the page that left a port taken', () => {
    const result = judgeOne(
      '```console\n$ docker run -d --name other -p 5000:5000 registry:2\n```\n',
      [
        [
          125,
          'docker: Error response from daemon: driver failed programming external connectivity on endpoint other: Bind for 0.0.0.0:5000 failed: port is already allocated.\n',
        ],
      ],
    );
    expect(causesOf(blameLeftovers(result, registry))).toEqual([
      'port 5000 (published by container registry) was left by registries.mdx (line 120)',
    ]);
  });

  it('names the page that pulled an image a later page shows as a first pull', () => {
    const block = [
      '```console',
      '$ docker run busybox echo hi',
      "Unable to find image 'busybox:latest' locally",
      'latest: Pulling from library/busybox',
      'hi',
      '```',
    ].join('\n');
    const result = judgeOne(block, [[0, 'hi\n']]);
    expect(causesOf(blameLeftovers(result, registry))).toEqual([
      'image busybox:latest was left by images.mdx (line 9)',
    ]);
  });

  it('names the page that left a file in the way', () => {
    const result = judgeOne('```console\n$ mkdir app\n```\n', [
      [1, "mkdir: cannot create directory 'app': File exists\n"],
    ]);
    expect(causesOf(blameLeftovers(result, registry))).toEqual([
      'file app was left by data.mdx (line 30)',
    ]);
  });

  it('names the page that left a stopped container a prune removes', () => {
    const block =
      '```console\n$ docker container prune -f\nDeleted Containers:\n\nTotal reclaimed space: 0B\n```\n';
    const result = judgeOne(block, [
      [0, 'Deleted Containers:\n4c1d6e5b8a37f00d\n\nTotal reclaimed space: 0B\n'],
    ]);
    expect(causesOf(blameLeftovers(result, registry))).toEqual([
      'container registry (registry:2, running) was left by registries.mdx (line 120)',
    ]);
  });

  it('names the page that pulled an image a listing shows a row of', () => {
    const block =
      '```console\n$ docker image ls\nREPOSITORY   TAG   IMAGE ID   CREATED   SIZE\n```\n';
    const result = judgeOne(block, [
      [
        0,
        'REPOSITORY   TAG      IMAGE ID       CREATED        SIZE\nbusybox      latest   af8b9e4faad8   6 months ago   6.84MB\n',
      ],
    ]);
    expect(causesOf(blameLeftovers(result, registry))).toEqual([
      'image busybox:latest was left by images.mdx (line 9)',
    ]);
  });

  it('does not blame an image a failed build merely names', () => {
    const result = judgeOne('```console\n$ docker build -q .\n```\n', [
      [1, ' 1 |     FROM busybox:latest\nERROR: failed to build: busybox registry unreachable\n'],
    ]);
    expect(causesOf(blameLeftovers(result, registry))).toEqual([]);
  });

  it('blames nothing for a command that went as documented, or whose output names no leftover', () => {
    expect(
      causesOf(
        blameLeftovers(judgeOne('```console\n$ echo hi\nhi\n```\n', [[0, 'hi\n']]), registry),
      ),
    ).toEqual([]);
    expect(
      causesOf(
        blameLeftovers(judgeOne('```console\n$ echo hi\nhi\n```\n', [[0, 'ho\n']]), registry),
      ),
    ).toEqual([]);
  });
});

describe('checkClean', () => {
  it('fails the first block when leftovers of the kinds the page needs gone are still there', () => {
    const result = judgeOne('```console\n$ docker container prune -f\n```\n', [[0, '']]);
    const checked = checkClean(result, 1, ['containers'], registry);
    const [block] = checked.results;
    expect(block?.status).toBe('failed');
    const step = block && 'steps' in block ? block.steps[0] : undefined;
    expect(step && isStepWrong(step)).toBe(true);
    expect(causesOf(checked)).toEqual([
      'this page needs containers of earlier pages gone (verify.journey.clean), but after this block there are still: container registry (registry:2, running) (left by registries.mdx (line 120))',
    ]);
  });

  it('leaves the page alone when nothing of those kinds is left', () => {
    const result = judgeOne('```console\n$ docker volume prune -f\n```\n', [[0, '']]);
    expect(checkClean(result, 1, ['volumes'], registry)).toBe(result);
  });
});
