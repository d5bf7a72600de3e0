import { defaultPatterns } from '../../scripts/lib/cli/parse-args.ts';
import { collectFiles } from '../../scripts/lib/collect/collect-files.ts';

/** The chapters, as `npm run verify` finds them, relative to the project root. */
export function listChapters(root: string): Promise<string[]> {
  return collectFiles(defaultPatterns, root);
}
