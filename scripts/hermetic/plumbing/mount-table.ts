// Pure: the mount table as /proc/self/mountinfo writes it, and which mount holds a path.

export interface Mount {
  /** Where it is mounted, with mountinfo's octal escapes (`\040` for a space) decoded. */
  mountPoint: string;
  fsType: string;
  /** `major:minor` of the device: /sys/dev/block/<it> names the block device. */
  device: string;
  source: string;
  /** The filesystem's own options (`rw,discard,nobarrier`), as the superblock has them. */
  superOptions: string[];
}

const decode = (field: string) =>
  field.replace(/\\([0-7]{3})/g, (_, octal: string) =>
    String.fromCharCode(Number.parseInt(octal, 8)),
  );

/**
 * One mount per line: `id parent major:minor root mountpoint options [optional...] - fstype
 * source superoptions` (proc(5)); a line that does not have that shape is skipped.
 */
export function parseMountInfo(text: string): Mount[] {
  const mounts: Mount[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split(' ');
    const separator = fields.indexOf('-');
    const [device, mountPoint] = [fields[2], fields[4]];
    const [fsType, source] = [fields[separator + 1], fields[separator + 2]];
    if (separator < 6 || !device || !mountPoint || !fsType || source === undefined) continue;
    const superOptions = (fields[separator + 3] ?? '').split(',').filter(Boolean);
    mounts.push({
      mountPoint: decode(mountPoint),
      fsType,
      device,
      source: decode(source),
      superOptions,
    });
  }
  return mounts;
}

const isUnder = (path: string, mountPoint: string) =>
  mountPoint === '/' || path === mountPoint || path.startsWith(`${mountPoint}/`);

/** The mount an absolute, resolved path lives on: the last of the longest mount points over it. */
export function findMountOf(mounts: readonly Mount[], path: string): Mount | undefined {
  let found: Mount | undefined;
  for (const mount of mounts) {
    if (!isUnder(path, mount.mountPoint)) continue;
    if (!found || mount.mountPoint.length >= found.mountPoint.length) found = mount;
  }
  return found;
}
