/**
 * Makes the reader's root without any Debian tool on this machine: through the leg's own
 * daemon (a plain sandbox, see create-machine.ts), from Debian's slim image, with the
 * recipe's packages installed by apt in a container, whose file system is then exported
 * into the cache. apt reaches Debian's archive through the sandbox's proxy, as the daemon's
 * pulls do.
 */
import { spawn } from 'node:child_process';
import { VerifyError } from '../../../core/errors.ts';
import { listMachinePackages, machineSuite } from '../../../core/reader-toolbox.ts';
import { tailOf } from '../../../system/run-process.ts';
import { buildEnv, type DockerCallOptions, runDocker } from '../docker-cli.ts';

export interface ImageBuild {
  docker: DockerCallOptions;
  /** The proxy the sandbox offers on its loopback, e.g. http://127.0.0.1:43128. */
  proxy: string;
}

export const machineImage = `debian:${machineSuite}-slim`;

function fail(step: string, detail: string): VerifyError {
  return new VerifyError(
    'SANDBOX_FAILED',
    `Could not make the reader's machine: ${step}:\n${detail}`,
    {
      hint: `It is made once from ${machineImage} and Debian's archive: check that both can be reached (a registry mirror, deb.debian.org), install mmdebstrap, or run \`npm run hermetic\`.`,
    },
  );
}

export async function buildRootFromImage(target: string, build: ImageBuild): Promise<void> {
  const { docker, proxy } = build;
  const pull = await runDocker(['pull', '--quiet', machineImage], {
    ...docker,
    timeoutMs: 600_000,
  });
  if (pull.failed) throw fail(`docker pull ${machineImage}`, tailOf(pull.all, 5));
  const name = `dfv-machine-${process.pid}`;
  const install = [
    'apt-get update',
    `DEBIAN_FRONTEND=noninteractive apt-get install --yes --no-install-recommends ${listMachinePackages().join(' ')}`,
    'apt-get clean',
  ].join(' && ');
  const run = await runDocker(
    [
      'run',
      '--name',
      name,
      '--network',
      'host',
      '--env',
      `http_proxy=${proxy}`,
      '--env',
      `https_proxy=${proxy}`,
      machineImage,
      'sh',
      '-ec',
      install,
    ],
    { ...docker, timeoutMs: 20 * 60_000 },
  );
  if (run.failed) throw fail('apt-get install in a container', tailOf(run.all, 10));
  await exportInto(name, target, docker);
}

/** `docker export NAME | tar -x -C TARGET`, owners and modes kept. */
function exportInto(name: string, target: string, docker: DockerCallOptions): Promise<void> {
  const [file = 'docker', ...args] = (docker.wrap ?? ((argv) => [...argv]))([
    'docker',
    'export',
    name,
  ]);
  const env = buildEnv(docker.env, docker.unsetEnv);
  return new Promise((resolve, reject) => {
    const exporter = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tar = spawn('tar', ['-x', '--numeric-owner', '-C', target], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let errors = '';
    exporter.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    tar.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    exporter.stdout.pipe(tar.stdin);
    let exited = 0;
    let failed = false;
    const done = (code: number | null) => {
      failed ||= code !== 0;
      if (++exited < 2) return;
      if (failed) reject(fail('docker export | tar -x', tailOf(errors, 5)));
      else resolve();
    };
    exporter.on('close', done);
    tar.on('close', done);
    exporter.on('error', (error) => reject(fail('docker export', error.message)));
    tar.on('error', (error) => reject(fail('tar -x', error.message)));
  });
}
