import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { z } from 'zod';

/** One input file of an image; only the executable bit of its mode changes an image. */
export type SourceFile = { path: string; isExecutable: boolean; content: Buffer };

const stampSchema = z.object({ hash: z.string(), digest: z.string(), builtAt: z.string() });

/** What the last successful build of an image pushed, and from which inputs. */
export type Stamp = z.infer<typeof stampSchema>;

/**
 * Pure: one hash over an image's source files and its other inputs (package versions,
 * architecture, base image digest). Sorted, and length-prefixed so that no two
 * different input sets can produce the same byte stream.
 */
export function hashImageInputs(
  files: readonly SourceFile[],
  inputs: Readonly<Record<string, string>>,
): string {
  const hash = createHash('sha256');
  const field = (value: string | Buffer) => {
    const bytes = typeof value === 'string' ? Buffer.from(value) : value;
    hash.update(`${bytes.length}:`).update(bytes);
  };
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    field('file');
    field(file.path);
    field(file.isExecutable ? 'x' : '-');
    field(file.content);
  }
  for (const key of Object.keys(inputs).sort()) {
    field('input');
    field(key);
    field(inputs[key] ?? '');
  }
  return hash.digest('hex');
}

/** Reads every file under `dir` (dotfiles too), named relative to `dir`. */
export async function readSourceFiles(dir: string): Promise<SourceFile[]> {
  const names = await glob('**/*', { cwd: dir, dot: true, onlyFiles: true });
  return Promise.all(names.map((name) => readSourceFile(join(dir, name), name)));
}

/** Reads one file as an input named `name`. */
export async function readSourceFile(path: string, name: string = path): Promise<SourceFile> {
  const [content, info] = await Promise.all([readFile(path), stat(path)]);
  return { path: name, isExecutable: (info.mode & 0o111) !== 0, content };
}

export async function readStamp(stampsDir: string, image: string): Promise<Stamp | undefined> {
  const text = await readFile(join(stampsDir, `${image}.json`), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = stampSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // A stamp cut short by an interrupted run only means "rebuild".
    return undefined;
  }
}

export async function writeStamp(stampsDir: string, image: string, stamp: Stamp): Promise<void> {
  await mkdir(stampsDir, { recursive: true });
  await writeFile(join(stampsDir, `${image}.json`), `${JSON.stringify(stamp, null, 2)}\n`);
}
