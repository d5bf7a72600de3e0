import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manifestName } from '../../../scripts/lib/bundle/bundle-manifest.ts';
import { prepareBundle } from '../../../scripts/lib/bundle/prepare-bundle.ts';

let root: string;
let entry: string;
let cache: string;

async function writeSources(greeting: string): Promise<void> {
  await mkdir(join(root, 'src/lib'), { recursive: true });
  await writeFile(
    join(root, 'src/lib/where.ts'),
    `export const folder: string = import.meta.dirname;\nexport const greeting = ${JSON.stringify(greeting)};\n`,
  );
  await writeFile(entry, "export { folder, greeting } from './lib/where.ts';\n");
}

async function load(bundle: string | undefined): Promise<Record<string, unknown>> {
  if (!bundle) throw new Error('no bundle');
  return import(`${pathToFileURL(bundle).href}?${Math.random()}`);
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dfv-bundle-'));
  entry = join(root, 'src/main.ts');
  cache = join(root, 'cache');
  await writeSources('hello');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('prepareBundle', () => {
  it('bundles the sources, each module keeping its own import.meta.dirname', async () => {
    const bundle = await prepareBundle(entry, cache);
    expect(bundle?.startsWith(cache)).toBe(true);
    expect(await load(bundle)).toMatchObject({ folder: join(root, 'src/lib'), greeting: 'hello' });
  });

  it('reuses a bundle whose sources did not change, without building again', async () => {
    const first = await prepareBundle(entry, cache);
    const manifest = await readFile(join(cache, manifestName), 'utf8');
    const second = await prepareBundle(entry, cache);
    expect(second).toBe(first);
    expect(await readFile(join(cache, manifestName), 'utf8')).toBe(manifest);
  });

  it('rebuilds when a source changes, and removes the old bundle', async () => {
    const first = await prepareBundle(entry, cache);
    await writeSources('changed');
    const second = await prepareBundle(entry, cache);
    expect(second).not.toBe(first);
    expect(await load(second)).toMatchObject({ greeting: 'changed' });
    expect((await readdir(cache)).filter((name) => name.endsWith('.mjs'))).toHaveLength(1);
  });

  it('rebuilds when the manifest is not one it wrote', async () => {
    await prepareBundle(entry, cache);
    await writeFile(join(cache, manifestName), '{"format": 0}');
    expect(await load(await prepareBundle(entry, cache))).toMatchObject({ greeting: 'hello' });
  });

  it('rebuilds when the bundle file is gone', async () => {
    const first = await prepareBundle(entry, cache);
    await rm(first ?? '');
    expect(await prepareBundle(entry, cache)).toBe(first);
    expect(await load(first)).toMatchObject({ greeting: 'hello' });
  });

  it('gives no bundle for sources that do not compile, so the sources report the error', async () => {
    await writeFile(entry, 'export const broken = ;\n');
    expect(await prepareBundle(entry, cache)).toBeUndefined();
  });

  it('records no bundle when a source is newer than the build: it may have changed meanwhile', async () => {
    const future = new Date(Date.now() + 60_000);
    await utimes(join(root, 'src/lib/where.ts'), future, future);
    expect(await prepareBundle(entry, cache)).toBeUndefined();
    await expect(readFile(join(cache, manifestName), 'utf8')).rejects.toThrow();
  });
});
