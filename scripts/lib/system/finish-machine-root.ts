/**
 * The last touches of the reader's machine's root (core/reader-toolbox.ts), whoever made it
 * (the verifier, or hermetic in its cache): without what a reader never reads (manuals,
 * translations, apt's lists), with the folders machine.sh mounts on, and with the `docker`
 * group a Docker package creates (its socket is `root docker`, as `ls -l` shows a reader).
 */
import { appendFile, mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

const dropped = [
  'usr/share/doc',
  'usr/share/man',
  'usr/share/info',
  'usr/share/locale',
  'var/lib/apt/lists',
  'var/cache/apt',
  'var/cache/debconf/templates.dat-old',
];

const mountPoints = ['proc', 'sys', 'dev', 'run', 'tmp', 'root', 'var/lib/docker', 'etc/docker'];

export async function finishRoot(root: string): Promise<void> {
  await Promise.all(dropped.map((path) => rm(join(root, path), { recursive: true, force: true })));
  await Promise.all(
    [...mountPoints, 'var/lib/apt/lists/partial', 'var/cache/apt/archives/partial'].map((path) =>
      mkdir(join(root, path), { recursive: true }),
    ),
  );
  await addDockerGroup(root);
}

/** The group Debian's docker.io adds (`addgroup --system docker`): the highest free system gid. */
async function addDockerGroup(root: string): Promise<void> {
  const groups = await readFile(join(root, 'etc', 'group'), 'utf8');
  if (/^docker:/m.test(groups)) return;
  const taken = new Set(groups.split('\n').map((line) => Number(line.split(':')[2])));
  let gid = 999;
  while (taken.has(gid)) gid--;
  await appendFile(join(root, 'etc', 'group'), `docker:x:${gid}:\n`);
  await appendFile(join(root, 'etc', 'gshadow'), 'docker:!::\n').catch(() => undefined);
}
