// Assembles a Debian engine's bin/ in its folder: its packages unpacked under pkgs/, bin/
// linking to their files as a leg's contract asks (lib/core/legs.ts), runc relinked.
import { copyFile, mkdir, symlink } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { ComponentOrigin, LegComponent } from '../../lib/core/legs.ts';
import { type ProcessResult, runProcess, tailOf } from '../../lib/system/run-process.ts';
import {
  type DebCache,
  type DebRef,
  type Suite,
  unpackDeb,
  versionOfDebFile,
} from '../plumbing/debs.ts';
import { HermeticError } from '../plumbing/errors.ts';
import { ensureTool } from '../plumbing/tools.ts';
import {
  type BinLink,
  type DebianSource,
  listDebianOrigins,
  listEnginePackages,
  packageFolderOf,
} from './debian-source.ts';
import type { SourceContext } from './source/source-build.ts';

/** What every builder gets: the cache's paths, its .debs and the folder of tag archives. */
export type BuildContext = SourceContext;

/** Fills `dir` (pkgs/, bin/, lib/) from the packages; says where each component came from. */
export async function assembleDebianBin(
  context: BuildContext,
  dir: string,
  source: DebianSource,
): Promise<Partial<Record<LegComponent, ComponentOrigin>>> {
  const versions = await unpackPackages(dir, context.debs, listEnginePackages(source));
  await linkPackageFiles(dir, source.links);
  await installRunc(context, dir, source);
  return listDebianOrigins(source, versions);
}

/** Links each `bin/<name>` to its file in the packages unpacked under `dir`/pkgs. */
export async function linkPackageFiles(dir: string, links: readonly BinLink[]): Promise<void> {
  for (const link of links) {
    const target = join(dir, 'pkgs', packageFolderOf(link.from), link.path);
    const path = join(dir, 'bin', link.name);
    await symlink(relative(dirname(path), target), path);
  }
}

/** Unpacks every package under `dir`/pkgs; returns their Debian versions, keyed `suite/name`. */
export async function unpackPackages(
  dir: string,
  debs: DebCache,
  refs: readonly DebRef[],
): Promise<Record<string, string>> {
  const suites = [...new Set(refs.map((ref) => ref.suite))] as Suite[];
  const versions: Record<string, string> = {};
  for (const suite of suites) {
    const names = refs.filter((ref) => ref.suite === suite).map((ref) => ref.name);
    const files = await debs.fetch(suite, names);
    for (const name of names) {
      const file = files[name] as string;
      await unpackDeb(file, join(dir, 'pkgs', packageFolderOf({ suite, name })));
      versions[`${suite}/${name}`] = versionOfDebFile(basename(file));
    }
  }
  return versions;
}

async function installRunc(
  context: BuildContext,
  dir: string,
  source: DebianSource,
): Promise<void> {
  const from = join(dir, 'pkgs', packageFolderOf(source.runc.from), source.runc.path);
  const runc = join(dir, 'bin', 'runc');
  const { relink } = source.runc;
  if (!relink) {
    await symlink(relative(dirname(runc), from), runc);
    return;
  }
  const lib = join(dir, 'lib');
  await mkdir(lib, { recursive: true });
  for (const library of relink.libraries) {
    // copyFile follows symlinks: libseccomp.so.2 points at its versioned file.
    const file = join(dir, 'pkgs', packageFolderOf(library.from), library.path);
    await copyFile(file, join(lib, basename(library.path)));
  }
  await copyFile(from, runc);
  const tool = await ensureTool(context.paths, context.debs, 'patchelf');
  const patchelf = join(tool, 'usr', 'bin', 'patchelf');
  const loader = join(lib, 'ld-linux-x86-64.so.2');
  const args = ['--set-interpreter', loader, '--set-rpath', lib, runc];
  requireStep(dir, 'patchelf runc', await runProcess(patchelf, args));
}

function requireStep(dir: string, step: string, result: ProcessResult): void {
  if (!result.failed) return;
  throw new HermeticError('ENGINE_BROKEN', `engine ${basename(dir)}: ${step} failed`, {
    hint: `run \`${result.command}\` by hand:\n${tailOf(result.all, 15)}`,
    cause: result,
  });
}
