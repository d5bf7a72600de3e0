// apt-get pointed at a folder of our own: one Debian suite's lists, for downloads only.
// The machine's /etc/apt, lists and package cache stay as they are.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ProcessResult, runProcess, tailOf } from '../../lib/system/run-process.ts';
import { HermeticError } from './errors.ts';

/** One sources line, e.g. trixie's binary packages or bookworm's source packages. */
export type PrivateApt = { dir: string; kind: 'deb' | 'deb-src'; suite: string };

const DEBIAN_MIRROR = 'http://deb.debian.org/debian';
const KEYRING = '/usr/share/keyrings/debian-archive-keyring.gpg';

/** Pure: the whole sources.list of a private apt folder. */
export function renderSourcesList(apt: PrivateApt): string {
  return `${apt.kind} [signed-by=${KEYRING}] ${DEBIAN_MIRROR} ${apt.suite} main\n`;
}

/**
 * Pure: the options that make apt-get read and write only the private folder. The
 * sandbox user `_apt` cannot enter a folder under root's home, so apt downloads as root.
 */
export function privateAptOptions(dir: string): string[] {
  return [
    ['Dir::Etc::SourceList', join(dir, 'sources.list')],
    ['Dir::Etc::SourceParts', '/dev/null'],
    ['Dir::State::Lists', join(dir, 'lists')],
    ['Dir::Cache', join(dir, 'cache')],
    ['APT::Sandbox::User', 'root'],
  ].flatMap(([key, value]) => ['-o', `${key}=${value}`]);
}

/** Writes the private sources.list and fetches its lists (one suite, about 10 MB). */
export async function updatePrivateApt(apt: PrivateApt): Promise<void> {
  await mkdir(join(apt.dir, 'lists', 'partial'), { recursive: true });
  await mkdir(join(apt.dir, 'cache', 'archives', 'partial'), { recursive: true });
  await writeFile(join(apt.dir, 'sources.list'), renderSourcesList(apt));
  requireApt(apt, await runProcess('apt-get', [...privateAptOptions(apt.dir), 'update']));
}

/** Downloads binary packages (not their dependencies) into `destDir`; returns the file names. */
export async function downloadPackages(
  apt: PrivateApt,
  packages: readonly string[],
  destDir: string,
): Promise<string[]> {
  await mkdir(destDir, { recursive: true });
  const args = [...privateAptOptions(apt.dir), 'download', ...packages];
  requireApt(apt, await runProcess('apt-get', args, { cwd: destDir }));
  return readdir(destDir);
}

/** Downloads a source package (.dsc and its tarballs) into `destDir`, without unpacking it. */
export async function downloadSource(
  apt: PrivateApt,
  name: string,
  destDir: string,
): Promise<void> {
  await mkdir(destDir, { recursive: true });
  const args = [...privateAptOptions(apt.dir), 'source', '--download-only', name];
  requireApt(apt, await runProcess('apt-get', args, { cwd: destDir }));
}

function requireApt(apt: PrivateApt, result: ProcessResult): void {
  if (!result.failed) return;
  throw new HermeticError(
    'APT_FAILED',
    `\`${result.command}\` failed (private ${apt.kind} ${apt.suite}):\n${tailOf(result.all, 15)}`,
    {
      hint: `check that ${DEBIAN_MIRROR} answers (\`apt-get update\`), then run \`npm run hermetic\` again; ${apt.dir} may be deleted.`,
      cause: result,
    },
  );
}
