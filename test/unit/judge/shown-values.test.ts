import { describe, expect, it } from 'vitest';
import type { PublishedImages } from '../../../scripts/lib/config/published-images.ts';
import { createPublishedContext } from '../../../scripts/lib/config/published-values.ts';
import { compareOutput } from '../../../scripts/lib/judge/compare-output.ts';
import type { ShownValueProblem } from '../../../scripts/lib/judge/results.ts';
import { findPageFindings } from '../../../scripts/lib/report/findings.ts';
import { simulatePage } from '../../helpers/simulate-page.ts';

const hex = (start: string) => start.padEnd(64, '0');

/** Docker Hub's busybox, as a published-values file gives it. */
const published: PublishedImages = {
  registry: 'docker.io',
  platform: 'linux/amd64',
  images: [
    {
      name: 'busybox',
      tags: ['latest'],
      source: 'a test',
      index: `sha256:${hex('fd7dc98638c8e3')}`,
      manifest: `sha256:${hex('f97baa533a26')}`,
      config: `sha256:${hex('aaef90e06523')}`,
      layers: ['sha256:37bb94b0'],
    },
  ],
};

/** What a look-alike mirror serves for it. */
const served = [
  {
    image: 'busybox:latest',
    values: [
      { role: 'index' as const, hex: hex('af8b9e4faad8') },
      { role: 'config' as const, hex: hex('15c41b38c482') },
      { role: 'layer' as const, layer: 1, hex: hex('5d7a3c1e9b02') },
    ],
  },
];

const problemsOf = (result: ReturnType<typeof simulatePage>): ShownValueProblem[] =>
  result.results.flatMap((snippet) =>
    'steps' in snippet ? snippet.steps.flatMap((step) => step.shownValueProblems) : [],
  );

describe('compareOutput pairs each shown value with the printed one in its place', () => {
  it('pairs IDs, digests and sizes in order, also around wildcards', () => {
    const comparison = compareOutput(
      [`busybox [..] aaef90e06523   4.44MB`, `Digest: sha256:${hex('fd7d')}`],
      [`busybox latest 15c41b38c482   4.3MB`, `Digest: sha256:${hex('af8b')}`],
    );
    expect(comparison.matches).toBe(true);
    expect(comparison.pairs).toEqual([
      { kind: 'id', shown: 'aaef90e06523', actual: '15c41b38c482', origin: 0 },
      { kind: 'size', shown: '4.44MB', actual: '4.3MB', origin: 0 },
      {
        kind: 'digest',
        shown: `sha256:${hex('fd7d')}`,
        actual: `sha256:${hex('af8b')}`,
        origin: 1,
      },
    ]);
  });

  it('pairs the size of a pushed manifest', () => {
    const comparison = compareOutput(
      [`v1: digest: sha256:${hex('e38d')} size: 744`],
      [`v1: digest: sha256:${hex('0b1c')} size: 735`],
    );
    expect(comparison.pairs.map((pair) => [pair.kind, pair.shown, pair.actual])).toEqual([
      ['digest', `sha256:${hex('e38d')}`, `sha256:${hex('0b1c')}`],
      ['size', '744', '735'],
    ]);
  });
});

const twoContainers = `
\`\`\`console
$ docker run -d busybox sleep 60
${hex('305297d7a235')}
$ docker run -d busybox sleep 60
${hex('ff0a5c3750b9')}
$ docker ps -q
ff0a5c3750b9
305297d7a235
\`\`\`
`;

describe('IDs shown on a page are bound to the printed ones', () => {
  it('passes when each shown ID stands for one printed ID and back', () => {
    const result = simulatePage(
      twoContainers,
      'a.md',
      (step) =>
        [[hex('1a1a1a1a1a1a')], [hex('2b2b2b2b2b2b')], ['2b2b2b2b2b2b', '1a1a1a1a1a1a']][step] ??
        [],
    );
    expect(result.results.map((snippet) => snippet.status)).toEqual(['pass']);
    expect(result.ids).toEqual([
      { shown: hex('305297d7a235'), actual: hex('1a1a1a1a1a1a'), line: 4 },
      { shown: hex('ff0a5c3750b9'), actual: hex('2b2b2b2b2b2b'), line: 6 },
    ]);
  });

  it('(e) drifts where two shown IDs are one value in the real output', () => {
    const result = simulatePage(
      twoContainers,
      'a.md',
      (step) =>
        [[hex('1a1a1a1a1a1a')], [hex('1a1a1a1a1a1a')], ['1a1a1a1a1a1a', '1a1a1a1a1a1a']][step] ??
        [],
    );
    expect(result.results.map((snippet) => snippet.status)).toEqual(['drift']);
    expect(problemsOf(result).map((problem) => [problem.kind, problem.line])).toEqual([
      ['ids-merge', 6],
      ['ids-merge', 8],
    ]);
    const [finding] = findPageFindings(result);
    expect(finding?.summary).toBe('two IDs shown are one value in the real output');
    expect(finding?.details.map((line) => line.text)).toContain(
      `-${hex('ff0a5c3750b9')} (a.md:6) and ${hex('305297d7a235')} (a.md:4) are one value in the real output, ${hex('1a1a1a1a1a1a')}: show it the same both times`,
    );
  });

  it('drifts where a shown ID stands for another printed ID than before', () => {
    const result = simulatePage(
      twoContainers,
      'a.md',
      (step) =>
        [[hex('1a1a1a1a1a1a')], [hex('2b2b2b2b2b2b')], ['1a1a1a1a1a1a', '2b2b2b2b2b2b']][step] ??
        [],
    );
    expect(problemsOf(result).map((problem) => [problem.kind, problem.line])).toEqual([
      ['id-differs', 8],
      ['id-differs', 9],
    ]);
  });

  it('drifts where one shown ID stands for two printed ones', () => {
    const result = simulatePage(
      twoContainers,
      'a.md',
      (step) =>
        [[hex('1a1a1a1a1a1a')], [hex('2b2b2b2b2b2b')], ['2b2b2b2b2b2b', '3c3c3c3c3c3c']][step] ??
        [],
    );
    expect(problemsOf(result).map((problem) => problem.kind)).toEqual(['id-differs']);
  });
});

describe('sizes shown are within the tolerance of the printed ones', () => {
  const page = (meta = '') => `
\`\`\`console ${meta}
$ docker image ls busybox --format '{{.Size}}'
4.44MB
\`\`\`
`;
  it('passes within 10%', () => {
    const result = simulatePage(page(), 'a.md', () => ['4.27MB']);
    expect(result.results[0]?.status).toBe('pass');
  });

  it('(d) drifts beyond it, naming both sizes', () => {
    const result = simulatePage(page(), 'a.md', () => ['6.85MB']);
    expect(result.results[0]?.status).toBe('drift');
    const [finding] = findPageFindings(result);
    expect(finding?.summary).toBe('a size is off by more than the tolerance');
    expect(finding?.details.map((line) => line.text)).toContain(
      '-4.44MB at a.md:4, but the command printed 6.85MB (more than 10% off)',
    );
  });

  it('takes a block tolerance over the default', () => {
    const result = simulatePage(page('size-tolerance=60%'), 'a.md', () => ['6.85MB']);
    expect(result.results[0]?.status).toBe('pass');
  });
});

describe("Docker Hub's images show Docker Hub's values", () => {
  const pull = (layer: string, meta = '') => `
\`\`\`console ${meta}
$ docker pull busybox
Using default tag: latest
latest: Pulling from library/busybox
${layer}: Pull complete
Digest: sha256:${hex('fd7dc98638c8e3')}
Status: Downloaded newer image for busybox:latest
docker.io/library/busybox:latest
\`\`\`
`;
  const printed = () => [
    'Using default tag: latest',
    'latest: Pulling from library/busybox',
    '5d7a3c1e9b02: Pull complete',
    `Digest: sha256:${hex('af8b9e4faad8')}`,
    'Status: Downloaded newer image for busybox:latest',
    'docker.io/library/busybox:latest',
  ];
  const context = createPublishedContext(published, served);

  it("passes where the page shows Docker Hub's values and the run printed the look-alike's", () => {
    const result = simulatePage(pull('37bb94b0'), 'a.md', printed, 'leg', 'overlay2', {
      published: context,
    });
    // An 8-digit layer is not a token: only the digest is checked here.
    expect(problemsOf(result)).toEqual([]);
  });

  it("(c) drifts on a layer ID whose first 8 digits are Docker Hub's and whose rest is invented", () => {
    const result = simulatePage(pull('37bb94b0940b'), 'a.md', printed, 'leg', 'overlay2', {
      published: context,
    });
    expect(result.results[0]?.status).toBe('drift');
    expect(problemsOf(result).map((problem) => [problem.kind, problem.shown])).toEqual([
      ['unconfirmed', '37bb94b0940b'],
    ]);
    const [finding] = findPageFindings(result);
    expect(finding?.details.map((line) => line.text)).toContain(
      "-37bb94b0940b at a.md:6: busybox:latest's layer 1 is known only as 37bb94b0…, so the rest cannot be confirmed (show no more of it, or mark the block example-values)",
    );
  });

  it("(c) drifts where the page shows the look-alike's value, and names Docker Hub's", () => {
    const result = simulatePage(
      pull('37bb94b0').replace(hex('fd7dc98638c8e3'), hex('af8b9e4faad8')),
      'a.md',
      printed,
      'leg',
      'overlay2',
      { published: context },
    );
    expect(problemsOf(result).map((problem) => problem.kind)).toEqual(['not-published']);
  });

  it('without a mirror, still drifts on a half-invented value', () => {
    const noMirror = createPublishedContext(published);
    const page = pull('37bb94b0').replace(hex('fd7dc98638c8e3'), hex('fd7dc98638c8e3ff'));
    const result = simulatePage(page, 'a.md', printed, 'leg', 'overlay2', { published: noMirror });
    expect(problemsOf(result).map((problem) => problem.kind)).toEqual(['half-published']);
  });

  it('takes a block marked example-values as examples', () => {
    const result = simulatePage(
      pull('37bb94b0940b', 'example-values'),
      'a.md',
      printed,
      'leg',
      'overlay2',
      { published: context },
    );
    expect(result.results[0]?.status).toBe('pass');
  });
});
