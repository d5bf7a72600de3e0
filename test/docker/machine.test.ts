import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngine } from '../../scripts/lib/run/engine/create-engine.ts';
import type { DockerEngine } from '../../scripts/lib/run/engine/engine.ts';
import { createScratch } from '../../scripts/lib/run/session/scratch.ts';
import { createSession } from '../../scripts/lib/run/session/session.ts';
import { docker, requireDocker } from '../helpers/docker.ts';
import { readTestLegs, testLeg, testLegName } from '../helpers/legs.ts';
import { runCli } from '../helpers/run-cli.ts';

/**
 * The reader's machine: a page's commands see a machine of their own (its host name, root,
 * processes and files), and nothing they do, as root, reaches the machine that runs the
 * verifier: not its files, not its processes, not through a container that mounts `/`.
 */
const mark = `dfv-canary-${randomBytes(4).toString('hex')}`;
const hostFiles = ['/etc/hostname', '/etc/passwd', '/etc/hosts'];

async function hashFiles(): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const file of hostFiles) {
    hashes[file] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return hashes;
}

/** The page: it looks around, then does what a careless or hostile page does, as root. */
const page = `# A page that misbehaves

\`\`\`console
$ hostname
reader
$ ls /
bin
boot
dev
etc
home
lib
lib64
media
mnt
opt
proc
root
run
sbin
srv
sys
tmp
usr
var
$ ps -e -o comm= | grep -c -x dockerd
1
\`\`\`

\`\`\`sh
echo pwned > /etc/hostname
echo 'pwned::0:0::/:/bin/sh' >> /etc/passwd
rm -rf ~/* ~/.bashrc ~/.profile /tmp/*
touch /etc/${mark} ~/${mark}
docker run --rm -v /:/host busybox sh -c 'echo pwned > /host/etc/hosts; touch /host/${mark}; rm -rf /host/root/*'
\`\`\`

\`\`\`console
$ cat /etc/hostname /etc/hosts
pwned
pwned
$ ls / | grep -c ${mark}
1
\`\`\`

\`\`\`sh
docker run --rm --privileged --pid host busybox kill -9 -1 || true
pkill -9 node; pkill -9 dockerd; pkill -9 sleep; kill -9 -1; true
\`\`\`
`;

let canaryProcess: ReturnType<typeof spawn> | undefined;
const homeCanary = join(homedir(), `.${mark}`);
const tmpCanary = join(tmpdir(), mark);

beforeAll(async () => {
  await requireDocker();
  await writeFile(homeCanary, 'kept');
  await writeFile(tmpCanary, 'kept');
  canaryProcess = spawn('sleep', ['600'], { stdio: 'ignore' });
});

afterAll(async () => {
  canaryProcess?.kill();
  await rm(homeCanary, { force: true });
  await rm(tmpCanary, { force: true });
});

describe("the reader's machine", () => {
  it('runs a page that writes /etc, empties ~, mounts / and kills everything, and this machine is untouched', async () => {
    const before = await hashFiles();
    const root = await mkdtemp(join(tmpdir(), 'dfv-machine-'));
    await writeFile(join(root, 'misbehaves.md'), page);
    const run = await runCli(root, ['misbehaves.md', '--leg', testLegName]);
    // The last block kills every process of the machine, its daemon and the page's shell
    // too: the verifier says so and goes on, as it would for a daemon that died.
    expect(run.output, run.output).toContain('3 passed, 0 failed, 0 skipped, 1 errors');
    expect(run.output).toContain('The Docker daemon stopped answering during the page');
    expect(run.exitCode, run.output).toBe(2);
    // The files, the home folder and /tmp of this machine, its processes, its Docker.
    expect(await hashFiles()).toEqual(before);
    expect(existsSync(join('/etc', mark)) || existsSync(join('/', mark))).toBe(false);
    expect(existsSync(join(homedir(), mark))).toBe(false);
    expect(await readFile(homeCanary, 'utf8')).toBe('kept');
    expect(await readFile(tmpCanary, 'utf8')).toBe('kept');
    expect(canaryProcess?.exitCode).toBeNull();
    expect(canaryProcess?.signalCode).toBeNull();
    expect(await docker('version', '--format', '{{.Server.Version}}')).not.toBe('');
  }, 300_000);
});

describe('the tools of a machine', () => {
  let engine: DockerEngine;
  beforeAll(async () => {
    const { mirror } = await readTestLegs();
    engine = await startEngine(await testLeg(), { mirrors: [mirror], debug: () => {} });
  });
  afterAll(() => engine?.close());

  it('hides the tools a page says its reader lacks, and shows them again', async () => {
    const environment = await engine.openPage({ id: 'tools', images: [], tools: ['procps'] });
    const scratch = await createScratch('tools', environment);
    const session = createSession(scratch, environment, {});
    const run = (command: string) =>
      session.run(command, { tty: false, stdin: undefined, timeoutMs: 30_000 });
    try {
      expect((await run('jq --version')).all).toBe('bash: jq: command not found\n');
      expect((await run('ps -o comm= -p $$')).all).toBe('bash\n');
      await environment.machine?.setTools('all');
      expect((await run('jq --version')).exitCode).toBe(0);
      expect((await run('command -v docker')).all).toBe('/usr/bin/docker\n');
    } finally {
      session.close();
      await environment.dispose();
      await scratch.remove();
    }
  });
});
