// Pure: how an ELF executable is linked, as `file` tells it: dynamic (with its interpreter),
// static-pie or static. Enough to compare /bin/busybox with Docker Hub's.

export type Linkage =
  | { kind: 'dynamic'; interpreter: string }
  | { kind: 'static-pie' }
  | { kind: 'static' }
  | { kind: 'not-elf' };

const PT_INTERP = 3;
const ET_DYN = 3;

/** Pure: the linkage of a 64-bit little-endian ELF file. */
export function readLinkage(bytes: Buffer): Linkage {
  if (bytes.length < 64 || bytes.readUInt32BE(0) !== 0x7f454c46) return { kind: 'not-elf' };
  const type = bytes.readUInt16LE(16);
  const phoff = Number(bytes.readBigUInt64LE(32));
  const phentsize = bytes.readUInt16LE(54);
  const phnum = bytes.readUInt16LE(56);
  for (let i = 0; i < phnum; i += 1) {
    const header = phoff + i * phentsize;
    if (bytes.readUInt32LE(header) !== PT_INTERP) continue;
    const offset = Number(bytes.readBigUInt64LE(header + 8));
    const size = Number(bytes.readBigUInt64LE(header + 32));
    const interpreter = bytes
      .subarray(offset, offset + size)
      .toString()
      .replace(/\0+$/, '');
    return { kind: 'dynamic', interpreter };
  }
  return type === ET_DYN ? { kind: 'static-pie' } : { kind: 'static' };
}
