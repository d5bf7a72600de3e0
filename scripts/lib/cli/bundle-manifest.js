// Plain JavaScript, with types in JSDoc: the launcher reads this before anything else runs,
// and loading Node's TypeScript stripper costs more than a start from the bundle itself.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatFileStamp } from '../system/file-stamp.js';

/** Bumped when the way bundles are built changes, so older bundles are rebuilt. */
export const bundleFormat = 4;

export const manifestName = 'manifest.json';

/**
 * What a built bundle is and what it was built from. `key` hashes the checkout's place, the
 * Node version and every input in order: the content of the checkout's own files, the size
 * and modification time of the dependencies' (npm rewrites what it installs, and reading
 * them all would cost more than the rest of the check). A bundle is fresh only while the
 * same files, looked at again, give the same key.
 * @typedef {object} BundleManifest
 * @property {number} format
 * @property {string} root the checkout the bundle was built from: its places are written in it
 * @property {string} key
 * @property {string} bundle file name of the bundle, in the manifest's folder
 * @property {string[]} inputs absolute paths of the files it was built from, sorted
 * @property {string | undefined} [stamps] the inputs' stamps as they were read for the build (stampInputs)
 */

/** @param {string} path */
const isDependency = (path) => path.includes('/node_modules/');

/**
 * The key of `inputs` as they are now; undefined when one of them is gone. `contentOf` gives
 * a file's bytes when the caller has them already (the build does). Synchronous: some six
 * hundred small reads and stats, faster without a promise each.
 * @param {string} root
 * @param {readonly string[]} inputs
 * @param {(path: string) => Uint8Array} [contentOf]
 * @returns {string | undefined}
 */
export function hashInputs(root, inputs, contentOf = (path) => readFileSync(path)) {
  const hash = createHash('sha256').update(`${bundleFormat}\0${process.version}\0${root}\0`);
  try {
    for (const path of inputs) {
      if (isDependency(path)) {
        const { size, mtimeMs } = statSync(path);
        hash.update(`${path}\0${size}\0${mtimeMs}\0`);
      } else {
        const content = contentOf(path);
        hash.update(`${path}\0${content.byteLength}\0`).update(content);
      }
    }
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

/**
 * The key of the inputs' stamps (system/file-stamp.js), read without opening them: while
 * every stamp is as it was when the build read the file, the file is. Some seven hundred stats
 * cost a fraction of reading and hashing the checkout's own files.
 * @param {readonly string[]} inputs
 * @param {(path: string) => { size: number, mtimeMs: number, ino: number }} [stampOf]
 * @returns {string | undefined}
 */
export function stampInputs(inputs, stampOf = (path) => statSync(path)) {
  const hash = createHash('sha256').update(`${bundleFormat}\0${process.version}\0`);
  try {
    for (const path of inputs) hash.update(`${path}\0${formatFileStamp(stampOf(path))}\0`);
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

/**
 * The bundle in `folder` built from `root` exactly as it is now: its path, or undefined when
 * there is none, its manifest is not one this version wrote for `root`, or an input changed.
 * (The manifest is checked by hand: zod would cost more than the whole check.)
 * @param {string} folder
 * @param {string} root
 * @returns {string | undefined}
 */
export function findFreshBundle(folder, root) {
  /** @type {Partial<BundleManifest> | null} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(folder, manifestName), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof manifest !== 'object' || manifest === null) return undefined;
  const { format, key, bundle, inputs } = manifest;
  const isManifest =
    format === bundleFormat &&
    manifest.root === root &&
    typeof key === 'string' &&
    typeof bundle === 'string' &&
    Array.isArray(inputs) &&
    inputs.every((input) => typeof input === 'string');
  if (!isManifest) return undefined;
  const stamps = stampInputs(inputs);
  if (stamps !== undefined && stamps === manifest.stamps) return join(folder, bundle);
  if (hashInputs(root, inputs) !== key) return undefined;
  // The same bytes under new stamps (a checkout, a `touch`): the next start needs only stats.
  if (stamps !== undefined) rewriteManifest(folder, { ...manifest, stamps });
  return join(folder, bundle);
}

/**
 * Writes the manifest again, whole or not at all; a folder that cannot be written only costs
 * the next start the hash.
 * @param {string} folder
 * @param {object} manifest
 */
function rewriteManifest(folder, manifest) {
  const file = join(folder, manifestName);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(manifest)}\n`);
    renameSync(temporary, file);
  } catch {
    // Read-only, or gone meanwhile.
  }
}
