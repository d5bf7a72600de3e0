// The sandboxes' own filesystem. Every page boots a daemon whose data root receives the
// page's images and is deleted after it: hundreds of thousands of files made and removed per
// run. On ext4 without a journal, the kernel's inode allocator then checks each free inode it
// meets for a recent deletion (fs/ext4/ialloc.c, recently_deleted), and a pull of node:24-slim
// spent most of its CPU there (perf: __ext4_new_inode). On such a machine `up` makes an ext4
// with a journal in a sparse file of the cache and mounts it for the sandboxes; elsewhere it
// does nothing. Sizes stay ext4's, the filesystem readers mostly have.
//
// It holds nothing that must outlive a crash: each sandbox's state is deleted after its page,
// and `up` makes the filesystem anew whenever it is not mounted (after a reboot). So it is
// mounted without write barriers: an fsync (containerd syncs every blob and its database
// commits, BuildKit its cache) then waits for the loop device's queue, not for the disk under
// the image file. 0.83 ms per synced 4 KiB file with barriers, 0.18 ms without; four chapters
// two at a time on 29.7/containerd, three alternating runs each: 29.0, 28.4, 35.9 s against
// 27.4, 26.3, 31.0 s.
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { SCRATCH_MARKER } from '../../lib/core/legs.ts';
import { runProcess } from '../../lib/system/run-process.ts';
import type { HermeticPaths } from './config.ts';
import { findMountOf, type Mount, parseMountInfo } from './mount-table.ts';

export type ScratchOutcome =
  | { status: 'mounted' | 'made'; dir: string; reason: string }
  | { status: 'not-needed' | 'unavailable'; reason: string };

/** The image's size: sparse, and with `discard` it takes on disk what its files take. */
const IMAGE_BYTES = 64 * 1024 ** 3;

/** How it is mounted: `discard` keeps the image file small, `nobarrier` (above) makes fsync cheap. */
export const SCRATCH_MOUNT_OPTIONS = ['discard', 'nobarrier'] as const;

/** The options a mount of it lacks (an older `up` mounted it with fewer). Pure. */
export function findMissingMountOptions(mount: Mount): string[] {
  return SCRATCH_MOUNT_OPTIONS.filter((option) => !mount.superOptions.includes(option));
}
/** mkfs.ext4, mount and umount live in the sbin folders, which a user's PATH may lack. */
const env = { PATH: '/usr/local/sbin:/usr/sbin:/sbin:/usr/local/bin:/usr/bin:/bin' };

/** Pure: whether the temporary folder's filesystem is the slow kind, and why (or why not). */
export function judgeTemporaryFilesystem(
  folder: string,
  mount: Mount | undefined,
  hasJournal: boolean,
): { isSlow: boolean; reason: string } {
  if (!mount) return { isSlow: false, reason: `${folder}'s filesystem is not in the mount table` };
  const where = `${folder} is on ${mount.fsType} (${mount.source})`;
  if (mount.fsType !== 'ext4') return { isSlow: false, reason: where };
  return hasJournal
    ? { isSlow: false, reason: `${where} with a journal` }
    : {
        isSlow: true,
        reason: `${where} without a journal, where making files after many deletions is slow`,
      };
}

const readMounts = async () => parseMountInfo(await readFile('/proc/self/mountinfo', 'utf8'));

/** Whether the ext4 on block device `major:minor` has a journal: jbd2 lists each it runs. */
async function hasJbd2Journal(device: string): Promise<boolean> {
  const name = await realpath(`/sys/dev/block/${device}`).then(basename, () => undefined);
  if (!name) return false;
  const journals = await readdir('/proc/fs/jbd2').catch(() => []);
  return journals.some((entry) => entry.startsWith(`${name}-`));
}

async function judgeTemporaryFolder(mounts: readonly Mount[]) {
  const folder = await realpath(tmpdir());
  const mount = findMountOf(mounts, folder);
  const hasJournal = mount?.fsType === 'ext4' ? await hasJbd2Journal(mount.device) : false;
  return judgeTemporaryFilesystem(folder, mount, hasJournal);
}

const isMountedAt = (mounts: readonly Mount[], dir: string) =>
  findMountOf(mounts, dir)?.mountPoint === dir;

async function makeImage(image: string): Promise<string | undefined> {
  await rm(image, { force: true });
  const file = await open(image, 'w');
  await file.truncate(IMAGE_BYTES).finally(() => file.close());
  // 4 KiB blocks as on a disk; the inode tables and journal are written lazily, at first use.
  const options = ['-q', '-F', '-b', '4096', '-m', '0', '-L', 'dfv-scratch'];
  const lazy = ['-E', 'lazy_itable_init=1,lazy_journal_init=1,nodiscard'];
  const made = await runProcess('mkfs.ext4', [...options, ...lazy, image], { env });
  if (made.failed) return `mkfs.ext4 failed: ${made.stderr.trim() || made.stdout.trim()}`;
  return undefined;
}

/** Mounts the sandboxes' filesystem if this machine needs one and can make it (root, loop devices). */
export async function ensureScratchFilesystem(paths: HermeticPaths): Promise<ScratchOutcome> {
  const { scratchDir: dir, scratchImage: image } = paths;
  const mounts = await readMounts();
  const judged = await judgeTemporaryFolder(mounts);
  const mounted = isMountedAt(mounts, dir) ? findMountOf(mounts, dir) : undefined;
  if (mounted) {
    if (!existsSync(join(dir, SCRATCH_MARKER)))
      return { status: 'unavailable', reason: `${dir} is mounted, but not by hermetic` };
    const missing = findMissingMountOptions(mounted);
    if (missing.length > 0) {
      const remounted = await runProcess('mount', ['-o', `remount,${missing.join(',')}`, dir], {
        env,
      });
      // Still usable as it is, only slower.
      if (remounted.failed)
        return {
          status: 'mounted',
          dir,
          reason: `${judged.reason}; adding ${missing.join(',')} failed: ${remounted.stderr.trim()}`,
        };
    }
    return { status: 'mounted', dir, ...judged };
  }
  if (!judged.isSlow) return { status: 'not-needed', reason: judged.reason };
  await mkdir(dir, { recursive: true });
  const failed = await makeImage(image);
  if (failed) return { status: 'unavailable', reason: failed };
  const options = ['loop', ...SCRATCH_MOUNT_OPTIONS].join(',');
  const made = await runProcess('mount', ['-o', options, image, dir], { env });
  if (made.failed) {
    await rm(image, { force: true });
    return { status: 'unavailable', reason: `mount failed: ${made.stderr.trim()}` };
  }
  const note = `The sandboxes' filesystem, made by \`npm run hermetic\` on ${new Date().toISOString()}: ${judged.reason}.\n`;
  await writeFile(join(dir, SCRATCH_MARKER), note);
  return { status: 'made', dir, reason: judged.reason };
}

/** `down`: unmounts it and removes its image; a sandbox still using it keeps it mounted. */
export async function releaseScratchFilesystem(
  paths: HermeticPaths,
): Promise<'released' | 'not-mounted' | 'busy'> {
  if (!isMountedAt(await readMounts(), paths.scratchDir)) return 'not-mounted';
  if (!existsSync(join(paths.scratchDir, SCRATCH_MARKER))) return 'not-mounted';
  const unmounted = await runProcess('umount', [paths.scratchDir], { env });
  if (unmounted.failed) return 'busy';
  await rm(paths.scratchImage, { force: true });
  return 'released';
}
