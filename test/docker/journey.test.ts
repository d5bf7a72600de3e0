import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../scripts/lib/report/json.ts';
import { requireDocker } from '../helpers/docker.ts';
import { testLegName } from '../helpers/legs.ts';
import { copyFixturesFrom, runCli } from '../helpers/run-cli.ts';

beforeAll(requireDocker);

const fixtures = [
  'verify-examples.json',
  'run-a-shop.md',
  'a-second-shop.md',
  'jq-too-early.md',
  'install-jq.md',
];

/** Each wrong command of the report, as `file:line cause` (its causes' messages, or none). */
function listCauses(report: JsonReport): string[] {
  return report.pages.flatMap((page) =>
    page.snippets.flatMap((snippet) =>
      snippet.steps
        .filter((step) => step.exitCode !== step.expectedExitCode || step.matches === false)
        .map((step) => {
          const causes = step.causes.map((cause) => cause.message).join('; ');
          return `${page.file}:${step.line} ${causes || '(no cause)'}`;
        }),
    ),
  );
}

describe('verify-examples --journey', () => {
  it('names the earlier page whose container, port or file a later page collides with', async () => {
    const root = await copyFixturesFrom('journey', ...fixtures);
    const pages = ['a-second-shop.md', 'run-a-shop.md'];
    const alone = await runCli(root, [...pages, '--docker', 'sandbox', '--leg', testLegName]);
    // Each page alone passes: only a reader who reads both in order meets the collision.
    expect(alone.output).toContain('5 passed, 0 failed, 0 skipped');
    expect(alone.exitCode, alone.output).toBe(0);

    const report = join(root, 'report.json');
    const args = ['--journey', '--leg', testLegName, '--reporter', 'human'];
    const run = await runCli(root, [...pages, ...args, '--reporter', `json=${report}`]);
    const json = JSON.parse(await readFile(report, 'utf8')) as JsonReport;
    // In reading order (sidebar.order), whatever the command line's order.
    expect(json.pages.map((page) => page.file)).toEqual(['run-a-shop.md', 'a-second-shop.md']);
    expect(listCauses(json)).toEqual([
      'a-second-shop.md:10 container shop (busybox, running) was left by run-a-shop.md (line 10)',
      'a-second-shop.md:17 port 8080 (published by container shop) was left by run-a-shop.md (line 10)',
      'a-second-shop.md:24 file notes.txt was left by run-a-shop.md (line 17)',
    ]);
    // The human report says it on the failure's own line, where a reader of CI looks first.
    expect(run.output).toContain(
      'a-second-shop.md:10  exit code 125, expected 0; output differs from the documentation; container shop (busybox, running) was left by run-a-shop.md (line 10)',
    );
    expect(run.exitCode, run.output).toBe(1);
  });

  it('fails a toolbox command used before the page that installs it, at its line, naming that page', async () => {
    const root = await copyFixturesFrom('journey', ...fixtures);
    const pages = ['install-jq.md', 'jq-too-early.md'];
    const tooEarly =
      "jq-too-early.md:10 jq is not on the reader's PATH yet: jq is installed in install-jq.md (line 9), which comes after this page in reading order";
    const journeyReport = join(root, 'journey.json');
    const journey = await runCli(root, [
      ...pages,
      ...['--journey', '--leg', testLegName, '--reporter', 'human'],
      ...['--reporter', `json=${journeyReport}`],
    ]);
    const json = JSON.parse(await readFile(journeyReport, 'utf8')) as JsonReport;
    expect(json.pages.map((page) => page.file)).toEqual(['jq-too-early.md', 'install-jq.md']);
    // The reader's machine really lacks jq there (bash says so), and has it on the page that
    // installs it, which passes.
    expect(listCauses(json), journey.output).toEqual([tooEarly]);
    expect(journey.output).toContain('bash: jq: command not found');
    expect(json.pages.find((page) => page.file === 'install-jq.md')?.snippets[0]?.status).toBe(
      'pass',
    );
    expect(journey.exitCode, journey.output).toBe(1);

    // A page run alone has the toolbox it has in reading order.
    const aloneReport = join(root, 'alone.json');
    const alone = await runCli(root, [
      'jq-too-early.md',
      ...['--docker', 'sandbox', '--leg', testLegName, '--reporter', `json=${aloneReport}`],
    ]);
    const aloneJson = JSON.parse(await readFile(aloneReport, 'utf8')) as JsonReport;
    expect(listCauses(aloneJson), alone.output).toEqual([tooEarly]);
  });
});
