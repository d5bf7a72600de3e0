import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startEngine } from '../../../scripts/lib/run/engine/create-engine.ts';
import type { DockerEngine, PageEnvironment } from '../../../scripts/lib/run/engine/engine.ts';
import { createSandboxEngine } from '../../../scripts/lib/run/engine/sandbox.ts';
import { readTestLegs, testLeg } from '../../helpers/legs.ts';
import { type BusyboxImage, makeBusyboxTar } from './busybox-image.ts';
import {
  findLeftovers,
  listSandboxesOf,
  noLeftovers,
  probeSandbox,
  releaseProbe,
  requireDocker,
  runInPage,
  runOnHost,
  waitFor,
} from './probe.ts';

const suffix = `${process.pid}-${Date.now()}`;
const hostImage = `dfv-test/host-keep:${suffix}`;
const hostContainer = `dfv-test-host-keep-${suffix}`;

let image: BusyboxImage;
let engine: DockerEngine;
const log: string[] = [];

beforeAll(async () => {
  await requireDocker();
  image = await makeBusyboxTar();
  // Something of the user's on the host daemon, which no sandbox may see or touch.
  expect((await runOnHost(['import', image.tarPath, hostImage])).stderr).toBe('');
  expect((await runOnHost(['create', '--name', hostContainer, hostImage, 'true'])).stderr).toBe('');
  const { mirror, tools } = await readTestLegs();
  engine = await startEngine(await testLeg(), {
    mirrors: [mirror],
    egress: tools?.slirp4netns,
    debug: (line) => log.push(line),
  });
});

afterAll(async () => {
  await engine?.close();
  await runOnHost(['rm', '--force', hostContainer]);
  await runOnHost(['rmi', hostImage]);
  await image?.remove();
});

/** An engine of the test's own on the test leg, beside the shared one. */
async function startOwnEngine(): Promise<DockerEngine> {
  const legs = await readTestLegs();
  return startEngine(await testLeg(), {
    mirrors: [legs.mirror],
    egress: legs.tools?.slirp4netns,
    debug: (line) => log.push(line),
  });
}

async function startWebServer(page: PageEnvironment): Promise<string> {
  const imported = await runInPage(page, ['docker', 'import', '-', 'bb'], image.tarPath);
  expect(imported.stderr).toBe('');
  // Same name and same published port in every page: no collision between sandboxes.
  const run = await runInPage(page, [
    'docker',
    'run',
    '-d',
    '--name',
    'web',
    '-p',
    '5000:5000',
    'bb',
    'httpd',
    '-f',
    '-p',
    '5000',
  ]);
  expect(run.stderr).toBe('');
  return String(run.stdout).trim();
}

describe('sandbox engine', () => {
  it('reports the versions of the CLI and of the sandbox daemon', () => {
    expect(engine.kind).toBe('sandbox');
    expect(engine.versions.client).toMatch(/^\d+\.\d+/);
    expect(engine.versions.server).toMatch(/^\d+\.\d+/);
    expect(engine.versions.apiVersion).toMatch(/^1\.\d+$/);
  });

  it('isolates pages from each other and from the host daemon', async () => {
    const [first, second] = await Promise.all([
      engine.openPage({ id: 'first', images: [] }),
      engine.openPage({ id: 'second', images: [] }),
    ]);
    try {
      const [firstId, secondId] = await Promise.all([
        startWebServer(first),
        startWebServer(second),
      ]);
      const seenByFirst = String(
        (await runInPage(first, ['docker', 'ps', '-q', '--no-trunc'])).stdout,
      );
      expect(seenByFirst).toContain(firstId);
      expect(seenByFirst).not.toContain(secondId);
      const seenByHost = String((await runOnHost(['ps', '-a', '-q', '--no-trunc'])).stdout);
      expect(seenByHost).not.toContain(firstId);
      expect(seenByHost).not.toContain(secondId);

      // Port 5000 is each page's own.
      const fetch = await runInPage(second, [
        'curl',
        '-s',
        '-o',
        '/dev/null',
        '-w',
        '%{http_code}',
        'http://127.0.0.1:5000/',
      ]);
      expect(String(fetch.stdout)).toMatch(/^[2-4]\d\d$/);

      // The documented way to talk to the API reaches the page's own daemon.
      const api = await runInPage(first, [
        'curl',
        '-s',
        '--unix-socket',
        '/var/run/docker.sock',
        'http://localhost/containers/json',
      ]);
      expect(String(api.stdout)).toContain(firstId);
      expect(String(api.stdout)).not.toContain(secondId);
      expect(await first.isDaemonAlive()).toBe(true);
    } finally {
      await Promise.all([first.dispose(), second.dispose()]);
    }
  });

  it('leaves no process, scratch folder or cgroup after dispose, and the host untouched', async () => {
    const page = await engine.openPage({ id: 'teardown', images: [] });
    const probe = probeSandbox(page);
    try {
      await startWebServer(page);
      expect(findLeftovers(probe).processes.length).toBeGreaterThan(3);
      expect(findLeftovers(probe).cgroups.length).toBeGreaterThan(0);

      await page.dispose();
      expect(findLeftovers(probe)).toEqual(noLeftovers);
      expect(await page.isDaemonAlive()).toBe(false);
      expect((await runInPage(page, ['docker', 'ps'])).exitCode).toBe(125);
      await page.dispose();
    } finally {
      releaseProbe(probe);
    }

    expect((await runOnHost(['container', 'inspect', hostContainer])).exitCode).toBe(0);
    expect((await runOnHost(['image', 'inspect', hostImage])).exitCode).toBe(0);
  });

  it('closes every sandbox, the spare included, and refuses new pages', async () => {
    const before = listSandboxesOf(process.pid);
    const own = await startOwnEngine();
    const page = await own.openPage({ id: 'close', images: [] });
    const probe = probeSandbox(page);
    onTestFinished(() => releaseProbe(probe));
    // The page's sandbox and the spare started for the next page.
    const started = await waitFor(
      () => listSandboxesOf(process.pid),
      (pids) => pids.length === before.length + 2,
      5_000,
    );
    expect(started.length).toBe(before.length + 2);
    await Promise.all([own.close(), own.close()]);
    expect(findLeftovers(probe)).toEqual(noLeftovers);
    expect(listSandboxesOf(process.pid)).toEqual(before);
    await expect(own.openPage({ id: 'late', images: [] })).rejects.toThrow(/closed/);
  });

  it('prepares no spare beyond the pages the run expects, and opens one more on demand', async () => {
    const before = listSandboxesOf(process.pid);
    const own = await startOwnEngine();
    onTestFinished(() => own.close());
    own.expectPages(1);
    const count = () => listSandboxesOf(process.pid).length - before.length;
    // The sandbox that told the versions serves the one page; no spare follows it.
    const first = await own.openPage({ id: 'expected', images: [] });
    expect(await waitFor(count, (started) => started > 1, 2_000)).toBe(1);
    // A page beyond them (a retry) waits for a sandbox of its own, and again no spare.
    const beyond = await own.openPage({ id: 'beyond', images: [] });
    expect((await runInPage(beyond, ['docker', 'ps', '-q'])).exitCode).toBe(0);
    expect(await waitFor(count, (started) => started > 2, 2_000)).toBe(2);
    await Promise.all([first.dispose(), beyond.dispose()]);
    await own.close();
    expect(listSandboxesOf(process.pid)).toEqual(before);
  });

  it('reports a daemon that cannot start with its own words, and leaves nothing', async () => {
    const before = listSandboxesOf(process.pid);
    const registry = { mirrors: [], insecureRegistries: ['not/a/registry'] };
    const leg = await testLeg();
    const failure = createSandboxEngine({
      leg,
      client: 'test',
      registry,
      egress: undefined,
      debug: () => {},
    });
    await expect(failure).rejects.toMatchObject({ code: 'SANDBOX_FAILED' });
    await expect(failure).rejects.toThrow(/insecure registry not\/a\/registry is not valid/);
    expect(listSandboxesOf(process.pid)).toEqual(before);
  });
});
