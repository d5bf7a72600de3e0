// Assumes `npm run hermetic` ran first (CI does): a daemon whose registry mirror is the
// hermetic registry on 127.0.0.1:5555. Without Docker these tests fail; they never skip.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIRROR_URL } from '../../scripts/hermetic/plumbing/config.ts';
import { readDebianArch, toDockerLibraryArch } from '../../scripts/hermetic/plumbing/host.ts';
import { hostClientEnv } from '../helpers/legs.ts';
import { useForFile } from '../helpers/turns.ts';

/** The oldest Engine whose behaviour the docs show. */
const MIN_ENGINE_MAJOR = 26;
const majorOf = (version: string) => Number.parseInt(version.split('.')[0] ?? '', 10);

// The official hello-world text, word for word; the architecture line is this machine's.
const helloWorldOutput = (arch: string) => `
Hello from Docker!
This message shows that your installation appears to be working correctly.

To generate this message, Docker took the following steps:
 1. The Docker client contacted the Docker daemon.
 2. The Docker daemon pulled the "hello-world" image from the Docker Hub.
    (${arch})
 3. The Docker daemon created a new container from that image which runs the
    executable that produces the output you are currently reading.
 4. The Docker daemon streamed that output to the Docker client, which sent it
    to your terminal.

To try something more ambitious, you can run an Ubuntu container with:
 $ docker run -it ubuntu bash

Share images, automate workflows, and more with a free Docker ID:
 https://hub.docker.com/

For more examples and ideas, visit:
 https://docs.docker.com/get-started/

`;

// The user's daemon of these tests: hermetic's host dockerd, with its engine's client.
const env = await hostClientEnv();
const docker = (...args: string[]) => execa('docker', args, { env });

async function listReferences(): Promise<Set<string>> {
  const { stdout } = await docker('images', '--format', '{{.Repository}}:{{.Tag}}');
  return new Set(stdout.split('\n').filter((line) => line !== '' && !line.includes('<none>')));
}

let before: Set<string>;
const containers: string[] = [];

useForFile('host-daemon');
beforeAll(async () => {
  before = await listReferences();
});

afterAll(async () => {
  if (containers.length > 0)
    await execa('docker', ['rm', '-f', '-v', ...containers], { env, reject: false });
  const created = [...(await listReferences())].filter((reference) => !before.has(reference));
  if (created.length > 0) await execa('docker', ['rmi', ...created], { env, reject: false });
});

describe('the hermetic mirror', () => {
  it('serves the four images under library/', async () => {
    const response = await fetch(`${MIRROR_URL}/v2/_catalog`);
    const { repositories } = (await response.json()) as { repositories: string[] };
    expect(repositories).toEqual(
      expect.arrayContaining([
        'library/hello-world',
        'library/busybox',
        'library/debian',
        'library/registry',
      ]),
    );
  });

  it('is the registry mirror of the daemon the docker CLI talks to', async () => {
    const { stdout } = await docker('info', '--format', '{{json .RegistryConfig.Mirrors}}');
    expect(JSON.parse(stdout)).toContain(`${MIRROR_URL}/`);
  });
});

describe('Docker Engine', () => {
  it(`is Engine ${MIN_ENGINE_MAJOR} or later, behind a client at least as new`, async () => {
    const { stdout } = await docker('version', '--format', '{{json .}}');
    const version = JSON.parse(stdout) as {
      Client: { Version: string };
      Server: { Version: string };
    };
    expect(majorOf(version.Server.Version)).toBeGreaterThanOrEqual(MIN_ENGINE_MAJOR);
    expect(majorOf(version.Client.Version)).toBeGreaterThanOrEqual(majorOf(version.Server.Version));
  });

  it('has the buildx plugin', async () => {
    const { stdout } = await docker('buildx', 'version');
    expect(stdout).toMatch(/^github\.com\/docker\/buildx v?\d+\.\d+/);
  });

  it("builds with BuildKit, without the legacy builder's deprecation notice", async () => {
    const context = await mkdtemp(join(tmpdir(), 'hermetic-build-'));
    try {
      await writeFile(join(context, 'Dockerfile'), 'FROM scratch\nCOPY hi /\n');
      await writeFile(join(context, 'hi'), 'hi\n');
      const build = await execa('docker', ['build', '-q', '-t', 'hermetic-test:scratch', context], {
        env: { ...env, DOCKER_BUILDKIT: undefined },
      });
      expect(build.stdout).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(build.stderr).toBe('');
      const plain = await execa(
        'docker',
        ['build', '--progress=plain', '-t', 'hermetic-test:scratch', context],
        { env, all: true },
      );
      expect(plain.all).toMatch(/^#0 building with "default" instance using docker driver$/m);
      expect(plain.all).not.toContain('DEPRECATED');
    } finally {
      await rm(context, { recursive: true, force: true });
    }
  });
});

describe('images pulled as from Docker Hub', () => {
  it('hello-world prints the official greeting', async () => {
    const { stdout } = await execa('docker', ['run', '--rm', 'hello-world'], {
      env,
      stripFinalNewline: false,
    });
    expect(stdout).toBe(helloWorldOutput(toDockerLibraryArch(await readDebianArch())));
  });

  it('busybox has a shell, its applets and the users of the official image', async () => {
    expect((await docker('run', '--rm', 'busybox', 'echo', 'hi')).stdout).toBe('hi');
    const script =
      'whoami; id nobody; uname -r >/dev/null; hostname >/dev/null; ps >/dev/null; date >/dev/null; ls /bin/httpd /bin/wget /bin/cat /bin/sleep /bin/nc /bin/top';
    const { stdout } = await docker('run', '--rm', 'busybox', 'sh', '-c', script);
    expect(stdout.split('\n')).toEqual([
      'root',
      'uid=65534(nobody) gid=65534(nobody) groups=65534(nobody)',
      '/bin/cat',
      '/bin/httpd',
      '/bin/nc',
      '/bin/sleep',
      '/bin/top',
      '/bin/wget',
    ]);
  });

  it('busybox sh greets a terminal with its prompt alone, as the official image does', async () => {
    await docker('pull', 'busybox');
    const screen = await typeAtPrompt('docker run -it --rm busybox sh', '/ # ', 'exit\n');
    expect(screen).toBe('/ # exit\r\n');
  });

  it('debian:bookworm-slim is bookworm, with apt and without docs', async () => {
    const script = 'cat /etc/os-release; apt-get --version | head -1; ls /usr/share/man | wc -l';
    const { stdout } = await docker('run', '--rm', 'debian:bookworm-slim', 'sh', '-c', script);
    expect(stdout).toContain('VERSION_CODENAME=bookworm');
    expect(stdout).toMatch(/^apt \d/m);
    expect(stdout.trim().split('\n').at(-1)).toBe('0');
  });

  it('registry:2 stores a pushed image and lists it', async () => {
    const { stdout: id } = await docker('run', '-d', '-p', '127.0.0.1::5000', 'registry:2');
    containers.push(id);
    const { stdout: address } = await docker('port', id, '5000/tcp');
    const port = address.trim().split(':').at(-1);
    const target = `localhost:${port}/busybox`;
    await docker('pull', 'busybox');
    await docker('tag', 'busybox', target);
    await waitForRegistry(`http://127.0.0.1:${port}`);
    await docker('push', target);
    const response = await fetch(`http://127.0.0.1:${port}/v2/_catalog`);
    expect(await response.json()).toEqual({ repositories: ['busybox'] });
  });

  it('registry:3 is distribution 3.1.1, stores a pushed image and deletes it', async () => {
    expect((await docker('run', '--rm', 'registry:3', '--version')).stdout).toBe(
      'registry github.com/distribution/distribution/v3 3.1.1',
    );
    const { stdout: id } = await docker('run', '-d', '-p', '127.0.0.1::5000', 'registry:3');
    containers.push(id);
    const { stdout: address } = await docker('port', id, '5000/tcp');
    const url = `http://127.0.0.1:${address.trim().split(':').at(-1)}`;
    const target = `${url.slice('http://'.length).replace('127.0.0.1', 'localhost')}/busybox`;
    await docker('pull', 'busybox');
    await docker('tag', 'busybox', target);
    await waitForRegistry(url);
    await docker('push', target);
    expect(await (await fetch(`${url}/v2/_catalog`)).json()).toEqual({ repositories: ['busybox'] });
    // registry:3's config enables deletes, which registry:2's refuses.
    const manifest = await fetch(`${url}/v2/busybox/manifests/latest`, {
      method: 'HEAD',
      headers: { accept: 'application/vnd.oci.image.index.v1+json' },
    });
    const digest = manifest.headers.get('docker-content-digest') ?? '';
    const deleted = await fetch(`${url}/v2/busybox/manifests/${digest}`, { method: 'DELETE' });
    expect(deleted.status).toBe(202);
  });
});

/**
 * Runs a command under a pseudo-terminal (util-linux `script`), types `input` once
 * `prompt` shows (typed earlier, the terminal would echo it before the shell starts)
 * and returns everything the terminal showed.
 */
function typeAtPrompt(command: string, prompt: string, input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      stdio: 'pipe',
      env: { ...process.env, ...env },
    });
    let screen = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      const hadPrompt = screen.includes(prompt);
      screen += chunk.toString();
      if (!hadPrompt && screen.includes(prompt)) child.stdin.end(input);
    });
    child.once('error', reject);
    child.once('close', () => {
      clearTimeout(timer);
      resolve(screen);
    });
  });
}

async function waitForRegistry(url: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const response = await fetch(`${url}/v2/`).catch(() => undefined);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no registry answered at ${url}`);
}
