import { createHash } from 'node:crypto';

/**
 * Bumped whenever what we do to mermaid's output changes (id prefixing, the checks after
 * rendering), so a cache written by an older version of this code is never served.
 */
export const cacheFormat = 1;

export interface CacheKeyInput {
  source: string;
  mermaidVersion: string;
  /** Everything that decides how the diagram looks: the mermaid configuration per variant. */
  themes: unknown;
}

/** JSON with object keys sorted, so equal configurations give equal keys. */
function stringifyStably(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stringifyStably).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stringifyStably(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The name of a diagram's cache entry: a hash of everything its SVGs depend on. */
export function computeCacheKey(input: CacheKeyInput): string {
  const material = stringifyStably({ cacheFormat, ...input });
  return createHash('sha256').update(material).digest('hex');
}
