import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { escapePath, glob, isDynamicPattern } from 'tinyglobby';
import { VerifyError } from '../core/errors.ts';

/** A folder stands for the Markdown files in it and below it, outside node_modules. */
async function expandFolder(pattern: string, cwd: string): Promise<string> {
  const isFolder = await stat(resolve(cwd, pattern)).then(
    (info) => info.isDirectory(),
    () => false,
  );
  return isFolder ? `${escapePath(pattern.replace(/\/+$/, ''))}/**/*.{md,mdx,markdown}` : pattern;
}

/**
 * The file a pattern names when it is a plain path to a file (no glob characters, outside
 * node_modules), found with one stat instead of a walk of its folder; undefined otherwise.
 */
async function findNamedFile(pattern: string, cwd: string): Promise<string | undefined> {
  if (isDynamicPattern(pattern) || /(^|\/)node_modules(\/|$)/.test(pattern)) return undefined;
  const path = resolve(cwd, pattern);
  const isFile = await stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
  return isFile ? path : undefined;
}

/**
 * Expands files, folders and globs into a sorted, de-duplicated list of Markdown/MDX files, relative
 * to the working directory (as reports show them). A pattern that matches nothing is a
 * usage error: a typo must not turn into a run that checks nothing and passes.
 */
export async function collectFiles(
  patterns: readonly string[],
  cwd = process.cwd(),
): Promise<string[]> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    const named = await findNamedFile(pattern, cwd);
    const matches = named
      ? [named]
      : await glob(await expandFolder(pattern, cwd), {
          cwd,
          ignore: ['**/node_modules/**'],
          absolute: true,
          onlyFiles: true,
          expandDirectories: false,
        });
    const markdown = matches.filter((file) => /\.(md|mdx|markdown)$/i.test(file));
    if (markdown.length === 0) {
      throw new VerifyError('USAGE', `No Markdown or MDX file matches ${pattern}`, {
        hint: 'Check the path; globs need quotes in some shells, e.g. "docs/**/*.md".',
      });
    }
    for (const file of markdown) files.add(relative(cwd, file));
  }
  return [...files].sort();
}
