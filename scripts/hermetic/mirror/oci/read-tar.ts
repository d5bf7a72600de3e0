// Pure: the members of a tar archive (ustar, GNU and PAX long names), as a layer's reader
// sees them; the inverse of tar.ts, used to compare served layers with the specification.

export type TarMember = {
  path: string;
  type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  size: number;
  /** Target of a link. */
  linkname: string;
  content: Buffer;
};

const TYPES: Record<string, TarMember['type']> = {
  '0': 'file',
  '\u0000': 'file',
  '1': 'hardlink',
  '2': 'symlink',
  '5': 'dir',
};

/** Pure: every member of `tar`; paths lose a leading `./` and a trailing slash. */
export function readTar(tar: Buffer): TarMember[] {
  const members: TarMember[] = [];
  let offset = 0;
  let pax: Record<string, string> = {};
  let longName: string | undefined;
  let longLink: string | undefined;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const size = readOctal(header, 124, 12);
    const flag = String.fromCharCode(header[156] ?? 0);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (flag === 'x') {
      pax = parsePax(body);
      continue;
    }
    if (flag === 'L' || flag === 'K') {
      const text = body.toString().replace(/\0+$/, '');
      if (flag === 'L') longName = text;
      else longLink = text;
      continue;
    }
    const prefix = readString(header, 345, 155);
    const name = readString(header, 0, 100);
    const path = pax['path'] ?? longName ?? (prefix ? `${prefix}/${name}` : name);
    members.push({
      path: path.replace(/^\.\//, '').replace(/\/$/, ''),
      type: TYPES[flag] ?? 'other',
      mode: readOctal(header, 100, 8),
      uid: readOctal(header, 108, 8),
      gid: readOctal(header, 116, 8),
      mtime: Number(pax['mtime'] ?? readOctal(header, 136, 12)),
      size,
      linkname: pax['linkpath'] ?? longLink ?? readString(header, 157, 100),
      content: Buffer.from(body),
    });
    pax = {};
    longName = undefined;
    longLink = undefined;
  }
  return members;
}

function readString(block: Buffer, offset: number, length: number): string {
  const raw = block.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString();
}

function readOctal(block: Buffer, offset: number, length: number): number {
  const text = readString(block, offset, length).trim();
  return text === '' ? 0 : Number.parseInt(text, 8);
}

function parsePax(body: Buffer): Record<string, string> {
  const records: Record<string, string> = {};
  let rest = body.toString();
  while (rest.length > 0) {
    const space = rest.indexOf(' ');
    const length = Number(rest.slice(0, space));
    if (!Number.isFinite(length) || length <= 0) break;
    const record = rest.slice(space + 1, length - 1);
    const equals = record.indexOf('=');
    records[record.slice(0, equals)] = record.slice(equals + 1);
    rest = rest.slice(length);
  }
  return records;
}
