import { collectFiles } from '../../scripts/lib/cli/collect-files.ts';
import { defaultPatterns } from '../../scripts/lib/cli/parse-args.ts';

/** The chapters, as `npm run verify` finds them, relative to the project root. */
export function listChapters(root: string): Promise<string[]> {
  return collectFiles(defaultPatterns, root);
}
