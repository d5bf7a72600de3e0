import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../scripts/lib/report/json.ts';
import { requireDocker } from '../helpers/docker.ts';
import { readTestLegs } from '../helpers/legs.ts';
import { copyFixtures, runCli } from '../helpers/run-cli.ts';

beforeAll(requireDocker);

const containerd = '28.5/containerd';
const classic = '26.1/overlay2';

describe('legs', () => {
  it('verifies a page on every leg asked for, each with its own engine, client, plugins and image store', async () => {
    const legs = await readTestLegs();
    const root = await copyFixtures('leg-world.md');
    const report = join(root, 'report.json');
    const run = await runCli(root, [
      'leg-world.md',
      '--leg',
      containerd,
      '--leg',
      classic,
      '--reporter',
      'human',
      '--reporter',
      `json=${report}`,
    ]);
    expect(run.exitCode, run.output).toBe(0);
    expect(run.output).toMatch(/^28\.5\/containerd: +1 passed, 0 failed, 0 skipped$/m);
    expect(run.output).toMatch(/^26\.1\/overlay2: +1 passed, 0 failed, 0 skipped$/m);
    expect(run.output).toMatch(/^all legs: +2 passed, 0 failed, 0 skipped in /m);
    const json = JSON.parse(await readFile(report, 'utf8')) as JsonReport;
    for (const name of [containerd, classic]) {
      const leg = legs.legs.find((candidate) => candidate.name === name);
      const described = json.legs.find((candidate) => candidate.name === name);
      // As the binaries print them: Debian builds add a suffix (`28.5.2+dfsg4`).
      const startingWith = (version = '') => expect.stringMatching(new RegExp(`^${version}\\b`));
      expect(described).toMatchObject({
        name,
        store: leg?.store,
        client: startingWith(leg?.versions.docker),
        server: startingWith(leg?.versions.docker),
        containerd: startingWith(leg?.versions.containerd),
        runc: startingWith(leg?.versions.runc),
      });
      const page = json.pages.find((candidate) => candidate.leg === name);
      const [snippet] = page?.snippets ?? [];
      expect(snippet?.leg).toBe(name);
      const [version, buildx, driver] = (snippet?.steps ?? []).map((step) => step.actual?.[0]);
      // What a reader types reaches the leg's own client and plugins, and its daemon.
      expect(version).toBe(`${described?.client} ${described?.server}`);
      expect(buildx).toContain(leg?.versions.buildx);
      expect(driver).toBe(leg?.store === 'containerd' ? 'overlayfs' : 'overlay2');
    }
  });

  describe('a leg of legs.json that cannot run here', () => {
    /** A cache whose legs.json has the real 28.5/overlay2 leg and a 26.1 leg with no engine. */
    async function brokenCache(): Promise<string> {
      const legs = await readTestLegs();
      const cache = await mkdtemp(join(tmpdir(), 'dfv-legs-'));
      const emptyBin = join(cache, 'empty-bin');
      await mkdir(join(cache, 'docker-fundamentals', 'hermetic'), { recursive: true });
      await mkdir(emptyBin);
      const kept = legs.legs.filter((leg) => leg.name === '28.5/overlay2');
      const broken = legs.legs
        .filter((leg) => leg.name === classic)
        .map((leg) => ({ ...leg, bin: emptyBin }));
      await writeFile(
        join(cache, 'docker-fundamentals', 'hermetic', 'legs.json'),
        JSON.stringify({ ...legs, legs: [...kept, ...broken] }),
      );
      return cache;
    }

    it('is an error in CI, before anything runs', async () => {
      const root = await copyFixtures('leg-world.md');
      const cache = await brokenCache();
      const run = await runCli(root, ['leg-world.md'], { XDG_CACHE_HOME: cache, CI: 'true' });
      expect(run.exitCode).toBe(2);
      expect(run.output).toContain(`Leg ${classic} cannot run here`);
      expect(run.output).not.toContain('passed');
    });

    it('is named as not verified elsewhere, and the other legs run', async () => {
      const root = await copyFixtures('leg-world.md');
      const cache = await brokenCache();
      const run = await runCli(root, ['leg-world.md'], { XDG_CACHE_HOME: cache, CI: 'false' });
      expect(run.exitCode, run.output).toBe(0);
      expect(run.output).toContain(`${classic}: not verified, it cannot run here`);
      expect(run.output).toContain('1 passed, 0 failed, 0 skipped');
    });
  });

  it('refuses a leg legs.json does not list', async () => {
    const root = await copyFixtures('leg-world.md');
    const run = await runCli(root, ['leg-world.md', '--leg', '99.9/zfs']);
    expect(run.exitCode).toBe(2);
    expect(run.output).toContain('Unknown leg 99.9/zfs, expected one of');
  });
});
