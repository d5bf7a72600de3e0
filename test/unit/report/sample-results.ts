import { anywhere } from '../../../scripts/lib/core/conditions.ts';
import type { Diagnostic } from '../../../scripts/lib/core/errors.ts';
import type { Snippet, SnippetBody } from '../../../scripts/lib/extract/snippet.ts';
import { compareOutput } from '../../../scripts/lib/judge/compare-output.ts';
import {
  countStatuses,
  type PageResult,
  type StepOutcome,
} from '../../../scripts/lib/judge/results.ts';
import type {
  Reporter,
  ReportTarget,
  RunInfo,
  RunSummary,
} from '../../../scripts/lib/report/reporter.ts';

/** Hand-built results of a small run: every status, with output Docker really prints. */

export const containersPage = 'src/content/docs/containers.mdx';
export const firstPage = 'src/content/docs/first-container.mdx';
export const volumesPage = 'src/content/docs/volumes.mdx';
export const registryPage = 'src/content/docs/registry.mdx';

export function snippetAt(
  file: string,
  line: number,
  body: SnippetBody,
  language = 'console',
): Snippet {
  return {
    file,
    line,
    language,
    body,
    linePrefix: '',
    code: '',
    meta: '',
    hash: `${file}:${line}`,
    options: {
      skip: undefined,
      exit: undefined,
      timeoutSeconds: undefined,
      tty: false,
      stdin: undefined,
      condition: anywhere,
      file: undefined,
      sizeTolerance: undefined,
      isExampleValues: false,
    },
  };
}

/** The body of a transcript fence; reporters read the steps of its result, not these. */
export const transcript: SnippetBody = { kind: 'transcript', family: '$', steps: [] };

/** A transcript step: `documented` sits on the lines right after the command's. */
export function stepAt(
  line: number,
  command: string,
  documented: string[],
  actual: string[] | undefined,
  exit: { expected?: number; actual?: number | undefined; durationMs?: number } = {},
): StepOutcome {
  const start = line + command.split('\n').length;
  const comparison = actual ? compareOutput(documented, actual) : undefined;
  return {
    command,
    line,
    expectedExitCode: exit.expected ?? 0,
    exitCode: 'actual' in exit ? exit.actual : 0,
    comparison,
    output: comparison?.actual.map((output) => output.text) ?? [],
    documented,
    documentedLines: actual ? { start, end: start + documented.length } : undefined,
    valueMismatches: [],
    shownValueProblems: [],
    durationMs: exit.durationMs ?? 120,
  };
}

const psDocumented = [
  'CONTAINER ID   IMAGE        COMMAND                  CREATED         STATUS         PORTS                  NAMES',
  '3f2a1b4c5d6e   nginx:1.27   "/docker-entrypoint.…"   5 seconds ago   Up 4 seconds   0.0.0.0:8080->80/tcp   web',
];
const psActual = [
  'CONTAINER ID   IMAGE        COMMAND                  CREATED         STATUS         PORTS                                     NAMES',
  '9a8b7c6d5e4f   nginx:1.27   "/docker-entrypoint.…"   2 seconds ago   Up 1 second    0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web',
];

export const pages: PageResult[] = [
  {
    file: firstPage,
    leg: 'sandbox',
    values: [],
    ids: [],
    durationMs: 2150,
    results: [
      {
        status: 'pass',
        snippet: snippetAt(firstPage, 12, transcript),
        steps: [
          stepAt(
            13,
            'docker run hello-world',
            ['...', 'Hello from Docker!', '...'],
            ['Hello from Docker!'],
            { durationMs: 1830 },
          ),
        ],
        durationMs: 1830,
      },
    ],
  },
  {
    file: containersPage,
    leg: 'sandbox',
    values: [],
    ids: [],
    durationMs: 4210,
    // 05:30:01.5 UTC, 1.5 s after the run started.
    firstCommandAt: Date.parse('2026-11-22T05:30:01.500Z'),
    results: [
      {
        status: 'pass',
        snippet: snippetAt(containersPage, 8, transcript),
        steps: [
          stepAt(
            9,
            'docker run -d --name web -p 8080:80 nginx:1.27',
            ['[..]'],
            ['4f1c2d3e4b5a6978'],
          ),
        ],
        durationMs: 640,
      },
      {
        status: 'drift',
        snippet: snippetAt(containersPage, 14, transcript),
        steps: [stepAt(15, 'docker ps', psDocumented, psActual, { durationMs: 95 })],
        durationMs: 95,
      },
      {
        status: 'failed',
        snippet: snippetAt(containersPage, 30, transcript),
        steps: [
          stepAt(
            31,
            'docker rm web',
            ['web'],
            [
              'Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove',
            ],
            { actual: 1 },
          ),
        ],
        durationMs: 80,
      },
      {
        status: 'skipped',
        snippet: snippetAt(containersPage, 40, transcript),
        reason: 'needs Docker Hub credentials',
      },
    ],
  },
  {
    file: volumesPage,
    leg: 'sandbox',
    values: [],
    ids: [],
    durationMs: 30_400,
    results: [
      {
        status: 'timeout',
        snippet: snippetAt(volumesPage, 7, { kind: 'script', code: '' }, 'sh'),
        steps: [
          stepAt(
            8,
            'docker run --rm -v data:/data busybox \\\n  sh -c "tail -f /data/log"',
            [],
            undefined,
            { actual: undefined, durationMs: 30_000 },
          ),
        ],
        durationMs: 30_000,
      },
      {
        status: 'skipped',
        snippet: snippetAt(volumesPage, 15, transcript),
        reason: `not run: the page stopped after a timeout at ${volumesPage}:7`,
      },
    ],
  },
  {
    file: registryPage,
    leg: 'sandbox',
    values: [],
    ids: [],
    durationMs: 5020,
    results: [
      {
        status: 'error',
        snippet: snippetAt(registryPage, 10, transcript),
        steps: [
          stepAt(
            11,
            'docker pull redis:7',
            ['7: Pulling from library/redis', '...'],
            [
              'Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host',
            ],
            { actual: 1, durationMs: 5000 },
          ),
        ],
        problem: {
          code: 'REGISTRY_UNREACHABLE',
          message: 'The registry could not be reached',
          hint: 'Docker Hub is not reachable from here. Run `npm run hermetic` for an offline mirror.',
        },
      },
    ],
  },
];

export const info: RunInfo = {
  legs: [
    {
      name: 'sandbox',
      kind: 'sandbox',
      store: undefined,
      versions: { client: '28.5.1', server: '28.5.1', apiVersion: '1.51' },
    },
  ],
  missingLegs: [],
  files: pages.map((page) => page.file),
  jobs: 2,
  isUpdate: false,
  isRecord: false,
  startedAt: new Date('2026-11-22T05:30:00.000Z'),
};

/** The summary of a run of one page, with whatever else the test sets. */
export function summarizePage(
  page: PageResult,
  extra: Partial<Omit<RunSummary, 'pages' | 'counts'>> = {},
): RunSummary {
  return {
    info: { ...info, files: [page.file] },
    pages: [page],
    counts: countStatuses([page]),
    unverified: [],
    durationMs: 2000,
    updates: [],
    records: [],
    ...extra,
  };
}

export const summary: RunSummary = {
  info,
  pages,
  counts: countStatuses(pages),
  unverified: [],
  durationMs: 31_234,
  updates: [],
  records: [],
};

export const updateSummary: RunSummary = {
  ...summary,
  info: { ...info, isUpdate: true },
  updates: [
    {
      file: containersPage,
      rewritten: [15],
      refused: [
        {
          line: 31,
          reason: 'output line 1 (`$ rm`) would read as a command, so it was not written',
        },
      ],
      skipped: [],
    },
  ],
};

export const diagnostics: Diagnostic[] = [
  {
    code: 'INVALID_OPTION',
    message: 'Unexpected fence option `timout`, expected one of skip, exit, timeout, tty, stdin',
    position: { file: containersPage, line: 40, column: 12 },
    hint: 'Did you mean `timeout`?',
  },
];

/** A target that keeps what it is given. */
export function createMemoryTarget(isTty = false): ReportTarget & { text(): string } {
  const chunks: string[] = [];
  return { isTty, write: (text) => void chunks.push(text), text: () => chunks.join('') };
}

/** Sends a run's events to a reporter in the order the verifier does. */
export async function playRun(reporter: Reporter, run: RunSummary = summary): Promise<void> {
  reporter.onRunStart?.(run.info);
  for (const page of run.pages) {
    reporter.onPageStart?.(page.file, page.leg);
    reporter.onPageEnd?.(page);
  }
  await reporter.onRunEnd?.(run);
  await reporter.onClose?.();
}

/** The first two pages on two legs: the first leg as above, the second all green. */
export const twoLegSummary: RunSummary = (() => {
  const legs = [
    {
      name: '28.5/containerd',
      kind: 'sandbox' as const,
      store: 'containerd' as const,
      versions: { client: '28.5.2', server: '28.5.2', apiVersion: '1.51' },
      provided: {
        versions: {
          docker: '28.5.2',
          containerd: '2.1.9',
          runc: '1.3.6',
          buildx: '0.29.1',
          compose: '2.40.3',
          init: '0.19.0',
        },
        origins: {
          docker: {
            kind: 'debian' as const,
            suite: 'forky',
            package: 'docker.io',
            version: '28.5.2+dfsg4-5',
          },
        },
      },
    },
    {
      name: '26.1/overlay2',
      kind: 'sandbox' as const,
      store: 'overlay2' as const,
      versions: { client: '26.1.5', server: '26.1.5', apiVersion: '1.45' },
    },
  ];
  const [first, second] = pages;
  const onFirst = [first, second].flatMap((page) =>
    page ? [{ ...page, leg: legs[0]?.name ?? '' }] : [],
  );
  const onSecond = [first].flatMap((page) => (page ? [{ ...page, leg: legs[1]?.name ?? '' }] : []));
  const twoLegPages = [...onFirst, ...onSecond];
  return {
    info: { ...info, legs, files: onFirst.map((page) => page.file), isUpdate: false },
    pages: twoLegPages,
    counts: countStatuses(twoLegPages),
    unverified: [],
    durationMs: 12_345,
    updates: [],
    records: [],
  };
})();
