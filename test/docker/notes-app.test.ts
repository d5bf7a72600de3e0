// A Node.js application as a reader builds a first one (test/fixtures/verify/notes-app.md): its
// dependencies installed by `npm ci` in its Dockerfile, from the npm registry, and run beside
// PostgreSQL on a network of its own, on every leg, each page in a sandbox of its leg. It
// proves the node and postgres look-alikes together and the sandboxes' egress.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../scripts/lib/report/json.ts';
import { requireDocker } from '../helpers/docker.ts';
import { hostDaemonEnv, readTestLegs, testLegName } from '../helpers/legs.ts';
import { copyFixtures, runCli } from '../helpers/run-cli.ts';
import { withTurn, withTurnTimeout } from '../helpers/turns.ts';

beforeAll(requireDocker);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('a Node.js application and its database', () => {
  it('installs its packages with npm ci, then stores and reads rows in postgres, on every leg', async () => {
    const legs = await readTestLegs();
    const root = await copyFixtures('notes-app.md');
    const report = join(root, 'report.json');
    const run = await runCli(root, [
      'notes-app.md',
      '--reporter',
      'human',
      '--reporter',
      `json=${report}`,
    ]);
    expect(run.exitCode, run.output).toBe(0);
    for (const leg of legs.legs) {
      expect(run.output).toMatch(
        new RegExp(`^${escapeRegExp(leg.name)}: +1 passed, 0 failed`, 'm'),
      );
    }
    const json = JSON.parse(await readFile(report, 'utf8')) as JsonReport;
    expect(json.pages.map((page) => page.leg).sort()).toEqual(
      legs.legs.map((leg) => leg.name).sort(),
    );
    for (const page of json.pages) {
      const steps = page.snippets.flatMap((snippet) => snippet.steps);
      const app = steps.find((step) => step.command.startsWith('docker run --rm --network notes'));
      const psql = steps.find((step) => step.command.startsWith('docker exec db psql'));
      expect(app?.actual, `${page.leg}: what the application printed`).toEqual([
        '1 buy milk',
        '2 learn Docker',
      ]);
      expect(psql?.actual, `${page.leg}: the rows psql reads back`).toEqual([
        'learn Docker',
        'buy milk',
      ]);
    }
  }, 900_000);

  it(
    "does the same on the user's daemon (--docker host), removing what it created",
    async () => {
      const root = await copyFixtures('notes-app.md');
      const env = await hostDaemonEnv();
      const { run, left } = await withTurn('host-daemon', async () => {
        const run = await runCli(root, ['notes-app.md', '--docker', 'host'], env);
        const left = await execa('docker', ['ps', '--all', '--filter', 'name=^db$', '--quiet'], {
          env,
        });
        return { run, left };
      });
      expect(run.exitCode, run.output).toBe(0);
      expect(run.output).toMatch(/^1 passed, 0 failed/m);
      expect(left.stdout, "the page's database container is removed").toBe('');
    },
    withTurnTimeout(900_000),
  );

  it('reports a registry out of reach as the environment, not as drift', async () => {
    const root = await copyFixtures('notes-app.md');
    const page = join(root, 'notes-app.md');
    // The same page with a registry that no name server knows.
    const text = await readFile(page, 'utf8');
    await writeFile(
      page,
      text.replace(
        'RUN npm ci --omit=dev',
        'RUN npm ci --omit=dev --registry=http://registry.invalid/ --fetch-retries=0',
      ),
    );
    const run = await runCli(root, ['notes-app.md', '--leg', testLegName]);
    expect(run.exitCode, run.output).toBe(2);
    expect(run.output).toMatch(
      /A package registry cannot be reached from here: .*registry\.invalid/,
    );
    expect(run.output).not.toMatch(/drift/i);
  }, 600_000);
});
