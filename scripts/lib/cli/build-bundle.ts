import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, Plugin } from 'esbuild';
import { replaceFile } from '../system/replace-file.ts';
import { escapeToAscii } from './ascii-bundle.ts';
import {
  type BundleManifest,
  bundleFormat,
  hashInputs,
  manifestName,
  stampInputs,
} from './bundle-manifest.js';
import { codeCacheOf } from './load-bundle.js';

const loaders: Record<string, Loader> = {
  '.ts': 'ts',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.json': 'json',
};

/**
 * Reads every input itself, so the key is the hash of exactly the bytes that were bundled
 * (a file saved during the build cannot slip in unhashed), and keeps `import.meta.dirname`,
 * `.filename` and `.url` of the checkout's own modules meaning their source file's place: the
 * sandbox finds its shell scripts and its relay beside its modules, the bundle lives elsewhere.
 */
function readInputs(
  root: string,
  read: (path: string, content: Buffer, stamp: Stats) => void,
): Plugin {
  return {
    name: 'read-inputs',
    setup(build) {
      build.onLoad({ filter: /.*/ }, async ({ path }) => {
        const loader = loaders[extname(path)];
        if (loader === undefined) return undefined;
        // The stamp before the bytes: a file saved in between reads as changed next time.
        const stamp = await stat(path);
        const content = await readFile(path);
        read(path, content, stamp);
        if (loader !== 'ts' || !path.startsWith(`${root}/scripts/`)) {
          return { contents: content, loader };
        }
        const contents = content
          .toString('utf8')
          .replaceAll('import.meta.dirname', JSON.stringify(dirname(path)))
          .replaceAll('import.meta.filename', JSON.stringify(path))
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href));
        return { contents, loader };
      });
    },
  };
}

/**
 * Bundles `entry` of the checkout `root` and the modules it imports into one CommonJS module
 * in `folder` (for load-bundle.js, which runs it with a code cache of its own), with a
 * manifest of its inputs and their key, and returns the bundle's path. esbuild is loaded only
 * here: a run from a fresh bundle never loads it.
 */
export async function buildBundle(root: string, entry: string, folder: string): Promise<string> {
  const { build } = await import('esbuild');
  const contents = new Map<string, Buffer>();
  const stamps = new Map<string, Stats>();
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node}`,
    // ASCII only, so the launcher reads it as Latin-1 (ascii-bundle.ts says why).
    charset: 'ascii',
    absWorkingDir: root,
    logLevel: 'silent',
    // Dependencies written as ES modules may ask for their place (e.g. to make a `require`);
    // a CommonJS module has none of `import.meta`: the bundle's own place stands for it.
    define: { 'import.meta.url': 'bundleUrl' },
    banner: { js: "const bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [
      readInputs(root, (path, content, stamp) => {
        contents.set(path, content);
        stamps.set(path, stamp);
      }),
    ],
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild wrote no bundle for ${entry}`);
  const inputs = [...contents.keys()].sort();
  const key = hashInputs(root, inputs, (path) => contents.get(path) as Buffer);
  if (key === undefined) throw new Error('an input of the bundle went away during the build');
  const text = escapeToAscii(output.text);
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const bundle = `verify-examples.${hash}.cjs`;
  await replaceFile(join(folder, bundle), text);
  const manifest: BundleManifest = {
    format: bundleFormat,
    root,
    key,
    bundle,
    inputs,
    stamps: stampInputs(inputs, (path) => stamps.get(path) as Stats),
  };
  await replaceFile(join(folder, manifestName), `${JSON.stringify(manifest)}\n`);
  await removeOtherBundles(folder, bundle);
  // Node's compile cache, which bundles of format 2 used, is no one's any more.
  await rm(join(folder, 'compile-cache'), { recursive: true, force: true });
  return join(folder, bundle);
}

/** Older bundles and their code caches go; a run that read the old manifest just before
 * finds its bundle gone and starts from the sources instead (scripts/launch-verify-examples.js). */
async function removeOtherBundles(folder: string, keep: string): Promise<void> {
  const kept = [keep, basename(codeCacheOf(join(folder, keep)))];
  for (const name of await readdir(folder)) {
    if (name.startsWith('verify-examples.') && !kept.includes(name)) {
      await rm(join(folder, name), { force: true });
    }
  }
}
