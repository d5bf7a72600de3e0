// Plain JavaScript, with types in JSDoc: the launcher loads this before anything else runs.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * What became of the bundle's code cache: `used`, `absent` (none yet) or `rejected` (V8
 * would not take it: another Node, other flags, a cache cut short).
 * @typedef {'used' | 'absent' | 'rejected'} CodeCacheState
 */

/**
 * @typedef {object} LoadedBundle
 * @property {Record<string, unknown>} exports what the bundle exports
 * @property {CodeCacheState} codeCache
 * @property {() => void} keepCodeCache writes the code cache when there was none or this run
 *   used much more code than the run that wrote it: call it once the bundle's work is done,
 *   so it holds every function that ran
 */

/**
 * A run that ends with this much more bytecode than the run that wrote the cache used code
 * the cache lacks (a cache made by `--help`, then a run of pages): it writes the cache again.
 * Runs of the same kind differ by a few percent (Node's own modules, zod's parsers).
 */
const growthToRewrite = 1.1;

/** Bytes before V8's data in a cache file: the bytecode its writer's run ended with. */
const headerSize = 8;

/**
 * Where the code cache of `bundle` lives: beside it, named after it. A bundle's name carries
 * the hash of its content and is never rewritten in place, so a cache never meets other code
 * (V8 itself checks only the source's length).
 * @param {string} bundle
 */
export const codeCacheOf = (bundle) => bundle.replace(/\.c?js$/, '.v8-cache');

/** The bytecode in this process now, of every script. */
const measureBytecode = () => v8.getHeapCodeStatistics().bytecode_and_metadata_size;

/**
 * The cache file's parts; undefined when there is none.
 * @param {string} path
 * @returns {{ writerBytecode: number, data: Buffer } | undefined}
 */
function readCodeCache(path) {
  let file;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  // Cut short: V8 rejects what is left, and the run writes the cache again.
  if (file.byteLength < headerSize) return { writerBytecode: 0, data: file };
  return { writerBytecode: file.readDoubleLE(0), data: file.subarray(headerSize) };
}

/**
 * Writes a file in one step: a temporary file beside it renamed over it, so a start that
 * reads it meanwhile finds the old one or the new one. Synchronous: it runs as the process
 * ends. A failure is no error: the next run makes the cache again.
 * @param {string} path
 * @param {Uint8Array} content
 */
function replaceFileNow(path, content) {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch {
    rmSync(temporary, { force: true });
  }
}

/**
 * Runs `bundle`, a CommonJS bundle, and returns its exports; undefined when the file is gone
 * (another run rebuilt the bundles). Node's compile cache would keep only the code V8
 * compiles as it loads a module, the top level: every function that runs later would be
 * compiled at its first call, on every start, most of a start's work once the bundle is
 * loaded. A `vm.Script`'s code cache made after the run holds every function that ran (see
 * Node's `script.createCachedData()`), so the next start compiles next to nothing.
 * @param {string} bundle
 * @returns {LoadedBundle | undefined}
 */
export function loadBundle(bundle) {
  let source;
  try {
    // Latin-1: the build writes ASCII only (ascii-bundle.ts), which V8 then keeps as a
    // one-byte string, read without decoding UTF-8.
    source = readFileSync(bundle, 'latin1');
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return undefined;
    throw error;
  }
  const cacheFile = codeCacheOf(bundle);
  const cache = readCodeCache(cacheFile);
  // On the first line, so the bundle's lines keep their numbers in stack traces.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, {
    filename: bundle,
    cachedData: cache?.data,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  /** @type {CodeCacheState} */
  const codeCache = !cache ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used';
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return {
    exports: module.exports,
    codeCache,
    keepCodeCache() {
      const bytecode = measureBytecode();
      const isGrown = bytecode > (cache?.writerBytecode ?? 0) * growthToRewrite;
      if (codeCache === 'used' && !isGrown) return;
      const header = Buffer.alloc(headerSize);
      header.writeDoubleLE(bytecode, 0);
      replaceFileNow(cacheFile, Buffer.concat([header, script.createCachedData()]));
    },
  };
}
