// Plain JavaScript, with types in JSDoc: the launcher reads it (through bundle-manifest.js)
// before anything else runs, without Node's TypeScript stripper.

/**
 * What says a file is as it was without reading it: its size, modification time and inode.
 * A save, a checkout or an atomic replace changes one of them; a change that keeps all three
 * takes setting the time back by hand. Caches keyed by it skip reading (the bundle's inputs,
 * the CLI's version, the pages' places).
 * @param {{ size: number, mtimeMs: number, ino: number }} stats what `stat` gave for the file
 * @returns {string}
 */
export function formatFileStamp({ size, mtimeMs, ino }) {
  return `${size}:${mtimeMs}:${ino}`;
}
