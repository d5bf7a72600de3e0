// Assembles an engine in `<cache>/hermetic/engines/<id>`: its packages unpacked under pkgs/,
// and bin/ as a leg's contract asks (legs-file.ts), each binary checked with --version.
import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { HermeticPaths } from './config.ts';
import { type DebCache, type Suite, unpackDeb } from './debs.ts';
import { type EngineSpec, listEnginePackages, packageFolderOf, parseVersion } from './engines.ts';
import { HermeticError } from './errors.ts';
import { runCommand, tailOutput } from './exec.ts';
import { type LegVersions, versionsSchema } from './legs-file.ts';
import { ensureTool } from './tools.ts';

const RECIPE_FILES = [
  fileURLToPath(import.meta.url),
  fileURLToPath(new URL('./engines.ts', import.meta.url)),
];

/** The iptables commands dockerd runs, each a wrapper around the cached xtables-nft-multi. */
const IPTABLES_COMMANDS = [
  'iptables',
  'iptables-save',
  'iptables-restore',
  'ip6tables',
  'ip6tables-save',
  'ip6tables-restore',
];

const recordSchema = z.object({ recipe: z.string(), versions: versionsSchema });

export type EngineOutcome = {
  status: 'present' | 'assembled';
  id: string;
  bin: string;
  versions: LegVersions;
};

export function engineDirOf(paths: HermeticPaths, id: string): string {
  return join(paths.enginesDir, id);
}

/** The engine's bin/, assembled once per recipe; later runs only read its record. */
export async function ensureEngine(
  paths: HermeticPaths,
  debs: DebCache,
  spec: EngineSpec,
): Promise<EngineOutcome> {
  const dir = engineDirOf(paths, spec.id);
  const bin = join(dir, 'bin');
  const recipe = await hashRecipe(spec, paths);
  const recordPath = join(dir, 'engine.json');
  const record = await readRecord(recordPath);
  if (record?.recipe === recipe) {
    return { status: 'present', id: spec.id, bin, versions: record.versions };
  }
  await rm(dir, { recursive: true, force: true });
  await unpackPackages(dir, debs, spec);
  await mkdir(join(bin, 'cli-plugins'), { recursive: true });
  for (const link of spec.links) {
    const target = join(dir, 'pkgs', packageFolderOf(link.from), link.path);
    const path = join(bin, link.name);
    await symlink(relative(dirname(path), target), path);
  }
  await installRunc(paths, debs, dir, spec);
  await writeIptablesWrappers(bin, await ensureTool(paths, debs, 'iptables'));
  const versions = await readVersions(bin);
  await writeFile(recordPath, `${JSON.stringify({ recipe, versions }, null, 2)}\n`);
  return { status: 'assembled', id: spec.id, bin, versions };
}

async function unpackPackages(dir: string, debs: DebCache, spec: EngineSpec): Promise<void> {
  const refs = listEnginePackages(spec);
  const suites = [...new Set(refs.map((ref) => ref.suite))] as Suite[];
  for (const suite of suites) {
    const names = refs.filter((ref) => ref.suite === suite).map((ref) => ref.name);
    const files = await debs.fetch(suite, names);
    for (const name of names) {
      const target = join(dir, 'pkgs', packageFolderOf({ suite, name }));
      await unpackDeb(files[name] as string, target);
    }
  }
}

async function installRunc(
  paths: HermeticPaths,
  debs: DebCache,
  dir: string,
  spec: EngineSpec,
): Promise<void> {
  const source = join(dir, 'pkgs', packageFolderOf(spec.runc.from), spec.runc.path);
  const runc = join(dir, 'bin', 'runc');
  const { relink } = spec.runc;
  if (!relink) {
    await symlink(relative(dirname(runc), source), runc);
    return;
  }
  const lib = join(dir, 'lib');
  await mkdir(lib, { recursive: true });
  for (const library of relink.libraries) {
    // copyFile follows symlinks: libseccomp.so.2 points at its versioned file.
    const from = join(dir, 'pkgs', packageFolderOf(library.from), library.path);
    await copyFile(from, join(lib, basename(library.path)));
  }
  await copyFile(source, runc);
  const patchelf = join(await ensureTool(paths, debs, 'patchelf'), 'usr', 'bin', 'patchelf');
  const loader = join(lib, 'ld-linux-x86-64.so.2');
  const result = await runCommand(patchelf, [
    '--set-interpreter',
    loader,
    '--set-rpath',
    lib,
    runc,
  ]);
  requireStep(spec, 'patchelf runc', result);
}

/** Pure: a wrapper that runs one iptables command from the cached iptables package. */
export function renderIptablesWrapper(toolDir: string, command: string): string {
  const libs = join(toolDir, 'usr', 'lib', 'x86_64-linux-gnu');
  const multi = join(toolDir, 'usr', 'sbin', 'xtables-nft-multi');
  return [
    '#!/bin/sh',
    '# iptables from bookworm, unpacked in the hermetic cache (scripts/hermetic/tools.ts).',
    `XTABLES_LIBDIR='${libs}/xtables' LD_LIBRARY_PATH='${libs}' exec '${multi}' ${command} "$@"`,
    '',
  ].join('\n');
}

async function writeIptablesWrappers(bin: string, toolDir: string): Promise<void> {
  for (const command of IPTABLES_COMMANDS) {
    const path = join(bin, command);
    await writeFile(path, renderIptablesWrapper(toolDir, command));
    await chmod(path, 0o755);
  }
}

/** What each binary of bin/ says it is; one that does not run fails the set-up. */
async function readVersions(bin: string): Promise<LegVersions> {
  const ask = async (file: string, args: string[]) => {
    const result = await runCommand(join(bin, file), args);
    const version = parseVersion(`${result.stdout}\n${result.stderr}`);
    if (result.failed || version === undefined) {
      throw new HermeticError('ENGINE_BROKEN', `${join(bin, file)} ${args.join(' ')} failed`, {
        hint: `run it by hand to see why:\n${tailOutput(result)}`,
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

async function hashRecipe(spec: EngineSpec, paths: HermeticPaths): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify(spec)).update(paths.cacheDir);
  for (const file of RECIPE_FILES) hash.update(await readFile(file));
  return hash.digest('hex');
}

async function readRecord(path: string): Promise<z.infer<typeof recordSchema> | undefined> {
  try {
    return recordSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return undefined;
  }
}

function requireStep(
  spec: EngineSpec,
  step: string,
  result: Awaited<ReturnType<typeof runCommand>>,
): void {
  if (!result.failed) return;
  throw new HermeticError('ENGINE_BROKEN', `engine ${spec.id}: ${step} failed`, {
    hint: `run \`${result.command}\` by hand:\n${tailOutput(result)}`,
    cause: result,
  });
}
