import {
  type ExtractSettings,
  extractSnippets,
  listPageProblems,
} from '../../scripts/lib/extract/extract-snippets.ts';
import type { Page } from '../../scripts/lib/extract/snippet.ts';

/** The page a test's Markdown holds; a problem in it fails the test with the messages. */
export function extractValidPage(source: string, file: string, settings?: ExtractSettings): Page {
  const { page } = extractSnippets(source, file, settings);
  const problems = listPageProblems(page);
  if (problems.length > 0) throw new Error(problems.map((problem) => problem.message).join('\n'));
  return page;
}
