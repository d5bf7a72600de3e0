// What `npm run verify` starts in a checkout: verify-examples.ts bundled into one module,
// kept in the checkout's .cache/verify-examples and run only while every file it was built
// from is as it was then (checked at each start, see lib/cli/bundle-manifest.js); after a
// change the next start builds it again, once. Loading some six hundred modules one by one,
// each TypeScript file stripped of its types on the way, costs most of a start; one bundle,
// with Node's compile cache, a fraction of it. The cache lives in the checkout, not in
// node_modules (which worktrees share by symlink), and the key includes the checkout's place:
// a bundle never runs another checkout's code. JavaScript, not TypeScript: a start from a
// fresh bundle never loads Node's type stripper. DFV_SOURCES=1 runs the sources as they are;
// so does a bundle that cannot be built (esbuild missing, a syntax error the sources report
// better).
import { enableCompileCache } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { debuglog } from 'node:util';
import { findFreshBundle } from './lib/cli/bundle-manifest.js';

const debug = debuglog('dfv');
const root = resolve(import.meta.dirname, '..');
const folder = join(root, '.cache/verify-examples');
const entry = join(import.meta.dirname, 'verify-examples.ts');

/** @returns {Promise<string | undefined>} */
async function prepareBundle() {
  if (process.env.DFV_SOURCES === '1') return undefined;
  const fresh = findFreshBundle(folder, root);
  if (fresh) return fresh;
  try {
    const { buildBundle } = await import('./lib/cli/build-bundle.ts');
    return await buildBundle(root, entry, folder);
  } catch (error) {
    debug(`cannot bundle ${entry}, running the sources: ${String(error)}`);
    return undefined;
  }
}

const bundle = await prepareBundle();
if (bundle) enableCompileCache(join(folder, 'compile-cache'));
try {
  await import(pathToFileURL(bundle ?? entry).href);
} catch (error) {
  // Another run rebuilt the bundle and removed this one between the check and the import:
  // nothing of it ran yet, so the sources can run instead.
  const isBundleGone =
    bundle !== undefined &&
    /** @type {NodeJS.ErrnoException} */ (error).code === 'ERR_MODULE_NOT_FOUND' &&
    String(/** @type {Error} */ (error).message).includes(bundle);
  if (!isBundleGone) throw error;
  await import(pathToFileURL(entry).href);
}
