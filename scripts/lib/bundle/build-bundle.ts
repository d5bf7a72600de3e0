import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'esbuild';
import { replaceFile } from '../system/replace-file.ts';
import {
  type BundleManifest,
  bundleFormat,
  describeInputs,
  manifestName,
} from './bundle-manifest.ts';

/**
 * Keeps `import.meta.dirname`, `.filename` and `.url` meaning the source file's own place:
 * the sandbox finds its shell scripts beside its modules, and the bundle lives elsewhere.
 * Only our own modules are rewritten; dependencies are bundled as they are.
 */
function keepSourceLocations(sourceFolder: string): Plugin {
  return {
    name: 'keep-source-locations',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
        if (!path.startsWith(sourceFolder)) return undefined;
        const source = await readFile(path, 'utf8');
        const contents = source
          .replaceAll('import.meta.dirname', JSON.stringify(dirname(path)))
          .replaceAll('import.meta.filename', JSON.stringify(path))
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href));
        return { contents, loader: 'ts' };
      });
    },
  };
}

/**
 * Bundles `entry` and the modules it imports into one ES module in `folder`, with a manifest
 * of its inputs. Returns the bundle's path, or undefined when a source changed while it was
 * being built (the bundle might mix old and new code, so it is not recorded).
 */
export async function buildBundle(entry: string, folder: string): Promise<string | undefined> {
  // esbuild is loaded only here: a fresh bundle starts without it.
  const { build } = await import('esbuild');
  const startedAt = Date.now();
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node}`,
    absWorkingDir: resolve(entry, '..'),
    logLevel: 'silent',
    // Dependencies written as CommonJS call `require`, which an ES module lacks.
    banner: {
      js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);",
    },
    plugins: [keepSourceLocations(dirname(entry))],
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild wrote no bundle for ${entry}`);
  const inputs = await describeInputs(
    Object.keys(result.metafile.inputs).map((path) => resolve(entry, '..', path)),
  );
  if (inputs.some((input) => input.mtimeMs >= startedAt)) return undefined;

  const hash = createHash('sha256').update(output.contents).digest('hex').slice(0, 16);
  const bundle = `verify-examples.${hash}.mjs`;
  await replaceFile(join(folder, bundle), output.contents);
  const manifest: BundleManifest = { format: bundleFormat, bundle, inputs };
  await replaceFile(join(folder, manifestName), `${JSON.stringify(manifest)}\n`);
  await removeOtherBundles(folder, bundle);
  return join(folder, bundle);
}

/** Older bundles go; a run that read the old manifest just before finds its bundle gone and
 * starts from the sources instead (see prepareBundle). */
async function removeOtherBundles(folder: string, keep: string): Promise<void> {
  for (const name of await readdir(folder)) {
    if (name.startsWith('verify-examples.') && name.endsWith('.mjs') && name !== keep) {
      await rm(join(folder, name), { force: true });
    }
  }
}
