import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { debuglog } from 'node:util';
import { buildBundle } from './build-bundle.ts';
import { isManifestFresh, readManifest } from './bundle-manifest.ts';

const debug = debuglog('dfv');

/**
 * The path of an up-to-date bundle of `entry` in `folder`, building it when a source changed
 * since the last build; undefined when no bundle can be had (esbuild missing, a folder that
 * cannot be written, a syntax error that the sources will report better), so the caller
 * runs the sources.
 */
export async function prepareBundle(entry: string, folder: string): Promise<string | undefined> {
  const manifest = await readManifest(folder);
  if (manifest && (await isManifestFresh(manifest))) {
    const bundle = join(folder, manifest.bundle);
    try {
      await access(bundle);
      return bundle;
    } catch {
      debug(`bundle ${bundle} is gone (rebuilt meanwhile?); building again`);
    }
  }
  try {
    return await buildBundle(entry, folder);
  } catch (error) {
    debug(`cannot bundle ${entry}, running the sources: ${String(error)}`);
    return undefined;
  }
}
