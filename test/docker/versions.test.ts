import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../scripts/lib/report/json.ts';
import { requireDocker } from '../helpers/docker.ts';
import { readTestLegs } from '../helpers/legs.ts';
import { copyFixtures, runCli } from '../helpers/run-cli.ts';

beforeAll(requireDocker);

const containerd = '28.5/containerd';
const classic = '28.5/overlay2';
const old = '26.1/overlay2';

async function runJson(root: string, args: string[]) {
  const report = join(root, 'report.json');
  const run = await runCli(root, [...args, '--reporter', 'human', '--reporter', `json=${report}`]);
  return { ...run, json: JSON.parse(await readFile(report, 'utf8')) as JsonReport };
}

/** Each leg's statuses of the page's snippets, by line. */
function statusesByLeg(json: JsonReport): Record<string, [number, string][]> {
  return Object.fromEntries(
    json.pages.map((page) => [
      page.leg,
      page.snippets.map((snippet) => [snippet.line, snippet.status] as [number, string]),
    ]),
  );
}

describe('named values', () => {
  it('binds a value to what the machine printed first and passes when it prints the same again', async () => {
    const root = await copyFixtures('values.md');
    const run = await runJson(root, ['values.md', '--leg', classic]);
    expect(run.exitCode, run.output).toBe(0);
    expect(run.output).toContain('2 passed, 0 failed, 0 skipped');
    const [value] = run.json.pages[0]?.values ?? [];
    expect(value).toMatchObject({ name: 'KERNEL', shown: '6.8.0-45-generic', line: 15 });
    // The container printed the host's kernel: the binding is this machine's release.
    expect(value?.actual).toMatch(/^\d+\.\d+/);
    expect(value?.actual).not.toBe('6.8.0-45-generic');
  });

  it('drifts where a later place prints another text, naming the value and both texts', async () => {
    const root = await copyFixtures('values-drift.md');
    const run = await runCli(root, ['values-drift.md', '--leg', classic]);
    expect(run.exitCode, run.output).toBe(1);
    expect(run.output).toContain(
      'values-drift.md:15  KERNEL differs from where the page first printed it',
    );
    expect(run.output).toMatch(/-KERNEL = \d+\.\d+\S*\s+\(values-drift\.md:11, first printed\)/);
    expect(run.output).toContain('+KERNEL = 1.0.0-not-the-kernel  (values-drift.md:16)');
    // --update cannot settle it: the page's text is kept, and the refusal names the value.
    const updated = await runCli(root, ['values-drift.md', '--leg', classic, '--update']);
    expect(updated.output).toMatch(
      /not updated .*values-drift\.md:15 +KERNEL is `1\.0\.0-not-the-kernel` here/,
    );
    expect(await readFile(join(root, 'values-drift.md'), 'utf8')).toBe(
      await readFile(join(import.meta.dirname, '../fixtures/verify/values-drift.md'), 'utf8'),
    );
  });
});

describe('conditions', () => {
  it('runs a block on the legs it holds on, and leaves it to them on the others', async () => {
    const root = await copyFixtures('conditions.md');
    const run = await runJson(root, ['conditions.md', '--leg', containerd, '--leg', old]);
    expect(run.exitCode, run.output).toBe(0);
    expect(statusesByLeg(run.json)).toEqual({
      [containerd]: [
        [3, 'pass'],
        [8, 'excluded'],
        [13, 'excluded'],
        [18, 'pass'],
      ],
      [old]: [
        [3, 'excluded'],
        [8, 'pass'],
        [13, 'pass'],
        [18, 'pass'],
      ],
    });
    expect(run.json.notVerified).toEqual([]);
    const excluded = run.json.pages[0]?.snippets[1];
    expect(excluded?.reason).toBe(
      `for the classic image store (overlay2); ${containerd} is Docker Engine ${run.json.legs[0]?.server} with the containerd image store`,
    );
    expect(run.output).toMatch(/^28\.5\/containerd: +2 passed, 0 failed, 0 skipped$/m);
  });

  it('says which blocks no leg of the run verified, never counting them as passed', async () => {
    const root = await copyFixtures('conditions.md');
    const run = await runJson(root, ['conditions.md', '--leg', classic]);
    expect(run.exitCode, run.output).toBe(0);
    expect(run.json.notVerified.map((block) => block.line)).toEqual([3, 13]);
    expect(run.output).toContain(
      '? conditions.md:3  not verified: it holds for the containerd image store, which no leg of this run has (28.5/overlay2)',
    );
    expect(run.output).toContain('2 passed, 0 failed, 0 skipped, 2 not verified');
  });
});

describe('the verification record', () => {
  it('records what each leg proved, and --check-record finds the record whole, then stale', async () => {
    const legs = await readTestLegs();
    const root = await copyFixtures('conditions.md');
    await writeFile(
      join(root, 'verify-examples.json'),
      JSON.stringify({
        matrix: legs.legs
          .filter(({ name }) => [containerd, classic, old].includes(name))
          .map(({ name, engine, store }) => ({ name, engine, store })),
        record: { pages: '.', dir: 'verification' },
      }),
    );
    const record = await runCli(root, ['conditions.md', '--record']);
    expect(record.exitCode, record.output).toBe(0);
    expect(record.output).toContain('recorded verification/conditions.json');
    const written = JSON.parse(await readFile(join(root, 'verification/conditions.json'), 'utf8'));
    expect(written.page).toBe('conditions.md');
    const legsOf = (index: number) => Object.keys(written.blocks[index].legs);
    expect([0, 1, 2, 3].map(legsOf)).toEqual([
      [containerd],
      [old, classic],
      [old],
      [old, containerd, classic],
    ]);
    const oldLeg = legs.legs.find((leg) => leg.name === old);
    expect(written.blocks[2].legs[old]).toMatchObject({
      result: 'pass',
      date: new Date().toISOString().slice(0, 10),
      client: expect.stringMatching(new RegExp(`^${oldLeg?.versions.docker}`)),
      server: expect.stringMatching(new RegExp(`^${oldLeg?.versions.docker}`)),
      containerd: expect.stringMatching(new RegExp(`^${oldLeg?.versions.containerd}`)),
      runc: expect.stringMatching(new RegExp(`^${oldLeg?.versions.runc}`)),
      store: 'overlay2',
    });

    const check = await runCli(root, ['conditions.md', '--check-record']);
    expect(check.exitCode, check.output).toBe(0);
    const page = await readFile(join(root, 'conditions.md'), 'utf8');
    await writeFile(
      join(root, 'conditions.md'),
      page.replace('everywhere\n```', 'everywhere!\n```'),
    );
    const stale = await runCli(root, ['conditions.md', '--check-record']);
    expect(stale.exitCode).toBe(1);
    expect(stale.output).toContain(
      'conditions.md:18: Unexpected block the record does not have: it changed since the record was written, or it is new',
    );
  });
});
