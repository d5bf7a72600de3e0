// debuerreotype's "slim" variant: the path excludes (minus the includes) deleted from the root
// and written to /etc/dpkg/dpkg.cfg.d/docker, so later installs stay slim.
import { lstat, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runProcess } from '../../../lib/system/run-process.ts';

export const SLIM_EXCLUDES = [
  '/usr/share/doc/*',
  '/usr/share/doc/kde/HTML/*/*',
  '/usr/share/gnome/help/*/*',
  '/usr/share/info/*',
  '/usr/share/linda/*',
  '/usr/share/lintian/overrides/*',
  '/usr/share/locale/*',
  '/usr/share/man/*',
  '/usr/share/omf/*/*-*.emf',
] as const;

export const SLIM_INCLUDES = [
  '/usr/share/doc/*/copyright',
  '/usr/share/doc/kde/HTML/C/*',
  '/usr/share/gnome/help/*/C/*',
  '/usr/share/locale/all_languages',
  '/usr/share/locale/currency/*',
  '/usr/share/locale/l10n/*',
  '/usr/share/locale/languages',
  '/usr/share/locale/locale.alias',
  '/usr/share/omf/*/*-C.emf',
] as const;

/** Pure: whether `path` matches a `find -path` pattern, where `*` also matches slashes. */
export function matchesFindPath(pattern: string, path: string): boolean {
  const source = pattern
    .split('')
    .map((char) =>
      char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`).test(path);
}

/** Pure: `fold -w 76 -s` of `text`, each line prefixed `#  `. */
export function foldComment(text: string): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const next = line === '' ? word : `${line} ${word}`;
      if (next.length > 76 && line !== '') {
        lines.push(`${line} `);
        line = word;
      } else {
        line = next;
      }
    }
    lines.push(line);
  }
  return lines.map((line) => `#  ${line}`);
}

/** Pure: the packages `dpkg -S` names (`a, b: /path` lines), sorted, on one line. */
export function listOwners(dpkgOutput: string): string {
  const names = new Set<string>();
  for (const line of dpkgOutput.split('\n')) {
    const owners = line.split(': ')[0];
    if (!owners || !line.includes(': ')) continue;
    for (const name of owners.split(', ')) names.add(name);
  }
  return [...names].sort().join(' ');
}

/** Deletes the slim excludes from `root` and writes its dpkg.cfg.d/docker. */
export async function slimify(root: string): Promise<void> {
  const lines = [
    '# This is the "slim" variant of the Debian base image.',
    '# Many files which are normally unnecessary in containers are excluded,',
    '# and this configuration file keeps them that way.',
  ];
  for (const exclude of [...SLIM_EXCLUDES].sort()) {
    const owners = await runProcess('chroot', [root, 'dpkg', '-S', exclude]);
    const text = owners.failed
      ? `${owners.stdout}${owners.stderr}`.trim()
      : listOwners(owners.stdout);
    lines.push('', `# dpkg -S '${exclude}'`, ...foldComment(text), `path-exclude ${exclude}`);
    if (exclude.endsWith('/*')) await deleteBelow(root, exclude.slice(0, -2), exclude);
    else await rm(join(root, exclude), { force: true });
  }
  lines.push('', ...[...SLIM_INCLUDES].sort().map((include) => `path-include ${include}`));
  await writeFile(join(root, 'etc', 'dpkg', 'dpkg.cfg.d', 'docker'), `${lines.join('\n')}\n`, {
    mode: 0o644,
  });
}

async function deleteBelow(root: string, base: string, exclude: string): Promise<void> {
  const files = await walk(root, base);
  if (files === undefined) return;
  const kept = (path: string) => SLIM_INCLUDES.some((include) => matchesFindPath(include, path));
  for (const { path, kind } of files) {
    if (kind === 'file' && matchesFindPath(exclude, path) && !kept(path)) {
      await rm(join(root, path), { force: true });
    }
  }
  // Then empty folders and dangling links, until none is left. Links are resolved inside the
  // root (chroot), where an absolute target such as /etc/alternatives/... points.
  for (;;) {
    const result = await runProcess('chroot', [
      root,
      'find',
      base,
      '-depth',
      '-mindepth',
      '1',
      '(',
      '-empty',
      '-o',
      '-xtype',
      'l',
      ')',
      '-exec',
      'rm',
      '-rf',
      '{}',
      ';',
      '-print',
    ]);
    if (result.failed || result.stdout.trim() === '') return;
  }
}

type Walked = { path: string; kind: 'file' | 'dir' | 'symlink' };

/** Everything below `base` (not `base` itself), deepest first, as `find -depth`. */
async function walk(root: string, base: string): Promise<Walked[] | undefined> {
  const info = await lstat(join(root, base)).catch(() => undefined);
  if (!info?.isDirectory()) return undefined;
  const out: Walked[] = [];
  const visit = async (dir: string): Promise<void> => {
    for (const name of await readdir(join(root, dir))) {
      const path = `${dir}/${name}`;
      const entry = await lstat(join(root, path));
      if (entry.isDirectory()) {
        await visit(path);
        out.push({ path, kind: 'dir' });
      } else {
        out.push({ path, kind: entry.isSymbolicLink() ? 'symlink' : 'file' });
      }
    }
  };
  await visit(base);
  return out;
}
