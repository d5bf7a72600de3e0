// What every engine's bin/ gets, whatever its source: iptables wrappers around the cached
// iptables, and a check that each binary runs, reading the versions legs.json lists.
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LegVersions } from '../../lib/core/legs.ts';
import { runProcess, tailOf } from '../../lib/system/run-process.ts';
import { HermeticError } from '../plumbing/errors.ts';

/** The iptables commands dockerd runs, each a wrapper around the cached xtables-nft-multi. */
const IPTABLES_COMMANDS = [
  'iptables',
  'iptables-save',
  'iptables-restore',
  'ip6tables',
  'ip6tables-save',
  'ip6tables-restore',
];

/** Pure: a wrapper that runs one iptables command from the cached iptables package. */
export function renderIptablesWrapper(toolDir: string, command: string): string {
  const libs = join(toolDir, 'usr', 'lib', 'x86_64-linux-gnu');
  const multi = join(toolDir, 'usr', 'sbin', 'xtables-nft-multi');
  return [
    '#!/bin/sh',
    '# iptables from bookworm, unpacked in the hermetic cache (scripts/hermetic/plumbing/tools.ts).',
    `XTABLES_LIBDIR='${libs}/xtables' LD_LIBRARY_PATH='${libs}' exec '${multi}' ${command} "$@"`,
    '',
  ].join('\n');
}

export async function writeIptablesWrappers(bin: string, toolDir: string): Promise<void> {
  for (const command of IPTABLES_COMMANDS) {
    const path = join(bin, command);
    await writeFile(path, renderIptablesWrapper(toolDir, command));
    await chmod(path, 0o755);
  }
}

/** Pure: the upstream version in a `--version` line, without Debian's suffixes. */
export function parseVersion(text: string): string | undefined {
  return /(?:^|[\s v])(\d+\.\d+\.\d+)(?=[^\d.]|$)/m.exec(text)?.[1];
}

/** What each binary of bin/ says it is; one that does not run fails the set-up. */
export async function readVersions(bin: string): Promise<LegVersions> {
  const ask = async (file: string, args: string[]) => {
    const result = await runProcess(join(bin, file), args);
    const version = parseVersion(`${result.stdout}\n${result.stderr}`);
    if (result.failed || version === undefined) {
      throw new HermeticError('ENGINE_BROKEN', `${join(bin, file)} ${args.join(' ')} failed`, {
        hint: `run it by hand to see why:\n${tailOf(result.all, 15)}`,
        cause: result,
      });
    }
    return version;
  };
  const versions: LegVersions = {
    docker: await ask('dockerd', ['--version']),
    containerd: await ask('containerd', ['--version']),
    runc: await ask('runc', ['--version']),
    buildx: await ask('cli-plugins/docker-buildx', ['version']),
    compose: await ask('cli-plugins/docker-compose', ['version']),
    init: await ask('docker-init', ['--version']),
  };
  const client = await ask('docker', ['--version']);
  await ask('containerd-shim-runc-v2', ['-v']);
  await ask('docker-proxy', ['--version']);
  await ask('iptables', ['--version']);
  if (client !== versions.docker) {
    throw new HermeticError('ENGINE_BROKEN', `docker ${client} beside dockerd ${versions.docker}`, {
      hint: 'engines.ts must take the CLI from the same release as the daemon.',
    });
  }
  return versions;
}
