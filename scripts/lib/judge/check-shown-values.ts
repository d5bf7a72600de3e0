/**
 * The checks of one command's shown values that need nothing of the rest of the page: each
 * size within the tolerance of the printed one (check-sizes.ts), each ID or digest Docker
 * Hub's published value where it must be (check-published.ts). Binding IDs across the page
 * is bind-shown-ids.ts's. Pure.
 */
import type { PublishedContext } from '../config/published-values.ts';
import { checkPublished } from './check-published.ts';
import { isSizeClose } from './check-sizes.ts';
import type { ValuePair } from './pair-values.ts';
import type { ShownValueProblem } from './results.ts';

export interface ShownValueSettings {
  /** The file line of the documented output's first line. */
  firstLine: number;
  sizeTolerance: number;
  published: PublishedContext | undefined;
  isExampleValues: boolean;
}

export function checkShownValues(
  pairs: readonly ValuePair[],
  settings: ShownValueSettings,
): ShownValueProblem[] {
  const problems: ShownValueProblem[] = [];
  for (const pair of pairs) {
    const place = {
      line: settings.firstLine + pair.origin,
      shown: pair.shown,
      actual: pair.actual,
    };
    if (pair.kind === 'size') {
      if (!isSizeClose(pair.shown, pair.actual, settings.sizeTolerance))
        problems.push({ ...place, kind: 'size', tolerance: settings.sizeTolerance });
      continue;
    }
    if (!settings.published || settings.isExampleValues) continue;
    const problem = checkPublished(pair.shown, pair.actual, settings.published);
    if (problem) problems.push({ ...place, ...problem });
  }
  return problems;
}
