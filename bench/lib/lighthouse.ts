/**
 * Lighthouse on one URL, in Debian's chromium, with Lighthouse's default (mobile) config:
 * emulated phone, simulated slow 4G and a 4× slower CPU. Only the two categories the site
 * has goals for are run.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import {
  chromiumArgs,
  findBrowserExecutable,
} from '../../src/integrations/mermaid/find-browser.ts';

/** The metrics the performance score is made of, as Lighthouse names them. */
export const metricIds = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
] as const;
export type MetricId = (typeof metricIds)[number];

export interface LighthouseScores {
  /** 0–100, as the report shows them. */
  performance: number;
  accessibility: number;
  /** Milliseconds, except the layout shift (a unitless score). */
  metrics: Record<MetricId, number>;
  /** Audits of the two categories that did not score full marks, for finding causes. */
  failedAudits: string[];
}

/** Runs Lighthouse in a fresh chromium, so no run inherits another's caches. */
export async function runLighthouse(url: string): Promise<LighthouseScores> {
  const chrome = await launch({
    // The browser and quiet flags the site's build uses (CHROMIUM_PATH, or Debian's chromium).
    chromePath: findBrowserExecutable(),
    chromeFlags: [...chromiumArgs],
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const failedAudits = Object.values(categories)
      .flatMap((category) => category.auditRefs)
      .filter((ref) => ref.weight > 0)
      .map((ref) => audits[ref.id])
      .filter((audit) => audit !== undefined && audit.score !== null && audit.score < 1)
      .map((audit) => audit?.id ?? '');
    const metrics = Object.fromEntries(
      metricIds.map((id) => [id, audits[id]?.numericValue ?? Number.NaN]),
    ) as Record<MetricId, number>;
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      metrics,
      failedAudits,
    };
  } finally {
    chrome.kill();
  }
}
