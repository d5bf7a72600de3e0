// Engine 29.7, built here from Docker's release tags: in a session of each of its legs, the
// reader's `docker version` says 29.7.2 on both sides with the API versions Docker's own build
// prints, and its containerd, runc, buildx and Compose are the ones legs.json names, with
// where each came from (upstream tag and commit, or Debian package).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../scripts/lib/report/json.ts';
import { requireDocker } from '../helpers/docker.ts';
import { readTestLegs } from '../helpers/legs.ts';
import { copyFixtures, runCli } from '../helpers/run-cli.ts';

beforeAll(requireDocker);

const legNames = ['29.7/containerd', '29.7/overlay2'];

const upstream = (repository: string, tag: string, commit: string) => ({
  kind: 'upstream',
  repository,
  tag,
  commit,
});

describe('Engine 29.7 from source', () => {
  it('is in legs.json with each component, built from its tag or taken from forky', async () => {
    const legs = await readTestLegs();
    for (const name of legNames) {
      const leg = legs.legs.find((candidate) => candidate.name === name);
      expect(leg?.versions, name).toEqual({
        docker: '29.7.2',
        containerd: '2.3.3',
        runc: '1.4.3',
        buildx: '0.36.1',
        compose: '2.40.3',
        init: '0.19.0',
      });
      expect(leg?.origins, name).toMatchObject({
        docker: upstream(
          'github.com/moby/moby',
          'docker-v29.7.2',
          '6a43e3d5afddf4111da0f864bbc7cae5d7e95001',
        ),
        containerd: upstream(
          'github.com/containerd/containerd',
          'v2.3.3',
          'aad11006b869517fcd3009450b6f82da282e1a9b',
        ),
        runc: upstream(
          'github.com/opencontainers/runc',
          'v1.4.3',
          'bb14dabeb7185bb72c8c86735d090dcb20f36587',
        ),
        buildx: upstream(
          'github.com/docker/buildx',
          'v0.36.1',
          '1d8dde89b8aba914e05e45366770736fea1fd690',
        ),
        compose: { kind: 'debian', suite: 'forky', package: 'docker-compose' },
        init: { kind: 'debian', suite: 'forky', package: 'tini-static' },
      });
    }
  });

  it("prints what Docker's 29.7.2 prints, on both image stores", async () => {
    const root = await copyFixtures('docker-29.md');
    const report = join(root, 'report.json');
    const legArgs = legNames.flatMap((name) => ['--leg', name]);
    const run = await runCli(root, [
      'docker-29.md',
      ...legArgs,
      '--reporter',
      'human',
      '--reporter',
      `json=${report}`,
    ]);
    expect(run.exitCode, run.output).toBe(0);
    for (const name of legNames)
      expect(run.output).toMatch(new RegExp(`^${name}: +2 passed, 0 failed, 0 skipped$`, 'm'));
    const json = JSON.parse(await readFile(report, 'utf8')) as JsonReport;
    for (const name of legNames) {
      const leg = json.legs.find((candidate) => candidate.name === name);
      expect(leg, name).toMatchObject({ client: '29.7.2', server: '29.7.2', apiVersion: '1.55' });
      expect(leg?.components?.['docker'], name).toEqual({
        version: '29.7.2',
        origin: upstream(
          'github.com/moby/moby',
          'docker-v29.7.2',
          '6a43e3d5afddf4111da0f864bbc7cae5d7e95001',
        ),
      });
    }
  });
});
