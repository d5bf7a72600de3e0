import { describe, expect, it } from 'vitest';
import { parseMountInfo } from '../../../../scripts/hermetic/plumbing/mount-table.ts';
import { describeScratch } from '../../../../scripts/hermetic/plumbing/report.ts';
import {
  findMissingMountOptions,
  judgeTemporaryFilesystem,
} from '../../../../scripts/hermetic/plumbing/scratch-filesystem.ts';

const [ext4, xfs] = parseMountInfo(
  ['22 1 254:0 / / rw - ext4 /dev/vda rw', '23 22 254:16 / /tmp rw - xfs /dev/vdb rw'].join('\n'),
);

describe('judgeTemporaryFilesystem', () => {
  it('finds ext4 without a journal slow, and says so', () => {
    expect(judgeTemporaryFilesystem('/tmp', ext4, false)).toEqual({
      isSlow: true,
      reason:
        '/tmp is on ext4 (/dev/vda) without a journal, where making files after many deletions is slow',
    });
  });

  it('leaves ext4 with a journal, other filesystems and unknown mounts alone', () => {
    expect(judgeTemporaryFilesystem('/tmp', ext4, true)).toEqual({
      isSlow: false,
      reason: '/tmp is on ext4 (/dev/vda) with a journal',
    });
    expect(judgeTemporaryFilesystem('/tmp', xfs, false).isSlow).toBe(false);
    expect(judgeTemporaryFilesystem('/tmp', undefined, false).isSlow).toBe(false);
  });
});

describe('findMissingMountOptions', () => {
  const scratch = (options: string) =>
    parseMountInfo(`70 22 7:0 / /c/scratch rw,relatime - ext4 /dev/loop0 ${options}`)[0];
  it('finds what an older mount lacks, and nothing once it has both', () => {
    const older = scratch('rw,discard');
    const current = scratch('rw,discard,nobarrier');
    if (!older || !current) throw new Error('the mountinfo lines did not parse');
    expect(findMissingMountOptions(older)).toEqual(['nobarrier']);
    expect(findMissingMountOptions(current)).toEqual([]);
  });
});

describe('describeScratch', () => {
  it('says where the filesystem is mounted, or why sandboxes use the temporary folder', () => {
    const reason = '/tmp is on ext4 (/dev/vda) without a journal';
    expect(describeScratch({ status: 'made', dir: '/c/scratch', reason })).toBe(
      `sandboxes' filesystem: made and mounted at /c/scratch: ${reason}`,
    );
    expect(describeScratch({ status: 'unavailable', reason: 'mount failed: no loop device' })).toBe(
      "sandboxes' filesystem: none (sandboxes use the temporary folder, slower here): mount failed: no loop device",
    );
  });
});
