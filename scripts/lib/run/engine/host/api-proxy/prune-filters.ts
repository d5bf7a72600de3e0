/**
 * The `filters` of a prune request, as the guard applies them itself to the page's objects:
 * labels (`label=KEY`, `label=KEY=VALUE`, `label!=...`), `until` (a Go duration or a time),
 * `dangling` for images, `all` for volumes. Anything else is refused: pruning by a rule the
 * guard cannot apply could remove what the page did not mean to. Pure.
 */

export interface PruneFilters {
  labels: string[];
  notLabels: string[];
  /** Only objects created before this time (ms since the epoch). */
  until: number | undefined;
  dangling: boolean | undefined;
  all: boolean | undefined;
}

export type ParsedFilters =
  | { status: 'ok'; filters: PruneFilters }
  | { status: 'unsupported'; key: string };

const known = new Set(['label', 'label!', 'until', 'dangling', 'all']);

/** Reads `filters` (`{"label":["a=b"]}`, or the older `{"label":{"a=b":true}}`). */
export function parsePruneFilters(query: string | null, now = Date.now()): ParsedFilters {
  const raw = query ? (JSON.parse(query) as Record<string, unknown>) : {};
  const values = (key: string): string[] => {
    const value = raw[key];
    if (Array.isArray(value)) return value.map(String);
    if (value && typeof value === 'object') return Object.keys(value);
    return [];
  };
  const unknown = Object.keys(raw).find((key) => !known.has(key));
  if (unknown) return { status: 'unsupported', key: unknown };
  const flag = (key: string) => {
    const [value] = values(key);
    return value === undefined ? undefined : value === 'true' || value === '1';
  };
  const [until] = values('until');
  return {
    status: 'ok',
    filters: {
      labels: values('label'),
      notLabels: values('label!'),
      until: until === undefined ? undefined : parseUntil(until, now),
      dangling: flag('dangling'),
      all: flag('all'),
    },
  };
}

const units: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1e3,
  m: 6e4,
  h: 3.6e6,
};

/** `24h`, `1h30m`, a Unix time in seconds, or an RFC 3339 date. */
export function parseUntil(value: string, now: number): number {
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length > 0 && parts.map((part) => part[0]).join('') === value) {
    return (
      now -
      parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * (units[unit ?? 's'] ?? 0), 0)
    );
  }
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  return Date.parse(value);
}

/** Whether an object's labels and creation time (ms) pass the filters. */
export function matchesFilters(
  filters: PruneFilters,
  labels: Readonly<Record<string, string>> | null | undefined,
  createdMs: number,
): boolean {
  const has = (filter: string) => {
    const [key = '', value] = filter.split(/=(.*)/s);
    const actual = labels?.[key];
    return actual !== undefined && (value === undefined || actual === value);
  };
  if (!filters.labels.every(has)) return false;
  if (filters.notLabels.some(has)) return false;
  return filters.until === undefined || createdMs < filters.until;
}
