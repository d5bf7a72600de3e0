import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { buildBundle } from '../../../scripts/lib/cli/build-bundle.ts';
import { findFreshBundle, manifestName } from '../../../scripts/lib/cli/bundle-manifest.js';
import { codeCacheOf, loadBundle } from '../../../scripts/lib/cli/load-bundle.js';
import { projectRoot } from '../../helpers/run-cli.ts';

/** A checkout of two modules: an entry that prints its helper's place and a word. */
async function plantCheckout(): Promise<{ root: string; entry: string; folder: string }> {
  const root = await mkdtemp(join(tmpdir(), 'dfv-bundle-'));
  await mkdir(join(root, 'scripts/lib'), { recursive: true });
  const entry = join(root, 'scripts/entry.ts');
  await writeFile(
    entry,
    "import { word, where } from './lib/word.ts';\nexport const said: string = word + ' ' + where;\n",
  );
  await writeFile(
    join(root, 'scripts/lib/word.ts'),
    "export const word: string = 'first';\nexport const where = import.meta.dirname;\n",
  );
  return { root, entry, folder: join(root, '.cache/bundle') };
}

/** An entry whose `count` runs `lines` lines of code only when called, and then `more`. */
async function plantCountEntry(root: string, lines: number, more = ''): Promise<string> {
  const entry = join(root, 'scripts/count.ts');
  const body = Array.from({ length: lines }, (_, i) => `total += ${i} * n;`).join('\n');
  const count = `export function count(n: number): number {\nlet total = 0;\n${body}\nreturn total;\n}\n`;
  await writeFile(entry, `${count}${more}`);
  return entry;
}

const loader = pathToFileURL(join(projectRoot, 'scripts/lib/cli/load-bundle.js')).href;

/**
 * Starts `bundle` as the launcher does, in a process of its own (V8 would find the script in
 * this one's memory and not read the cache), calls its export `call` if given, keeps the code
 * cache; gives what became of the cache at the start.
 */
async function startBundle(bundle: string, call = ''): Promise<string> {
  const program = `import { loadBundle } from ${JSON.stringify(loader)};
const [bundle, call] = process.argv.slice(1);
const loaded = loadBundle(bundle);
if (call) loaded.exports[call](1);
loaded.keepCodeCache();
process.stdout.write(loaded.codeCache);`;
  const run = await execa(process.execPath, ['--input-type=module', '-e', program, bundle, call]);
  return run.stdout;
}

describe('the launcher bundle', () => {
  const roots: string[] = [];
  afterEach(async () => {
    for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
  });

  it('is fresh while its sources are as they were, and keeps their places', async () => {
    const { root, entry, folder } = await plantCheckout();
    roots.push(root);
    const bundle = await buildBundle(root, entry, folder);
    expect(findFreshBundle(folder, root)).toBe(bundle);
    expect(loadBundle(bundle)?.exports['said']).toBe(`first ${join(root, 'scripts/lib')}`);
  });

  it('is written in ASCII and means what its sources say', async () => {
    const { root, entry, folder } = await plantCheckout();
    roots.push(root);
    await writeFile(
      entry,
      [
        '// Beyond ASCII \u2014 in a comment, a string and patterns \u{1FAA6}.',
        "export const word: string = 'caf\u00e9 \u2026';",
        'export const isEllipsis = (text: string): boolean => /^(\u2026|\\[\\.\\.\\.\\])$/.test(text);',
        'export const isHeadstone = (text: string): boolean => /^\u{1FAA6}$/u.test(text);',
        '',
      ].join('\n'),
    );
    const bundle = await buildBundle(root, entry, folder);
    expect(await readFile(bundle, 'utf8')).toMatch(/^\p{ASCII}*$/u);
    const exports = loadBundle(bundle)?.exports as Record<string, unknown>;
    const isEllipsis = exports['isEllipsis'] as (text: string) => boolean;
    const isHeadstone = exports['isHeadstone'] as (text: string) => boolean;
    expect(exports['word']).toBe('caf\u00e9 \u2026');
    expect([isEllipsis('\u2026'), isEllipsis('[...]'), isEllipsis('...')]).toEqual([
      true,
      true,
      false,
    ]);
    expect([isHeadstone('\u{1FAA6}'), isHeadstone('\ud83e')]).toEqual([true, false]);
  });

  it('keeps a code cache made after the run, used by the next start', async () => {
    const { root, entry, folder } = await plantCheckout();
    roots.push(root);
    const bundle = await buildBundle(root, entry, folder);
    expect(await startBundle(bundle)).toBe('absent');
    expect(await startBundle(bundle)).toBe('used');
    await writeFile(codeCacheOf(bundle), 'not a code cache');
    expect(await startBundle(bundle)).toBe('rejected');
    expect(await startBundle(bundle)).toBe('used');
  });

  it('caches the functions that ran, not only those compiled as the bundle loaded', async () => {
    const { root, folder } = await plantCheckout();
    roots.push(root);
    const entry = await plantCountEntry(root, 200);
    const bundle = await buildBundle(root, entry, folder);
    const sizeAfter = async (call?: string) => {
      await rm(codeCacheOf(bundle), { force: true });
      await startBundle(bundle, call);
      return (await readFile(codeCacheOf(bundle))).byteLength;
    };
    expect(await sizeAfter('count')).toBeGreaterThan(await sizeAfter());
  });

  it('is written again by a run that used much more code than the run that wrote it', async () => {
    const { root, folder } = await plantCheckout();
    roots.push(root);
    const entry = await plantCountEntry(root, 20_000, "export const idle = 'idle';\n");
    const bundle = await buildBundle(root, entry, folder);
    const cacheSize = async () => (await readFile(codeCacheOf(bundle))).byteLength;
    expect(await startBundle(bundle)).toBe('absent');
    const small = await cacheSize();
    expect(await startBundle(bundle, 'count')).toBe('used');
    const large = await cacheSize();
    expect(large).toBeGreaterThan(small);
    expect(await startBundle(bundle)).toBe('used');
    expect(await startBundle(bundle, 'count')).toBe('used');
    expect(await cacheSize()).toBe(large);
  });

  it('leaves only its own bundle and code cache in its folder', async () => {
    const { root, entry, folder } = await plantCheckout();
    roots.push(root);
    await mkdir(join(folder, 'compile-cache/v22'), { recursive: true });
    await writeFile(join(folder, 'verify-examples.0123456789abcdef.mjs'), '');
    await writeFile(join(folder, 'verify-examples.0123456789abcdef.v8-cache'), '');
    const bundle = await buildBundle(root, entry, folder);
    await startBundle(bundle);
    expect((await readdir(folder)).sort()).toEqual(
      [basename(bundle), basename(codeCacheOf(bundle)), manifestName].sort(),
    );
  });

  it('is no bundle once another build removed it', async () => {
    const { root, entry, folder } = await plantCheckout();
    roots.push(root);
    const bundle = await buildBundle(root, entry, folder);
    await rm(bundle);
    expect(loadBundle(bundle)).toBeUndefined();
  });

  it('is stale after a source changes, even to the same size, or goes', async () => {
    const { root, entry, folder } = await plantCheckout();
    roots.push(root);
    await buildBundle(root, entry, folder);
    const word = join(root, 'scripts/lib/word.ts');
    const text = await readFile(word, 'utf8');
    await writeFile(word, text.replace('first', 'other'));
    expect(findFreshBundle(folder, root)).toBeUndefined();
    await writeFile(word, text);
    expect(findFreshBundle(folder, root)).toBeDefined();
    await rm(word);
    expect(findFreshBundle(folder, root)).toBeUndefined();
  });

  it("is known fresh by its files' stamps, and by their bytes once a file was touched", async () => {
    const { root, entry, folder } = await plantCheckout();
    roots.push(root);
    await buildBundle(root, entry, folder);
    const readManifest = async () => JSON.parse(await readFile(join(folder, manifestName), 'utf8'));
    const built = await readManifest();
    expect(built.stamps).toMatch(/^[0-9a-f]{64}$/);
    // The bytes are not read while the stamps hold: a key that no longer fits goes unseen.
    await writeFile(join(folder, manifestName), JSON.stringify({ ...built, key: 'other' }));
    expect(findFreshBundle(folder, root)).toBeDefined();
    // A touched file with the same bytes: fresh after its hash, and the new stamps are kept.
    await writeFile(join(folder, manifestName), JSON.stringify(built));
    const word = join(root, 'scripts/lib/word.ts');
    const later = new Date(Date.now() + 5000);
    await utimes(word, later, later);
    expect(findFreshBundle(folder, root)).toBeDefined();
    const touched = await readManifest();
    expect(touched.stamps).not.toBe(built.stamps);
    expect({ ...touched, stamps: built.stamps }).toEqual(built);
    // The same size, another byte, another time: stale.
    const text = await readFile(word, 'utf8');
    await writeFile(word, text.replace('first', 'fir5t'));
    expect(findFreshBundle(folder, root)).toBeUndefined();
  });

  it("is never another checkout's: a manifest of another root is not used", async () => {
    const { root, entry, folder } = await plantCheckout();
    roots.push(root);
    await buildBundle(root, entry, folder);
    expect(findFreshBundle(folder, `${root}-copy`)).toBeUndefined();
    const manifest = JSON.parse(await readFile(join(folder, manifestName), 'utf8'));
    await writeFile(join(folder, manifestName), JSON.stringify({ ...manifest, format: 1 }));
    expect(findFreshBundle(folder, root)).toBeUndefined();
  });

  it('runs the verifier of this checkout, from the bundle and from the sources', async () => {
    const launcher = join(projectRoot, 'scripts/launch-verify-examples.js');
    for (const env of [{}, { DFV_SOURCES: '1' }]) {
      const run = await execa(process.execPath, [launcher, '--jobs', '0'], { env, reject: false });
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toContain('--jobs takes a number of 1 or more');
    }
    expect(findFreshBundle(join(projectRoot, '.cache/verify-examples'), projectRoot)).toBeDefined();
  }, 120_000);
});
