/**
 * What `npm run verify` starts: verify-examples.ts bundled into one module, cached in
 * node_modules/.cache/verify-examples and rebuilt when a source changes. Loading some five
 * hundred modules one by one, each TypeScript file stripped of its types on the way, costs
 * more than half a second per run; the bundle, with Node's compile cache, starts in a third
 * of that. When no bundle can be built, the sources run as they are.
 */
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { prepareBundle } from './lib/bundle/prepare-bundle.ts';

const root = join(import.meta.dirname, '..');
const cacheFolder = join(root, 'node_modules/.cache/verify-examples');
const entry = join(import.meta.dirname, 'verify-examples.ts');

enableCompileCache(join(cacheFolder, 'compile-cache'));
const bundle = await prepareBundle(entry, cacheFolder);
try {
  await import(pathToFileURL(bundle ?? entry).href);
} catch (error) {
  // Another run rebuilt the bundle and removed this one between the check and the import:
  // nothing of it ran yet, so the sources can run instead.
  const isBundleGone =
    bundle !== undefined &&
    (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' &&
    String((error as Error).message).includes(bundle);
  if (!isBundleGone) throw error;
  await import(pathToFileURL(entry).href);
}
