import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { requireDocker } from '../helpers/docker.ts';
import { testLegName } from '../helpers/legs.ts';
import { copyFixturesFrom, runCli, startCli } from '../helpers/run-cli.ts';
import {
  findLeftovers,
  noLeftovers,
  probeScratch,
  releaseProbe,
  type SandboxProbe,
  waitFor,
} from './engine/probe.ts';

beforeAll(requireDocker);

/** Processes whose command line names `folder`, and mounts under it: what must be gone. */
function findTraces(folder: string) {
  const processes = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(folder);
      } catch {
        return false;
      }
    });
  const mounts = readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .filter((line) => line.includes(folder));
  return { processes, mounts };
}

/**
 * Probes of the sandboxes in `folder` whose holder runs. One may end while it is probed (the
 * last run's, torn down behind its verdict): it is left out.
 */
function pinSandboxes(folder: string): SandboxProbe[] {
  return readdirSync(folder)
    .filter((name) => name.startsWith('dfv-'))
    .flatMap((name) => {
      try {
        return [probeScratch(join(folder, name))];
      } catch {
        return [];
      }
    });
}

describe('verify-examples --watch', () => {
  it('verifies a saved page again, prints what changed and a stale record, and cleans up on Ctrl-C', async () => {
    const root = await copyFixturesFrom('watch', 'page.md', 'verify-examples.json');
    const page = join(root, 'page.md');
    const original = await readFile(page, 'utf8');
    const leg = ['--docker', 'sandbox', '--leg', testLegName];
    // The record as the page is now: editing a block then makes it stale.
    expect((await runCli(root, ['page.md', '--record', ...leg])).exitCode).toBe(0);
    // Its own temporary folder: every sandbox and scratch folder of the watch is in it.
    const temporary = join(root, 'tmp');
    await mkdir(temporary);
    const watch = startCli(root, ['page.md', '--watch', ...leg], { TMPDIR: temporary });
    onTestFinished(() => watch.interrupt());
    const { output } = watch;
    await output.waitFor('watching 1 page: save one to verify it again');
    expect(output.text()).toContain('✓ page.md  3 passed');

    await writeFile(page, original.replace('second\n```', 'two\n```'));
    await output.waitFor('page.md saved');
    await output.waitFor('✗ page.md  2 passed, 1 drifted');
    const drifted = output.text().slice(output.text().indexOf('page.md saved'));
    expect(drifted).toMatch(
      /✗ page\.md:9 {2}output differs from the documentation\n {2}\$ echo second\n {2}@@ page\.md:10 @@\n {2}-two\n {2}\+second/,
    );
    // Only what changed: the passing blocks are not listed again.
    expect(drifted).not.toContain('echo first');
    expect(drifted).toMatch(
      /record page\.md:8 {2}block changed since the verification record proved it/,
    );

    await writeFile(page, original);
    await output.waitFor('page.md saved', 2);
    await output.waitFor('✓ page.md  3 passed', 2);
    const fixed = output.text().slice(output.text().lastIndexOf('page.md saved'));
    expect(fixed).toContain('✓ page.md:9  fixed (was drift): $ echo second');
    expect(fixed).not.toContain('record page.md');

    // The warm sandbox of the next run is there (the last run's may still be going, torn down
    // behind the verdict); after Ctrl-C, nothing may be.
    const probes = await waitFor(
      () => pinSandboxes(temporary),
      (pinned) => pinned.length > 0,
      30_000,
    );
    onTestFinished(() => probes.forEach(releaseProbe));
    expect(probes.length).toBeGreaterThan(0);
    watch.interrupt();
    const result = await watch.done;
    expect(result.exitCode).toBe(130);
    for (const probe of probes) expect(findLeftovers(probe)).toEqual(noLeftovers);
    expect(await readdir(temporary)).toEqual([]);
    expect(findTraces(temporary)).toEqual({ processes: [], mounts: [] });
  });

  it('refuses to watch while writing the docs', async () => {
    const root = await copyFixturesFrom('watch', 'page.md');
    const result = await runCli(root, ['page.md', '--watch', '--update']);
    expect(result.exitCode).toBe(2);
    expect(result.output).toContain('--watch cannot go with --update');
  });
});
