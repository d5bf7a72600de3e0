// The postgres look-alike's entrypoint as the specification describes it (postgres.ts): a
// first start creates the cluster as POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB ask and
// runs /docker-entrypoint-initdb.d; a restart on the same volume skips all that; settings that
// cannot work stop it with the messages Docker Hub's prints. On hermetic's host dockerd.
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireDocker } from '../helpers/docker.ts';
import { hostClientEnv } from '../helpers/legs.ts';
import { useForFile } from '../helpers/turns.ts';

const image = 'postgres:18';
const name = `dfv-postgres-${process.pid}`;
const volume = `${name}-data`;
const entrypoint = '/usr/local/bin/docker-entrypoint.sh';
let env: Record<string, string>;

const docker = (...args: string[]) =>
  execa('docker', args, { env, reject: false, stripFinalNewline: false });

/**
 * What the entrypoint and initdb printed (stdout) once the server said `times` times that it
 * is ready (the server started for the init files says it through pg_ctl's stdout, the final
 * one on stderr). The streams are kept apart: `docker logs` gives them without their order.
 */
async function waitForReady(times: number): Promise<string> {
  for (let i = 0; i < 240; i += 1) {
    const logs = await execa('docker', ['logs', name], { env, reject: false });
    const both = `${logs.stdout}\n${logs.stderr}`;
    if (both.split('database system is ready to accept connections').length > times)
      return logs.stdout;
    await sleep(250);
  }
  throw new Error(`${name} did not get ready ${times} times`);
}

useForFile('host-daemon');
beforeAll(async () => {
  await requireDocker();
  env = await hostClientEnv();
  expect((await docker('pull', '--quiet', image)).exitCode).toBe(0);
});

afterAll(async () => {
  await docker('rm', '--force', name);
  await docker('volume', 'rm', '--force', volume);
});

describe('the postgres entrypoint', () => {
  it('initialises on the first start, runs the init files, and skips both on a restart', async () => {
    const initdb = await mkdtemp(join(tmpdir(), 'dfv-initdb-'));
    // The entrypoint reads the folder as postgres, after gosu: mkdtemp makes it root's only.
    await chmod(initdb, 0o755);
    await writeFile(
      join(initdb, '01-schema.sql'),
      'CREATE TABLE t (x int);\nINSERT INTO t VALUES (42);\n',
    );
    await writeFile(join(initdb, '02-note.sh'), 'echo "hello from $POSTGRES_DB"\n');
    await writeFile(join(initdb, '03-readme.txt'), 'not for postgres\n');
    const run = await docker(
      'run',
      '--detach',
      '--name',
      name,
      '--volume',
      `${volume}:/var/lib/postgresql`,
      '--volume',
      `${initdb}:/docker-entrypoint-initdb.d:ro`,
      '--env',
      'POSTGRES_PASSWORD=secret',
      '--env',
      'POSTGRES_USER=app',
      '--env',
      'POSTGRES_DB=appdb',
      image,
    );
    expect(run.exitCode, run.stderr).toBe(0);
    const first = await waitForReady(2);
    for (const line of [
      'The database cluster will be initialized with locale "en_US.utf8".',
      'Data page checksums are enabled.',
      'fixing permissions on existing directory /var/lib/postgresql/18/docker ... ok',
      'server started',
      `${entrypoint}: running /docker-entrypoint-initdb.d/01-schema.sql`,
      `${entrypoint}: sourcing /docker-entrypoint-initdb.d/02-note.sh`,
      'hello from appdb',
      `${entrypoint}: ignoring /docker-entrypoint-initdb.d/03-readme.txt`,
      'PostgreSQL init process complete; ready for start up.',
    ])
      expect(first.split('\n'), `first start: ${line}`).toContain(line);
    const query = await docker(
      'exec',
      name,
      'psql',
      '-U',
      'app',
      '-d',
      'appdb',
      '-tAc',
      'SELECT x FROM t',
    );
    expect(query.stdout, query.stderr).toBe('42\n');
    const hba = await docker('exec', name, 'sh', '-c', 'tail -n 1 "$PGDATA/pg_hba.conf"');
    expect(hba.stdout).toBe('host all all all scram-sha-256\n');

    expect((await docker('restart', name)).exitCode).toBe(0);
    const second = await waitForReady(3);
    const restart = second.slice(first.length);
    expect(restart).toContain(
      '\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n',
    );
    expect(restart).not.toContain('/docker-entrypoint-initdb.d/');

    const ensure = await docker('exec', '--user', 'postgres', name, 'docker-ensure-initdb.sh');
    expect(ensure.exitCode).toBe(0);
    expect(ensure.stderr).toBe(
      "docker-ensure-initdb.sh: note: database already initialized in '/var/lib/postgresql/18/docker'!\n",
    );
    const enforce = await docker('exec', '--user', 'postgres', name, 'docker-enforce-initdb.sh');
    expect(enforce.exitCode).toBe(1);
    expect(enforce.stderr).toBe(
      "docker-enforce-initdb.sh: error: (unexpected) database found in '/var/lib/postgresql/18/docker'!\n",
    );
  });

  it('refuses a password given twice', async () => {
    const run = await docker(
      'run',
      '--rm',
      '--env',
      'POSTGRES_PASSWORD=a',
      '--env',
      'POSTGRES_PASSWORD_FILE=/etc/hostname',
      image,
    );
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      'error: both POSTGRES_PASSWORD and POSTGRES_PASSWORD_FILE are set (but are exclusive)\n',
    );
  });

  it("refuses a volume where images before 18 kept their data, as a pre-18 tutorial's -v does", async () => {
    const run = await docker(
      'run',
      '--rm',
      '--env',
      'POSTGRES_PASSWORD=a',
      '--volume',
      `${volume}-old:/var/lib/postgresql/data`,
      image,
    );
    await docker('volume', 'rm', '--force', `${volume}-old`);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(
      /^Error: in 18\+, these Docker images are configured to store database data in a\n/,
    );
    expect(run.stderr).toContain('/var/lib/postgresql/data (unused mount/volume)');
  });
});
