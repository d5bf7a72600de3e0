import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGithubReporter } from '../../../scripts/lib/report/github.ts';
import {
  createMemoryTarget,
  diagnostics,
  playRun,
  twoLegSummary,
  updateSummary,
} from './sample-results.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'github-reporter-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('github reporter', () => {
  it('annotates each problem on its command line, each skip, and the counts', async () => {
    const target = createMemoryTarget();
    await playRun(createGithubReporter(target, { env: {} }), updateSummary);
    expect(target.text()).toMatchInlineSnapshot(`
      "::error file=src/content/docs/containers.mdx,line=15,title=output differs from the documentation::$ docker ps%0A@@ src/content/docs/containers.mdx:16 @@%0A CONTAINER ID   IMAGE        COMMAND                  CREATED         STATUS         PORTS                  NAMES%0A-3f2a1b4c5d6e   nginx:1.27   "/docker-entrypoint.…"   5 seconds ago   Up 4 seconds   0.0.0.0:8080->80/tcp   web%0A+9a8b7c6d5e4f   nginx:1.27   "/docker-entrypoint.…"   2 seconds ago   Up 1 second    0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web
      ::error file=src/content/docs/containers.mdx,line=31,title=exit code 1%2C expected 0; output differs from the documentation::$ docker rm web%0A@@ src/content/docs/containers.mdx:32 @@%0A-web%0A+Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove
      ::notice file=src/content/docs/containers.mdx,line=40,title=Skipped::needs Docker Hub credentials
      ::error file=src/content/docs/volumes.mdx,line=8,title=timed out after 30.0s::$ docker run --rm -v data:/data busybox \\%0A>   sh -c "tail -f /data/log"
      ::notice file=src/content/docs/volumes.mdx,line=15,title=Skipped::not run: the page stopped after a timeout at src/content/docs/volumes.mdx:7
      ::error file=src/content/docs/registry.mdx,line=11,title=The registry could not be reached::$ docker pull redis:7%0Ahint: Docker Hub is not reachable from here. Run \`npm run hermetic\` for an offline mirror.%0A@@ src/content/docs/registry.mdx:12 @@%0A-7: Pulling from library/redis%0A+Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host%0A ...
      ::warning file=src/content/docs/containers.mdx,line=31,title=Not updated::output line 1 (\`$ rm\`) would read as a command, so it was not written
      ::notice title=Verified examples::2 passed, 3 failed, 2 skipped, 1 errors in 31.2s
      "
    `);
  });

  it('names the leg in the title of each annotation when a run has several', async () => {
    const target = createMemoryTarget();
    await playRun(createGithubReporter(target, { env: {} }), twoLegSummary);
    const titles = target.text().match(/title=[^:]*/g);
    expect(titles).toEqual([
      'title=[28.5/containerd] output differs from the documentation',
      'title=[28.5/containerd] exit code 1%2C expected 0; output differs from the documentation',
      'title=[28.5/containerd] Skipped',
      'title=Verified examples',
    ]);
  });

  it('annotates diagnostics with their column and hint', () => {
    const target = createMemoryTarget();
    createGithubReporter(target, { env: {} }).onDiagnostics?.(diagnostics);
    expect(target.text()).toMatchInlineSnapshot(`
      "::error file=src/content/docs/containers.mdx,line=40,col=12,title=INVALID_OPTION::Unexpected fence option \`timout\`, expected one of skip, exit, timeout, tty, stdin%0Ahint: Did you mean \`timeout\`?
      "
    `);
  });

  it('appends a Markdown summary to GITHUB_STEP_SUMMARY', async () => {
    const path = join(folder, 'step-summary.md');
    await writeFile(path, 'an earlier step wrote this\n');
    await playRun(
      createGithubReporter(createMemoryTarget(), { env: { GITHUB_STEP_SUMMARY: path } }),
    );
    expect(await readFile(path, 'utf8')).toMatchInlineSnapshot(`
      "an earlier step wrote this

      ### Verified examples: 2 passed, 3 failed, 2 skipped, 1 errors

      Docker client 28.5.1, server 28.5.1 (API 1.51) · sandbox engine · 31.2s

      | Page | Passed | Failed | Skipped | Errors | Time |
      | --- | ---: | ---: | ---: | ---: | ---: |
      | ✅ src/content/docs/first-container.mdx | 1 | 0 | 0 | 0 | 2.1s |
      | ❌ src/content/docs/containers.mdx | 1 | 2 | 1 | 0 | 4.2s |
      | ❌ src/content/docs/volumes.mdx | 0 | 1 | 1 | 0 | 30.4s |
      | ❌ src/content/docs/registry.mdx | 0 | 0 | 0 | 1 | 5.0s |

      <details><summary><code>src/content/docs/containers.mdx:15</code> output differs from the documentation</summary>

      \`\`\`diff
      $ docker ps
      @@ src/content/docs/containers.mdx:16 @@
       CONTAINER ID   IMAGE        COMMAND                  CREATED         STATUS         PORTS                  NAMES
      -3f2a1b4c5d6e   nginx:1.27   "/docker-entrypoint.…"   5 seconds ago   Up 4 seconds   0.0.0.0:8080->80/tcp   web
      +9a8b7c6d5e4f   nginx:1.27   "/docker-entrypoint.…"   2 seconds ago   Up 1 second    0.0.0.0:8080->80/tcp, [::]:8080->80/tcp   web
      \`\`\`

      </details>

      <details><summary><code>src/content/docs/containers.mdx:31</code> exit code 1, expected 0; output differs from the documentation</summary>

      \`\`\`diff
      $ docker rm web
      @@ src/content/docs/containers.mdx:32 @@
      -web
      +Error response from daemon: cannot remove container "/web": container is running: stop the container before removing or force remove
      \`\`\`

      </details>

      <details><summary><code>src/content/docs/volumes.mdx:8</code> timed out after 30.0s</summary>

      \`\`\`diff
      $ docker run --rm -v data:/data busybox \\
      >   sh -c "tail -f /data/log"
      \`\`\`

      </details>

      <details><summary><code>src/content/docs/registry.mdx:11</code> The registry could not be reached</summary>

      \`\`\`diff
      $ docker pull redis:7
      hint: Docker Hub is not reachable from here. Run \`npm run hermetic\` for an offline mirror.
      @@ src/content/docs/registry.mdx:12 @@
      -7: Pulling from library/redis
      +Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: no such host
       ...
      \`\`\`

      </details>
      "
    `);
  });

  it('fails with the path when the summary cannot be written', async () => {
    const path = join(folder, 'missing', 'step-summary.md');
    const reporter = createGithubReporter(createMemoryTarget(), {
      env: { GITHUB_STEP_SUMMARY: path },
    });
    await expect(reporter.onRunEnd?.(updateSummary)).rejects.toThrow(
      `Cannot append the job summary to ${path}`,
    );
  });
});
