import { describe, expect, it } from 'vitest';
import { createHumanReporter } from '../../../scripts/lib/report/human.ts';
import {
  createMemoryTarget,
  diagnostics,
  info,
  pages,
  playRun,
  twoLegSummary,
  updateSummary,
} from './sample-results.ts';

async function report(run = updateSummary, { isTty = false, env = {} } = {}) {
  const target = createMemoryTarget(isTty);
  await playRun(createHumanReporter(target, { env }), run);
  return target.text();
}

describe('human reporter', () => {
  it('reports pages, then each problem with its diff, skips, updates and counts', async () => {
    expect(await report()).toMatchInlineSnapshot(`
      "Docker client 28.5.1, server 28.5.1 (API 1.51) · sandbox engine · 4 pages, 2 at a time · --update

      ✓ src/content/docs/first-container.mdx  1 passed  2.1s
      ✗ src/content/docs/containers.mdx  1 passed, 1 drifted, 1 failed, 1 skipped  4.2s
      ✗ src/content/docs/volumes.mdx  1 timed out, 1 skipped  30.4s
      ✗ src/content/docs/registry.mdx  1 error  5.0s

      ✗ src/content/docs/containers.mdx:15  output differs from the documentation
        $ docker ps
        @@ src/content/docs/containers.mdx:16 @@
         CONTAINER ID   IMAGE        COMMAND                  CREATED         STATUS         PORTS                  NAMES
        -3f2a1b4c5d6e   nginx:1.27   "/docker-entrypoint.…"   5 seconds ago   Up 4 seconds   0.0.0.0:8080->80/tcp   web
        +9a8b7c6d5e4f   nginx:1.27   "/docker-entrypoint.…"   2 seconds ago   Up 1 second    0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web

      ✗ src/content/docs/containers.mdx:31  exit code 1, expected 0; output differs from the documentation
        $ docker rm web
        @@ src/content/docs/containers.mdx:32 @@
        -web
        +Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove

      ✗ src/content/docs/volumes.mdx:8  timed out after 30.0s
        $ docker run --rm -v data:/data busybox \\
        >   sh -c "tail -f /data/log"

      ! src/content/docs/registry.mdx:11  error: The registry could not be reached
        $ docker pull redis:7
        hint: Docker Hub is not reachable from here. Run \`npm run hermetic\` for an offline mirror.
        @@ src/content/docs/registry.mdx:12 @@
        -7: Pulling from library/redis
        +Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host
         ...

      - src/content/docs/containers.mdx:40  needs Docker Hub credentials
      - src/content/docs/volumes.mdx:15  not run: the page stopped after a timeout at src/content/docs/volumes.mdx:7

      updated src/content/docs/containers.mdx  output of the command at line 15
      not updated src/content/docs/containers.mdx:31  output line 1 (\`$ rm\`) would read as a command, so it was not written

      2 passed, 3 failed, 2 skipped, 1 errors in 31.2s
      "
    `);
  });

  it('leaves out updates when the run did not update', async () => {
    const text = await report({ ...updateSummary, info, updates: [] });
    expect(text).not.toContain('updated');
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      '2 passed, 3 failed, 2 skipped, 1 errors in 31.2s',
    );
  });

  it('prints diagnostics with their position and hint', () => {
    const target = createMemoryTarget();
    createHumanReporter(target, { env: {} }).onDiagnostics?.(diagnostics);
    expect(target.text()).toMatchInlineSnapshot(`
      "src/content/docs/containers.mdx:40:12: Unexpected fence option \`timout\`, expected one of skip, exit, timeout, tty, stdin
        hint: Did you mean \`timeout\`?

      1 problem in the documents
      "
    `);
  });

  it('keeps a live line per running page on a terminal, replaced by its result', () => {
    const target = createMemoryTarget(true);
    const reporter = createHumanReporter({ ...target, columns: 40 }, { env: { NO_COLOR: '1' } });
    const [first, second] = pages;
    if (!first || !second) throw new Error('sample pages missing');
    reporter.onRunStart?.({ ...info, files: [first.file, second.file] });
    reporter.onPageStart?.(first.file, 'sandbox');
    reporter.onPageStart?.(second.file, 'sandbox');
    reporter.onPageProgress?.(first.file, 'sandbox', {
      status: 'running',
      current: 1,
      total: 1,
      line: 3,
    });
    reporter.onPageProgress?.(first.file, 'sandbox', { status: 'finished' });
    reporter.onPageEnd?.(first);
    reporter.onPageEnd?.(second);
    reporter.onClose?.();
    const shown = target
      .text()
      .replaceAll('\r\u001b[2K', '<erase>')
      .replaceAll('\u001b[1A', '<up>');
    expect(shown).toMatchInlineSnapshot(`
      "Docker client 28.5.1, server 28.5.1 (API 1.51) · sandbox engine · 2 pages, 2 at a time

      [1/2] starting · sr…first-container.mdx<erase>[1/2] starting · sr…first-container.mdx
      [2/2] starting · sr…docs/containers.mdx<erase><up><erase>[1/2] snippet 1 of …first-container.mdx
      [2/2] starting · sr…docs/containers.mdx<erase><up><erase>[2/2] starting · sr…docs/containers.mdx<erase>✓ src/content/docs/first-container.mdx  1 passed  2.1s
      [2/2] starting · sr…docs/containers.mdx<erase>✗ src/content/docs/containers.mdx  1 passed, 1 drifted, 1 failed, 1 skipped  4.2s
      "
    `);
  });

  it.each([
    ['a pipe', false, {}, false],
    ['a terminal', true, {}, true],
    ['a terminal with NO_COLOR', true, { NO_COLOR: '1' }, false],
    ['a pipe with FORCE_COLOR', false, { FORCE_COLOR: '1' }, true],
  ])('on %s, colours: %s', async (_name, isTty, env, hasColors) => {
    expect((await report(updateSummary, { isTty, env })).includes('\u001b[3')).toBe(hasColors);
  });

  it('names the leg of every page and problem when a run has several, and counts each leg', async () => {
    expect(await report(twoLegSummary)).toMatchInlineSnapshot(`
      "2 pages on 2 legs, 2 at a time
        28.5/containerd: Docker client 28.5.2, server 28.5.2 (API 1.51) · sandbox engine
        26.1/overlay2: Docker client 26.1.5, server 26.1.5 (API 1.45) · sandbox engine

      ✓ 28.5/containerd  src/content/docs/first-container.mdx  1 passed  2.1s
      ✗ 28.5/containerd  src/content/docs/containers.mdx  1 passed, 1 drifted, 1 failed, 1 skipped  4.2s
      ✓ 26.1/overlay2  src/content/docs/first-container.mdx  1 passed  2.1s

      ✗ src/content/docs/containers.mdx:15 [28.5/containerd]  output differs from the documentation
        $ docker ps
        @@ src/content/docs/containers.mdx:16 @@
         CONTAINER ID   IMAGE        COMMAND                  CREATED         STATUS         PORTS                  NAMES
        -3f2a1b4c5d6e   nginx:1.27   "/docker-entrypoint.…"   5 seconds ago   Up 4 seconds   0.0.0.0:8080->80/tcp   web
        +9a8b7c6d5e4f   nginx:1.27   "/docker-entrypoint.…"   2 seconds ago   Up 1 second    0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web

      ✗ src/content/docs/containers.mdx:31 [28.5/containerd]  exit code 1, expected 0; output differs from the documentation
        $ docker rm web
        @@ src/content/docs/containers.mdx:32 @@
        -web
        +Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove

      - src/content/docs/containers.mdx:40 [28.5/containerd]  needs Docker Hub credentials

      28.5/containerd: 2 passed, 2 failed, 1 skipped
      26.1/overlay2:   1 passed, 0 failed, 0 skipped
      all legs:        3 passed, 2 failed, 1 skipped in 12.3s
      "
    `);
  });

  it('says when nothing could run, and that Docker was not started', async () => {
    const target = createMemoryTarget();
    const reporter = createHumanReporter(target, { env: {} });
    const none = { ...info, legs: [], files: ['a.md', 'b.md'] };
    reporter.onRunStart?.(none);
    await reporter.onRunEnd?.({
      info: none,
      pages: [],
      counts: {
        pass: 0,
        drift: 0,
        failed: 0,
        timeout: 0,
        skipped: 0,
        unchecked: 2,
        excluded: 0,
        error: 0,
      },
      durationMs: 0,
      updates: [],
      unverified: [],
      records: [],
    });
    expect(target.text()).toContain('2 pages, nothing that can run: Docker was not started');
    expect(target.text()).toContain('nothing was verified: no snippet of 2 pages could run');
  });
});
