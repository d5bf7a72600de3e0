/**
 * `verify-examples` as another team runs it: from a checkout (`npx verify-examples`), and
 * installed from the package `npm pack` makes, in a folder outside this repository.
 */
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { flags } from '../../scripts/lib/core/flags.ts';
import { requireDocker } from '../helpers/docker.ts';
import { testLegName } from '../helpers/legs.ts';
import { projectRoot } from '../helpers/run-cli.ts';

beforeAll(requireDocker);

const leg = ['--docker', 'sandbox', '--leg', testLegName];
const page = 'passing.md';

async function folderWithPage(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'dfv-team-'));
  await cp(join(projectRoot, 'test/fixtures/verify', page), join(folder, 'docs', page));
  return folder;
}

function run(file: string, args: readonly string[], cwd: string) {
  return execa(file, args, { cwd, reject: false, all: true, env: { NO_COLOR: '1' } });
}

describe('the verify-examples command', () => {
  it('runs from a checkout with npx, its --help listing every flag', async () => {
    const help = await run('npx', ['--no-install', 'verify-examples', '--help'], projectRoot);
    expect(help.exitCode).toBe(0);
    for (const name of Object.keys(flags)) expect(help.stdout).toContain(`--${name}`);
    const folder = await folderWithPage();
    const result = await run(
      process.execPath,
      [join(projectRoot, 'bin/verify-examples.js'), 'docs/', ...leg],
      folder,
    );
    expect(result.all).toContain('3 passed, 0 failed, 0 skipped');
    expect(result.exitCode).toBe(0);
  });

  it('runs installed from the packed package, in a folder outside the repository', async () => {
    const packs = await mkdtemp(join(tmpdir(), 'dfv-pack-'));
    const pack = await execa('npm', ['pack', '--pack-destination', packs, '--json'], {
      cwd: projectRoot,
      all: true,
    });
    const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as {
      filename: string;
      files: { path: string }[];
    }[];
    const shipped = packed?.files.map((file) => file.path).sort();
    expect(shipped).toEqual(
      expect.arrayContaining([
        'bin/verify-examples.js',
        'bundle/egress.sh',
        'bundle/init.sh',
        'bundle/machine.sh',
        'bundle/relay.js',
        'bundle/sandbox.sh',
        'bundle/verify-examples.js',
        'package.json',
      ]),
    );
    expect(shipped?.some((path) => path.startsWith('scripts/'))).toBe(false);

    const folder = await folderWithPage();
    const install = await run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--no-save', join(packs, packed?.filename ?? '')],
      folder,
    );
    expect(install.exitCode, install.all).toBe(0);
    const result = await run('npx', ['--no-install', 'verify-examples', 'docs/', ...leg], folder);
    expect(result.all).toContain('3 passed, 0 failed, 0 skipped');
    expect(result.exitCode).toBe(0);
    const help = await run('npx', ['--no-install', 'verify-examples', '--help'], folder);
    for (const name of Object.keys(flags)) expect(help.stdout).toContain(`--${name}`);
  });
});
