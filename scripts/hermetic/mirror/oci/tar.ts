// Pure: a POSIX tar (ustar, with PAX headers for long names) from a list of entries, as an
// image layer needs it: modes, owners, mtimes, symlinks and hard links exactly as given.

type Base = { path: string; mode: number; uid: number; gid: number; mtime: number };

/** One member of a layer. Paths are relative (`bin/sh`); folders end without a slash. */
export type TarEntry =
  | (Base & { type: 'file'; content: Buffer })
  | (Base & { type: 'dir' })
  | (Base & { type: 'symlink'; target: string })
  | (Base & { type: 'hardlink'; target: string });

const BLOCK = 512;
const TYPE_FLAGS: Record<TarEntry['type'], string> = {
  file: '0',
  hardlink: '1',
  symlink: '2',
  dir: '5',
};

/** Pure: the tar archive of `entries`, in the order given, ended by two zero blocks. */
export function writeTar(entries: readonly TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const name = entry.type === 'dir' ? `${entry.path}/` : entry.path;
    const linkname = entry.type === 'symlink' || entry.type === 'hardlink' ? entry.target : '';
    const content = entry.type === 'file' ? entry.content : Buffer.alloc(0);
    const pax: Record<string, string> = {};
    const split = splitName(name);
    if (split === undefined) pax['path'] = name;
    if (Buffer.byteLength(linkname) > 100) pax['linkpath'] = linkname;
    if (Object.keys(pax).length > 0) {
      const body = renderPaxRecords(pax);
      parts.push(
        header({
          ...entry,
          name: truncate(`PaxHeaders/${name}`),
          linkname: '',
          size: body.length,
          flag: 'x',
        }),
        pad(body),
      );
    }
    const [prefix, base] = split ?? ['', truncate(name)];
    parts.push(
      header({
        ...entry,
        name: base,
        prefix,
        linkname: truncate(linkname),
        size: content.length,
        flag: TYPE_FLAGS[entry.type],
      }),
      pad(content),
    );
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

/** Pure: `name` as ustar's prefix and name fields, or undefined when it does not fit. */
export function splitName(name: string): [string, string] | undefined {
  if (Buffer.byteLength(name) <= 100) return ['', name];
  for (let i = name.length - 1; i > 0; i -= 1) {
    if (name[i] !== '/') continue;
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100 && rest !== '') {
      return [prefix, rest];
    }
  }
  return undefined;
}

/** Pure: PAX records (`<length> <key>=<value>\n`, the length counting itself). */
export function renderPaxRecords(records: Record<string, string>): Buffer {
  const lines = Object.entries(records).map(([key, value]) => {
    const body = ` ${key}=${value}\n`;
    let length = Buffer.byteLength(body) + 1;
    while (String(length).length + Buffer.byteLength(body) !== length) {
      length = String(length).length + Buffer.byteLength(body);
    }
    return `${length}${body}`;
  });
  return Buffer.from(lines.join(''));
}

type HeaderFields = Base & {
  name: string;
  prefix?: string;
  linkname: string;
  size: number;
  flag: string;
};

function header(fields: HeaderFields): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(fields.name, 0, 100);
  writeOctal(block, fields.mode & 0o7777, 100, 8);
  writeOctal(block, fields.uid, 108, 8);
  writeOctal(block, fields.gid, 116, 8);
  writeOctal(block, fields.size, 124, 12);
  writeOctal(block, Math.floor(fields.mtime), 136, 12);
  block.write(' '.repeat(8), 148, 8);
  block.write(fields.flag, 156, 1);
  block.write(fields.linkname, 157, 100);
  block.write('ustar\u000000', 257, 8);
  block.write(fields.prefix ?? '', 345, 155);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8);
  return block;
}

function writeOctal(block: Buffer, value: number, offset: number, length: number): void {
  block.write(`${value.toString(8).padStart(length - 1, '0')}\u0000`, offset, length);
}

function pad(content: Buffer): Buffer {
  const rest = content.length % BLOCK;
  return rest === 0 ? content : Buffer.concat([content, Buffer.alloc(BLOCK - rest)]);
}

function truncate(value: string): string {
  return Buffer.from(value).subarray(0, 100).toString();
}
