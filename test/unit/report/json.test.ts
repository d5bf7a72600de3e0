import { describe, expect, it } from 'vitest';
import { countStatuses } from '../../../scripts/lib/judge/results.ts';
import { createJsonReporter, jsonReportSchemaVersion } from '../../../scripts/lib/report/json.ts';
import {
  containersPage,
  createMemoryTarget,
  diagnostics,
  pages,
  playRun,
  summary,
  twoLegSummary,
  updateSummary,
} from './sample-results.ts';

async function report(run = updateSummary) {
  const target = createMemoryTarget();
  await playRun(createJsonReporter(target), run);
  return target.text();
}

describe('json reporter', () => {
  it('writes one document with the run, its counts and its updates', async () => {
    const document = JSON.parse(await report());
    expect({
      ...document,
      pages: document.pages.map((page: { file: string }) => page.file),
    }).toMatchInlineSnapshot(`
      {
        "counts": {
          "drift": 1,
          "error": 1,
          "excluded": 0,
          "failed": 1,
          "pass": 2,
          "skipped": 2,
          "timeout": 1,
          "unchecked": 0,
        },
        "diagnostics": [],
        "docker": {
          "apiVersion": "1.51",
          "client": "28.5.1",
          "server": "28.5.1",
        },
        "durationMs": 31234,
        "engine": "sandbox",
        "finishedAt": "2026-11-22T05:30:31.234Z",
        "isRecord": false,
        "isUpdate": true,
        "legs": [
          {
            "apiVersion": "1.51",
            "client": "28.5.1",
            "components": null,
            "containerd": null,
            "kind": "sandbox",
            "name": "sandbox",
            "runc": null,
            "server": "28.5.1",
            "store": null,
          },
        ],
        "missingLegs": [],
        "notVerified": [],
        "pages": [
          "src/content/docs/first-container.mdx",
          "src/content/docs/containers.mdx",
          "src/content/docs/volumes.mdx",
          "src/content/docs/registry.mdx",
        ],
        "records": [],
        "schemaVersion": 1,
        "startedAt": "2026-11-22T05:30:00.000Z",
        "tool": "verify-examples",
        "updates": [
          {
            "file": "src/content/docs/containers.mdx",
            "refused": [
              {
                "line": 31,
                "reason": "output line 1 (\`$ rm\`) would read as a command, so it was not written",
              },
            ],
            "rewritten": [
              15,
            ],
            "skipped": [],
          },
        ],
      }
    `);
  });

  it('describes every snippet and step, with null for what does not apply', async () => {
    const containers = pages.filter((page) => page.file === containersPage);
    const run = { ...summary, pages: containers, counts: countStatuses(containers) };
    const document = JSON.parse(await report(run));
    expect(document.pages).toMatchInlineSnapshot(`
      [
        {
          "attempts": 1,
          "durationMs": 4210,
          "earlierAttempts": [],
          "file": "src/content/docs/containers.mdx",
          "firstCommandAt": 1795325401500,
          "flaky": false,
          "leg": "sandbox",
          "snippets": [
            {
              "category": null,
              "durationMs": 640,
              "file": "src/content/docs/containers.mdx",
              "language": "console",
              "leg": "sandbox",
              "line": 8,
              "problem": null,
              "reason": null,
              "status": "pass",
              "steps": [
                {
                  "actual": [
                    "4f1c2d3e4b5a6978",
                  ],
                  "causes": [],
                  "command": "docker run -d --name web -p 8080:80 nginx:1.27",
                  "documented": [
                    "[..]",
                  ],
                  "documentedLines": {
                    "end": 11,
                    "start": 10,
                  },
                  "durationMs": 120,
                  "exitCode": 0,
                  "expectedExitCode": 0,
                  "line": 9,
                  "matches": true,
                  "shownValueProblems": [],
                  "valueMismatches": [],
                },
              ],
            },
            {
              "category": null,
              "durationMs": 95,
              "file": "src/content/docs/containers.mdx",
              "language": "console",
              "leg": "sandbox",
              "line": 14,
              "problem": null,
              "reason": null,
              "status": "drift",
              "steps": [
                {
                  "actual": [
                    "CONTAINER ID   IMAGE        COMMAND                  CREATED         STATUS         PORTS                                     NAMES",
                    "9a8b7c6d5e4f   nginx:1.27   "/docker-entrypoint.…"   2 seconds ago   Up 1 second    0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web",
                  ],
                  "causes": [],
                  "command": "docker ps",
                  "documented": [
                    "CONTAINER ID   IMAGE        COMMAND                  CREATED         STATUS         PORTS                  NAMES",
                    "3f2a1b4c5d6e   nginx:1.27   "/docker-entrypoint.…"   5 seconds ago   Up 4 seconds   0.0.0.0:8080->80/tcp   web",
                  ],
                  "documentedLines": {
                    "end": 18,
                    "start": 16,
                  },
                  "durationMs": 95,
                  "exitCode": 0,
                  "expectedExitCode": 0,
                  "line": 15,
                  "matches": false,
                  "shownValueProblems": [],
                  "valueMismatches": [],
                },
              ],
            },
            {
              "category": null,
              "durationMs": 80,
              "file": "src/content/docs/containers.mdx",
              "language": "console",
              "leg": "sandbox",
              "line": 30,
              "problem": null,
              "reason": null,
              "status": "failed",
              "steps": [
                {
                  "actual": [
                    "Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove",
                  ],
                  "causes": [],
                  "command": "docker rm web",
                  "documented": [
                    "web",
                  ],
                  "documentedLines": {
                    "end": 33,
                    "start": 32,
                  },
                  "durationMs": 120,
                  "exitCode": 1,
                  "expectedExitCode": 0,
                  "line": 31,
                  "matches": false,
                  "shownValueProblems": [],
                  "valueMismatches": [],
                },
              ],
            },
            {
              "category": null,
              "durationMs": 0,
              "file": "src/content/docs/containers.mdx",
              "language": "console",
              "leg": "sandbox",
              "line": 40,
              "problem": null,
              "reason": "needs Docker Hub credentials",
              "status": "skipped",
              "steps": [],
            },
          ],
          "values": [],
        },
      ]
    `);
  });

  it('keeps its keys in a fixed order, so reports diff line by line', async () => {
    const document = JSON.parse(await report());
    const snippet = document.pages[1].snippets[1];
    expect([Object.keys(document), Object.keys(snippet), Object.keys(snippet.steps[0])]).toEqual([
      [
        'schemaVersion',
        'tool',
        'startedAt',
        'finishedAt',
        'durationMs',
        'engine',
        'docker',
        'legs',
        'missingLegs',
        'isUpdate',
        'isRecord',
        'counts',
        'notVerified',
        'diagnostics',
        'pages',
        'updates',
        'records',
      ],
      [
        'file',
        'line',
        'leg',
        'language',
        'status',
        'durationMs',
        'reason',
        'category',
        'problem',
        'steps',
      ],
      [
        'command',
        'line',
        'expectedExitCode',
        'exitCode',
        'matches',
        'documented',
        'documentedLines',
        'actual',
        'valueMismatches',
        'shownValueProblems',
        'causes',
        'durationMs',
      ],
    ]);
  });

  it('writes the same bytes for the same run', async () => {
    expect(await report()).toBe(await report());
  });

  it('still writes a document when diagnostics stop the run before it starts', async () => {
    const target = createMemoryTarget();
    const reporter = createJsonReporter(target);
    reporter.onDiagnostics?.(diagnostics);
    await reporter.onClose?.();
    const document = JSON.parse(target.text());
    expect(document).toMatchObject({
      schemaVersion: jsonReportSchemaVersion,
      startedAt: null,
      finishedAt: null,
      engine: null,
      pages: [],
    });
    expect(document.diagnostics).toMatchInlineSnapshot(`
      [
        {
          "code": "INVALID_OPTION",
          "column": 12,
          "file": "src/content/docs/containers.mdx",
          "hint": "Did you mean \`timeout\`?",
          "line": 40,
          "message": "Unexpected fence option \`timout\`, expected one of skip, exit, timeout, tty, stdin",
        },
      ]
    `);
  });

  it('writes once, at the end of the run, even when closed afterwards', async () => {
    const target = createMemoryTarget();
    await playRun(createJsonReporter(target));
    expect(target.text().match(/"schemaVersion"/g)).toHaveLength(1);
  });

  it('lists every leg with its versions and store, and names the leg of each page and snippet', async () => {
    const document = JSON.parse(await report(twoLegSummary));
    expect([document.engine, document.docker]).toEqual([null, null]);
    expect(
      document.legs.map((leg: { name: string; store: string }) => [leg.name, leg.store]),
    ).toEqual([
      ['28.5/containerd', 'containerd'],
      ['26.1/overlay2', 'overlay2'],
    ]);
    // Where legs.json described the leg: each component's version and origin, else null.
    expect(document.legs[0].components.docker).toEqual({
      version: '28.5.2',
      origin: { kind: 'debian', suite: 'forky', package: 'docker.io', version: '28.5.2+dfsg4-5' },
    });
    expect(document.legs[0].components.buildx).toEqual({ version: '0.29.1', origin: null });
    expect(Object.keys(document.legs[0].components)).toEqual([
      'docker',
      'containerd',
      'runc',
      'buildx',
      'compose',
      'init',
    ]);
    expect(document.legs[1].components).toBeNull();
    const legsOfSnippets = document.pages.flatMap(
      (page: { leg: string; snippets: { leg: string }[] }) =>
        page.snippets.map((snippet) => `${page.leg} ${snippet.leg}`),
    );
    expect(new Set(legsOfSnippets)).toEqual(
      new Set(['28.5/containerd 28.5/containerd', '26.1/overlay2 26.1/overlay2']),
    );
  });
});
