// What `npm run verify` starts in a checkout: the verifier's sources bundled into one
// CommonJS module, kept in the checkout's .cache/verify-examples and run only while every
// file it was built from is as it was then (checked at each start, see
// lib/cli/bundle-manifest.js); after a change the next start builds it again, once. Loading
// some six hundred modules one by one, each TypeScript file stripped of its types on the way,
// costs most of a start; one bundle, run with a code cache of every function a run used
// (lib/cli/load-bundle.js), a fraction of it. The cache lives in the checkout, not in
// node_modules (which worktrees share by symlink), and the key includes the checkout's place:
// a bundle never runs another checkout's code. JavaScript, not TypeScript: a start from a
// fresh bundle never loads Node's type stripper. DFV_SOURCES=1 runs the sources as they are;
// so does a bundle that cannot be built (esbuild missing, a syntax error the sources report
// better).
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { debuglog } from 'node:util';
import { findFreshBundle } from './lib/cli/bundle-manifest.js';
import { loadBundle } from './lib/cli/load-bundle.js';

const debug = debuglog('dfv');
const root = resolve(import.meta.dirname, '..');
const folder = join(root, '.cache/verify-examples');
const entry = join(import.meta.dirname, 'verify-examples.ts');
/** What the bundle is built from: the command line's run, which the launcher calls. */
const bundleEntry = join(import.meta.dirname, 'lib/modes/run-cli.ts');

/** @returns {Promise<string | undefined>} */
async function prepareBundle() {
  if (process.env.DFV_SOURCES === '1') return undefined;
  const fresh = findFreshBundle(folder, root);
  if (fresh) return fresh;
  try {
    const { buildBundle } = await import('./lib/cli/build-bundle.ts');
    return await buildBundle(root, bundleEntry, folder);
  } catch (error) {
    debug(`cannot bundle ${bundleEntry}, running the sources: ${String(error)}`);
    return undefined;
  }
}

const bundle = await prepareBundle();
// Another run may have rebuilt the bundle and removed this one since the check: nothing of
// it ran yet, so the sources can run instead.
const loaded = bundle === undefined ? undefined : loadBundle(bundle);
if (loaded) {
  debug(`running ${bundle}, code cache ${loaded.codeCache}`);
  const { runCli } = /** @type {{ runCli(argv: string[]): Promise<void> }} */ (loaded.exports);
  await runCli(process.argv.slice(2));
  loaded.keepCodeCache();
} else {
  await import(pathToFileURL(entry).href);
}
