import { randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker, requireDocker } from '../helpers/docker.ts';
import { hostDaemonEnv } from '../helpers/legs.ts';
import { projectRoot, runCli } from '../helpers/run-cli.ts';
import { useForFile } from '../helpers/turns.ts';

/**
 * `--docker host` on the user's daemon (hermetic's host dockerd here): what the user had
 * before the run is there, unchanged, after every chapter and after a page written to clean
 * a machine up, whose prunes and removals the guard keeps to the page's own objects.
 */
const name = `dfv-kept-${randomBytes(4).toString('hex')}`;

/** What the user had, as `docker inspect` shows the parts a page could change. */
async function describeKept() {
  const inspect = (kind: string, format: string) =>
    docker(kind, 'inspect', '--format', format, name).catch((error: Error) => error.message);
  return {
    container: await inspect('container', '{{.Id}} {{.State.Status}} {{.Name}} {{.Image}}'),
    image: await docker('image', 'inspect', '--format', '{{.Id}} {{.RepoTags}}', `${name}:1`).catch(
      (error: Error) => error.message,
    ),
    volume: await inspect('volume', '{{.Name}} {{.CreatedAt}}'),
    network: await inspect('network', '{{.Id}} {{.Name}} {{.Created}}'),
  };
}

useForFile('host-daemon');
beforeAll(async () => {
  await requireDocker();
  // An image of the user's own, nothing a chapter pulls: one file, imported.
  const env = await hostDaemonEnv();
  await execa(
    'sh',
    ['-c', `printf kept > kept.txt && tar -c kept.txt | docker import - ${name}:1`],
    {
      cwd: await mkdtemp(join(tmpdir(), 'dfv-kept-')),
      env,
    },
  );
  await docker('create', '--name', name, `${name}:1`, '/kept.txt');
  await docker('volume', 'create', name);
  await docker('network', 'create', name);
});

afterAll(async () => {
  await docker('rm', '-f', name).catch(() => '');
  await docker('volume', 'rm', name).catch(() => '');
  await docker('network', 'rm', name).catch(() => '');
  await docker('rmi', `${name}:1`).catch(() => '');
});

/**
 * A page that cleans a machine up as cleanup guides do, then names the user's objects, one
 * command per block (an environment error ends its block).
 */
function describeCleanupPage(): string {
  const script = [
    'docker run --name leftover busybox true',
    'docker volume create scratch',
    'docker network create scratch-net',
    'docker container prune -f',
    'docker volume prune -af',
    'docker network prune -f',
    'docker image prune -af',
    'docker system prune -af --volumes',
  ];
  const named = [
    `docker rm -f ${name}`,
    `docker volume rm ${name}`,
    `docker network rm ${name}`,
    `docker rmi -f ${name}:1`,
    `docker run --name ${name} busybox true`,
    `docker run --rm -v ${name}:/data busybox touch /data/changed`,
    'curl -s --unix-socket /var/run/docker.sock -X POST http://localhost/containers/prune',
  ];
  return [
    '# Clean up',
    '',
    '```sh',
    ...script,
    '```',
    ...named.flatMap((command) => ['', '```console', `$ ${command}`, '```']),
    '',
  ].join('\n');
}

describe("--docker host on the user's daemon", () => {
  it('keeps a page from pruning or removing what the user had, and says so', async () => {
    const before = await describeKept();
    const root = await mkdtemp(join(tmpdir(), 'dfv-guard-'));
    await writeFile(join(root, 'cleanup.md'), describeCleanupPage());
    const run = await runCli(root, ['cleanup.md', '--docker', 'host'], await hostDaemonEnv());
    // The script's prunes pass (they prune the page's own leftovers); each line that names
    // the user's objects is an environment error, never run against them.
    const kept = run.output.match(/Kept from changing your own Docker/g) ?? [];
    expect(kept.length, run.output).toBe(7);
    expect(run.output).toContain(`the container ${name} is not one the page created`);
    expect(run.output).toContain(
      `the name ${name} belongs to a container that is not one the page created`,
    );
    expect(run.output).toContain('the command talks to a Docker socket itself');
    expect(run.exitCode, run.output).toBe(2);
    expect(await describeKept()).toEqual(before);
  }, 600_000);

  it('leaves a stopped container, an unused volume, a network and an image unchanged through every chapter', async () => {
    const before = await describeKept();
    const run = await runCli(projectRoot, ['--docker', 'host'], await hostDaemonEnv());
    expect(run.output).toMatch(/\d+ passed/);
    expect(await describeKept(), run.output).toEqual(before);
  }, 1_200_000);
});
