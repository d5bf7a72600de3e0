/**
 * The last touches of a root, whoever made it: without what a reader never reads (manuals,
 * translations, apt's lists), with the folders machine.sh mounts on, and with its own
 * /etc/hostname and /etc/hosts written per machine.
 */
import { mkdir, rm } from 'node:fs/promises';
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
  await Promise.all(
    dropped.map((path) => rm(join(root, path), { recursive: true, force: true })),
  );
  await Promise.all(
    [...mountPoints, 'var/lib/apt/lists/partial', 'var/cache/apt/archives/partial'].map((path) =>
      mkdir(join(root, path), { recursive: true }),
    ),
  );
}
