import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../scripts/lib/report/json.ts';
import { requireDocker } from '../helpers/docker.ts';
import { readTestLegs } from '../helpers/legs.ts';
import { projectRoot, runCli } from '../helpers/run-cli.ts';

beforeAll(requireDocker);

/** The leg most readers have: a fresh Engine 29 (containerd store), or 28.5's until 29 is here. */
async function chooseReadersLeg(): Promise<string> {
  const names = (await readTestLegs()).legs.map((leg) => leg.name);
  const leg = ['29.7/containerd', '28.5/containerd'].find((name) => names.includes(name));
  if (!leg) throw new Error(`legs.json has neither 29.7/containerd nor 28.5/containerd: ${names}`);
  return leg;
}

/** Skips the docs may have: what needs Docker Hub itself. */
const allowedSkip = /Docker Hub/;

/**
 * Every page in one world, one after the other: 10.5 min for the 21 pages on 29.7/containerd
 * on 2 cores shared with other work (load ~28); application-image.mdx (2 min) and
 * application-with-a-database.mdx (1.6 min) the longest.
 */
const journeyTimeoutMs = 20 * 60_000;

/** One journey on the leg: its problems (blocks that did not pass or skip) and its report. */
async function travel(leg: string) {
  const reports = await mkdtemp(join(tmpdir(), 'dfv-journey-'));
  const report = join(reports, 'report.json');
  const args = ['--journey', '--leg', leg, '--reporter', 'human', '--reporter', `json=${report}`];
  const run = await runCli(projectRoot, args, {}, journeyTimeoutMs);
  const json = JSON.parse(await readFile(report, 'utf8')) as JsonReport;
  const problems = json.pages.flatMap((page) =>
    page.snippets
      .filter((snippet) => !['pass', 'skipped', 'excluded'].includes(snippet.status))
      .map((snippet) => `${page.file}:${snippet.line} ${snippet.status}`),
  );
  return { run, json, problems };
}

describe('the chapters in reading order', () => {
  it('pass on the leg most readers have, each after the ones before it, in one Docker', {
    timeout: 2 * journeyTimeoutMs,
  }, async () => {
    const leg = await chooseReadersLeg();
    let journey = await travel(leg);
    // A journey cannot retry one page (it runs after the ones before it), so a failed one
    // runs again whole, once, and says so. Keep it tidy's build-cache figures once came out
    // otherwise in CI (the second build's RUN layer counted as reclaimable: 70.05kB for
    // 49.42kB), which three journeys here, two of them beside the whole matrix, did not repeat.
    if (journey.problems.length > 0) {
      console.warn(`the journey failed, running it once more:\n${journey.run.output}`);
      journey = await travel(leg);
    }
    const { run, json, problems } = journey;
    expect(problems, run.output).toEqual([]);
    for (const snippet of json.pages.flatMap((page) => page.snippets))
      if (snippet.status === 'skipped')
        expect(snippet.reason ?? '', run.output).toMatch(allowedSkip);
    expect(json.counts.pass).toBeGreaterThan(50);
    expect(run.exitCode, run.output).toBe(0);
  });
});
