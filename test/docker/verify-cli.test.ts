import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { docker, listIds, requireDocker } from '../helpers/docker.ts';
import { hostDaemonEnv, testLegName } from '../helpers/legs.ts';
import { copyFixtures, runCli, startCli } from '../helpers/run-cli.ts';
import { useForFile } from '../helpers/turns.ts';

useForFile('host-daemon');
beforeAll(requireDocker);

/**
 * How these tests run the CLI on a Docker: in sandboxes of one leg of legs.json, or on the
 * user's daemon, which here is hermetic's host dockerd.
 */
async function onDocker(engine: string): Promise<{ args: string[]; env: Record<string, string> }> {
  if (engine === 'host') return { args: ['--docker', 'host'], env: await hostDaemonEnv() };
  return { args: ['--docker', 'sandbox', '--leg', testLegName], env: {} };
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the condition');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.each(['sandbox', 'host'])('verify-examples with --docker %s', (engine) => {
  const run = async (fixtures: string[], extra: string[] = []) => {
    const root = await copyFixtures(...fixtures);
    const docker = await onDocker(engine);
    return runCli(root, [...fixtures, ...docker.args, ...extra], docker.env);
  };

  it('passes a page whose outputs match, carrying shell state between blocks', async () => {
    const result = await run(['passing.md']);
    expect(result.output).toContain('3 passed, 0 failed, 0 skipped');
    expect(result.exitCode).toBe(0);
  });

  it('reports drift with a diff headed by the file and line', async () => {
    const result = await run(['drifted.md']);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('drifted.md:11');
    expect(result.output).toMatch(/^\s*-third$/m);
    expect(result.output).toMatch(/^\s*\+second$/m);
    expect(result.output).toContain('0 passed, 1 failed, 0 skipped');
  });

  it('reports a wrong exit code, and accepts the documented one', async () => {
    const result = await run(['wrong-exit.md']);
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('wrong-exit.md:9');
    expect(result.output).toMatch(/exit(ed| code).*3/i);
    expect(result.output).toContain('1 passed, 1 failed, 0 skipped');
  });

  it('lists a container that just exited as exited, as a reader would see it', async () => {
    const result = await run(['just-exited.md']);
    expect(result.output).toContain('12 passed, 0 failed, 0 skipped');
    expect(result.exitCode).toBe(0);
  });

  it("shows the data root a reader's daemon prints, never this machine's", async () => {
    const result = await run(['data-root.md']);
    expect(result.output).toContain('1 passed, 0 failed, 0 skipped');
    expect(result.exitCode).toBe(0);
  });

  it('runs a tty block with typed input', async () => {
    const result = await run(['tty.md']);
    expect(result.output).toContain('1 passed, 0 failed, 0 skipped');
    expect(result.exitCode).toBe(0);
  });

  it('rewrites drifted output with --update, and the page then passes', async () => {
    const root = await copyFixtures('drifted.md');
    const before = await readFile(join(root, 'drifted.md'), 'utf8');
    const { args, env } = await onDocker(engine);
    const updated = await runCli(root, ['drifted.md', ...args, '--update'], env);
    expect(updated.exitCode).toBe(1);
    const after = await readFile(join(root, 'drifted.md'), 'utf8');
    expect(after).toBe(before.replace('third', 'second'));
    const again = await runCli(root, ['drifted.md', ...args], env);
    expect(again.exitCode).toBe(0);
  });
});

describe('--retries', () => {
  it.each(['sandbox', 'host'])(
    'runs a page that drifts again, each attempt from scratch, and still fails it (--docker %s)',
    async (engine) => {
      const root = await copyFixtures('drifted.md');
      const { args, env } = await onDocker(engine);
      const report = join(root, 'report.json');
      const result = await runCli(
        root,
        [
          'drifted.md',
          ...args,
          '--retries',
          '1',
          '--reporter',
          'human',
          '--reporter',
          `json=${report}`,
        ],
        env,
      );
      expect(result.exitCode, result.output).toBe(1);
      expect(result.output).toContain('1 drifted, on each of 2 attempts');
      expect(result.output).toContain('0 passed, 1 failed, 0 skipped in');
      const [page] = JSON.parse(await readFile(report, 'utf8')).pages;
      expect(page.attempts).toBe(2);
      expect(page.flaky).toBe(false);
      expect(
        page.earlierAttempts[0].snippets.map((snippet: { status: string }) => snippet.status),
      ).toEqual(['drift']);
    },
  );

  it('reports a page that passes on its second attempt as flaky, with what failed first', async () => {
    // With --docker host the page's shell runs on this machine, whose files outlive an
    // attempt: the first attempt leaves a mark, the second finds it.
    const root = await mkdtemp(join(tmpdir(), 'dfv-flaky-'));
    const mark = join(root, 'attempted');
    await writeFile(
      join(root, 'flaky.md'),
      [
        '```console',
        `$ test -e ${mark} && echo second || { touch ${mark}; echo first; }`,
        'second',
        '```',
        '',
      ].join('\n'),
    );
    const { args, env } = await onDocker('host');
    const report = join(root, 'report.json');
    const run = (retries: string) =>
      runCli(
        root,
        [
          'flaky.md',
          ...args,
          '--retries',
          retries,
          '--reporter',
          'human',
          '--reporter',
          `json=${report}`,
        ],
        env,
      );
    const result = await run('1');
    expect(result.exitCode, result.output).toBe(0);
    expect(result.output).toContain('1 passed, flaky: passed on attempt 2 of 2');
    expect(result.output).toMatch(
      /^~ flaky\.md:2 {2}flaky, attempt 1 of 2 \(passed on attempt 2\): output differs/m,
    );
    expect(result.output).toMatch(/^\s*-second$/m);
    expect(result.output).toMatch(/^\s*\+first$/m);
    expect(result.output).toContain('1 passed, 0 failed, 0 skipped, 1 page flaky in');
    const [page] = JSON.parse(await readFile(report, 'utf8')).pages;
    expect([page.attempts, page.flaky]).toEqual([2, true]);
    // Without retries the same first attempt is a plain failure.
    await rm(mark);
    const once = await run('0');
    expect(once.exitCode, once.output).toBe(1);
    expect(once.output).not.toMatch(/flaky:|page flaky|attempt \d/);
  });
});

describe('Docker host safety', () => {
  it('leaves no container behind after a timeout, and skips the rest of the page', async () => {
    const before = await listIds('container');
    const root = await copyFixtures('timeout.md');
    const result = await runCli(root, ['timeout.md', '--docker', 'host'], await hostDaemonEnv());
    expect(result.exitCode).toBe(1);
    expect(result.output).toContain('timeout.md:9');
    expect(result.output).toContain('0 passed, 1 failed, 1 skipped');
    expect(await listIds('container')).toEqual(before);
  });

  it.each(['sandbox', 'host'])(
    'removes what a page creates and keeps what existed (--docker %s)',
    async (engine) => {
      await docker('pull', '-q', 'busybox');
      const existing = await docker(
        'run',
        '-d',
        '--name',
        'dfv-preexisting',
        'busybox',
        'sleep',
        '600',
      );
      await docker('tag', 'busybox', 'dfv-preexisting:kept');
      try {
        const before = {
          containers: await listIds('container'),
          images: await listIds('image'),
          volumes: await listIds('volume'),
          networks: await listIds('network'),
        };
        const root = await copyFixtures('creates.md');
        const { args, env } = await onDocker(engine);
        const result = await runCli(root, ['creates.md', ...args], env);
        expect(result.output).toContain('1 passed, 0 failed, 0 skipped');
        expect({
          containers: await listIds('container'),
          images: await listIds('image'),
          volumes: await listIds('volume'),
          networks: await listIds('network'),
        }).toEqual(before);
        expect(await docker('inspect', '--format', '{{.State.Running}}', existing)).toBe('true');
        expect(await docker('image', 'inspect', '--format', 'ok', 'dfv-preexisting:kept')).toBe(
          'ok',
        );
        expect(await docker('images', '-q', 'busybox:verify-test')).toBe('');
      } finally {
        await docker('rm', '-f', 'dfv-preexisting');
        await docker('rmi', 'dfv-preexisting:kept');
      }
    },
  );

  it('cleans up after Ctrl-C: no container of the page is left, and the exit code says so', async () => {
    const before = await listIds('container');
    const root = await copyFixtures('interrupted.md');
    const running = startCli(root, ['interrupted.md', '--docker', 'host'], await hostDaemonEnv());
    await waitFor(
      async () => (await docker('ps', '-q', '--filter', 'name=interrupted-page')) !== '',
    );
    running.interrupt();
    const result = await running.done;
    expect(result.exitCode).toBe(130);
    expect(await listIds('container')).toEqual(before);
  });

  it('exits 2 with a clear message when Docker cannot be reached', async () => {
    const root = await copyFixtures('passing.md');
    const result = await runCli(root, ['passing.md', '--docker', 'host'], {
      DOCKER_HOST: 'unix:///nonexistent/docker.sock',
    });
    expect(result.exitCode).toBe(2);
    expect(result.output).toContain(
      'Cannot reach the Docker daemon at unix:///nonexistent/docker.sock',
    );
    expect(result.output).toContain('DOCKER_HOST');
  });
});
