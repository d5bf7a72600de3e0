import { relative } from 'node:path';
import { glob } from 'tinyglobby';
import { VerifyError } from '../core/errors.ts';

/**
 * Expands files and globs into a sorted, de-duplicated list of Markdown/MDX files, relative
 * to the working directory (as reports show them). A pattern that matches nothing is a
 * usage error: a typo must not turn into a run that checks nothing and passes.
 */
export async function collectFiles(
  patterns: readonly string[],
  cwd = process.cwd(),
): Promise<string[]> {
  const files = new Set<string>();
  for (const pattern of patterns) {
    const matches = await glob(pattern, {
      cwd,
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
