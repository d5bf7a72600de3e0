import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { escapePath, glob } from 'tinyglobby';
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
    const matches = await glob(await expandFolder(pattern, cwd), {
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
