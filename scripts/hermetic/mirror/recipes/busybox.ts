// busybox:latest / busybox:glibc (dynamic, glibc from trixie) and busybox:musl (static-pie),
// BusyBox from forky's source package (the upstream release tarball), as docker-library
// lays the root filesystem out: hard links in /bin, buildroot's users, UTC, home folders.
import { existsSync } from 'node:fs';
import {
  chmod,
  chown,
  copyFile,
  mkdir,
  readdir,
  readFile,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadSource, type PrivateApt, updatePrivateApt } from '../../plumbing/private-apt.ts';
import { requireBuildStep, runInBuildRoot } from '../build-root.ts';
import { writeTar } from '../oci/tar.ts';
import { readTree } from '../oci/tree.ts';
import {
  type BusyboxVariant,
  guardCbqPrinter,
  renderBuildScript,
  renderConfigureScript,
} from './busybox-build.ts';
import { type BuildContext, DEFAULT_PATH, type ImageRecipe, toRfc3339 } from './recipe.ts';

const SOURCE_DIR = fileURLToPath(new URL('../images/busybox', import.meta.url));
const ETC_DIR = join(SOURCE_DIR, 'etc');

/** The history row of each variant, as Docker Hub's image shows it. */
export const BUSYBOX_HISTORY: Record<BusyboxVariant, string> = {
  glibc: 'BusyBox 1.38.0 (glibc), Debian 13',
  musl: 'BusyBox 1.38.0 (musl), Alpine 3.23.6',
};

/** Folders of buildroot's device table, with their modes. */
const DEVICE_TABLE: readonly { path: string; mode: number }[] = [
  { path: 'dev', mode: 0o755 },
  { path: 'etc', mode: 0o755 },
  { path: 'etc/network/if-down.d', mode: 0o755 },
  { path: 'etc/network/if-post-down.d', mode: 0o755 },
  { path: 'etc/network/if-pre-up.d', mode: 0o755 },
  { path: 'etc/network/if-up.d', mode: 0o755 },
  { path: 'root', mode: 0o700 },
  { path: 'tmp', mode: 0o1777 },
];

/** Pure: the home folders of `passwd` that are missing, with the owner they get. */
export function listMissingHomes(
  passwd: string,
  exists: (path: string) => boolean,
): { path: string; uid: number; gid: number }[] {
  const homes: { path: string; uid: number; gid: number }[] = [];
  for (const line of passwd.split('\n')) {
    const [, , uid, gid, , home] = line.split(':');
    if (home === undefined) continue;
    const path = home.replace(/^\/+/, '');
    if (path === '' || exists(path) || homes.some((h) => h.path === path)) continue;
    homes.push({ path, uid: Number(uid), gid: Number(gid) });
  }
  return homes;
}

async function fetchBusyboxSource(context: BuildContext, dest: string): Promise<void> {
  const cached = join(context.paths.artifactsDir, 'busybox.tar.bz2');
  const has = await readFile(cached).catch(() => undefined);
  if (!has) {
    const apt: PrivateApt = {
      dir: join(context.paths.aptDir, 'forky-src'),
      kind: 'deb-src',
      suite: 'forky',
    };
    await updatePrivateApt(apt);
    const download = join(context.workDir, 'source');
    await downloadSource(apt, 'busybox', download);
    const tarball = (await readdir(download)).find((name) => /\.orig\.tar\.bz2$/.test(name));
    if (!tarball) throw new Error(`no busybox .orig.tar.bz2 in ${download}`);
    await mkdir(context.paths.artifactsDir, { recursive: true });
    await copyFile(join(download, tarball), cached);
  }
  await copyFile(cached, dest);
}

/** Compiles one variant in the build root; returns its rootfs folder and SOURCE_DATE_EPOCH. */
async function compileBusybox(
  context: BuildContext,
  variant: BusyboxVariant,
): Promise<{ rootfs: string; epoch: number }> {
  const root = await context.buildRoot();
  const inside = `/build/busybox-${variant}`;
  const dir = join(root, inside);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await fetchBusyboxSource(context, join(root, 'build', 'busybox.tar.bz2'));
  await copyFile(join(SOURCE_DIR, 'getconf', 'getconf.c'), join(dir, 'getconf.c'));
  const what = `busybox:${variant}`;
  requireBuildStep(
    what,
    'configure',
    await runInBuildRoot(context.paths, renderConfigureScript(variant, inside)),
  );
  const tc = join(dir, 'src', 'networking', 'tc.c');
  await writeFile(tc, guardCbqPrinter(await readFile(tc, 'utf8')));
  const script = renderBuildScript(variant, inside, availableParallelism());
  requireBuildStep(what, 'make', await runInBuildRoot(context.paths, script));
  const epoch = Number((await readFile(join(dir, 'epoch'), 'utf8')).trim());
  return { rootfs: join(dir, 'rootfs'), epoch };
}

/** buildroot's users, the device table's folders, home folders and /usr/bin/env. */
async function completeRootfs(rootfs: string): Promise<void> {
  for (const name of ['group', 'passwd', 'shadow']) {
    await copyFile(join(ETC_DIR, name), join(rootfs, 'etc', name));
    await chmod(join(rootfs, 'etc', name), name === 'shadow' ? 0o600 : 0o644);
  }
  for (const dir of DEVICE_TABLE) {
    await mkdir(join(rootfs, dir.path), { recursive: true });
    await chmod(join(rootfs, dir.path), dir.mode);
  }
  const passwd = await readFile(join(rootfs, 'etc', 'passwd'), 'utf8');
  for (const home of listMissingHomes(passwd, (path) => existsSync(join(rootfs, path)))) {
    await mkdir(join(rootfs, home.path), { recursive: true });
    await chown(join(rootfs, home.path), home.uid, home.gid);
    await chmod(join(rootfs, home.path), 0o755);
  }
  await mkdir(join(rootfs, 'usr', 'bin'), { recursive: true });
  await symlink('../../bin/env', join(rootfs, 'usr', 'bin', 'env'));
}

/**
 * The finished root filesystem of a variant in the build root; compiled when `fresh` or when
 * no finished one is there (registry:2 reuses the musl one as its base).
 */
export async function buildBusyboxRootfs(
  context: BuildContext,
  variant: BusyboxVariant,
  fresh = false,
): Promise<string> {
  const root = await context.buildRoot();
  const done = join(root, 'build', `busybox-${variant}`, 'complete');
  if (!fresh && existsSync(done)) return join(root, 'build', `busybox-${variant}`, 'rootfs');
  const { rootfs, epoch } = await compileBusybox(context, variant);
  await completeRootfs(rootfs);
  await writeFile(done, `${epoch}\n`);
  return rootfs;
}

async function readEpoch(rootfs: string): Promise<number> {
  return Number((await readFile(join(rootfs, '..', 'epoch'), 'utf8')).trim());
}

function busyboxRecipe(variant: BusyboxVariant, tags: readonly string[]): ImageRecipe {
  return {
    id: `busybox-${variant}`,
    repository: 'library/busybox',
    tags,
    sources: [
      fileURLToPath(import.meta.url),
      fileURLToPath(new URL('./busybox-build.ts', import.meta.url)),
      SOURCE_DIR,
    ],
    build: async (context) => {
      const rootfs = await buildBusyboxRootfs(context, variant, true);
      const epoch = await readEpoch(rootfs);
      const layer = writeTar(await readTree(rootfs, { maxMtime: epoch }));
      const created = toRfc3339(epoch);
      return {
        created,
        config: { Cmd: ['sh'], Env: [DEFAULT_PATH] },
        history: [{ created, created_by: BUSYBOX_HISTORY[variant] }],
        layers: [layer],
        annotations: {
          'org.opencontainers.image.url': 'https://github.com/docker-library/busybox',
          'org.opencontainers.image.version': `1.38.0-${variant}`,
        },
      };
    },
  };
}

export const busyboxGlibc = busyboxRecipe('glibc', ['latest', 'glibc', '1.38.0', '1.38', '1']);
export const busyboxMusl = busyboxRecipe('musl', ['musl', '1.38.0-musl', '1.38-musl', '1-musl']);
