import { isPageBroken, type PageResult } from '../judge/results.ts';

/**
 * Runs a page until it passes or has had `retries` more attempts, each from scratch (a new
 * Docker, a new reader's folder). The last attempt is the page's result; the failed ones
 * before it travel with it as `earlierAttempts`, so a page that passes only on a second try
 * is reported as flaky, never as a plain pass. `mayRetry` is asked before each new attempt
 * (an interrupted run starts none).
 */
export async function retryPage(
  attempt: () => Promise<PageResult>,
  retries: number,
  mayRetry: () => boolean = () => true,
): Promise<PageResult> {
  const earlier: PageResult[] = [];
  for (;;) {
    const result = await attempt();
    const isLast = !isPageBroken(result) || earlier.length >= retries || !mayRetry();
    if (isLast) return earlier.length > 0 ? { ...result, earlierAttempts: earlier } : result;
    earlier.push(result);
  }
}
