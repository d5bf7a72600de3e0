import { describe, expect, it } from 'vitest';
import {
  matchesFilters,
  parsePruneFilters,
  parseUntil,
} from '../../../../../../scripts/lib/run/engine/host/api-proxy/prune-filters.ts';

const now = Date.parse('2026-01-02T00:00:00Z');

describe('parsePruneFilters', () => {
  it('reads both spellings of the filters', () => {
    const listed = parsePruneFilters('{"label":["app=web"],"dangling":["false"]}', now);
    const mapped = parsePruneFilters('{"label":{"app=web":true},"all":{"true":true}}', now);
    expect(listed).toMatchObject({
      status: 'ok',
      filters: { labels: ['app=web'], dangling: false },
    });
    expect(mapped).toMatchObject({ status: 'ok', filters: { labels: ['app=web'], all: true } });
    expect(parsePruneFilters(null, now)).toMatchObject({ status: 'ok', filters: { labels: [] } });
  });

  it('refuses a filter it cannot apply itself', () => {
    expect(parsePruneFilters('{"reference":["busybox"]}', now)).toEqual({
      status: 'unsupported',
      key: 'reference',
    });
  });

  it.each([
    ['24h', now - 86_400_000],
    ['1h30m', now - 5_400_000],
    ['1767225600', 1_767_225_600_000],
    ['2026-01-01T00:00:00Z', Date.parse('2026-01-01T00:00:00Z')],
  ])('reads until=%s', (value, time) => {
    expect(parseUntil(value, now)).toBe(time);
  });
});

describe('matchesFilters', () => {
  const filters = {
    labels: ['app'],
    notLabels: ['keep=yes'],
    until: now,
    dangling: undefined,
    all: undefined,
  };
  it('applies labels, their absence and the age', () => {
    expect(matchesFilters(filters, { app: 'web' }, now - 1)).toBe(true);
    expect(matchesFilters(filters, { app: 'web', keep: 'yes' }, now - 1)).toBe(false);
    expect(matchesFilters(filters, {}, now - 1)).toBe(false);
    expect(matchesFilters(filters, { app: 'web' }, now + 1)).toBe(false);
  });
});
