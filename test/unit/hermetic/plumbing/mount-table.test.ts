import { describe, expect, it } from 'vitest';
import { findMountOf, parseMountInfo } from '../../../../scripts/hermetic/plumbing/mount-table.ts';

// Lines as /proc/self/mountinfo writes them (optional fields before the `-`, escapes in paths).
const mountinfo = [
  '22 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw,discard',
  '23 22 0:21 / /dev/shm rw,nosuid,nodev shared:2 - tmpfs tmpfs rw',
  '70 22 7:0 / /root/.cache/hermetic/scratch rw,relatime shared:40 - ext4 /dev/loop0 rw,discard',
  '71 22 254:0 /srv/a\\040b /mnt/with\\040space rw master:3 - ext4 /dev/vda rw',
  'not a mount line',
  '',
].join('\n');

describe('parseMountInfo', () => {
  it('reads mount point, type, device and source of each line, decoding escapes', () => {
    const mounts = parseMountInfo(mountinfo);
    expect(mounts).toHaveLength(4);
    expect(mounts[0]).toEqual({
      mountPoint: '/',
      fsType: 'ext4',
      device: '254:0',
      source: '/dev/vda',
      superOptions: ['rw', 'discard'],
    });
    expect(mounts[3]?.mountPoint).toBe('/mnt/with space');
  });
});

describe('findMountOf', () => {
  const mounts = parseMountInfo(mountinfo);
  it.each([
    ['/tmp', '/'],
    ['/dev/shm/x', '/dev/shm'],
    ['/root/.cache/hermetic/scratch', '/root/.cache/hermetic/scratch'],
    ['/root/.cache/hermetic/scratch/dfv-1/data', '/root/.cache/hermetic/scratch'],
    // A sibling whose name starts like a mount point is not under it.
    ['/root/.cache/hermetic/scratch.img', '/'],
  ])('%s is on the mount at %s', (path, mountPoint) => {
    expect(findMountOf(mounts, path)?.mountPoint).toBe(mountPoint);
  });

  it('takes the last of two mounts on one point, as the kernel shows the top one', () => {
    const stacked = parseMountInfo(
      `${mountinfo}\n80 70 0:50 / /root/.cache/hermetic/scratch rw - tmpfs tmpfs rw`,
    );
    expect(findMountOf(stacked, '/root/.cache/hermetic/scratch/x')?.fsType).toBe('tmpfs');
  });
});
