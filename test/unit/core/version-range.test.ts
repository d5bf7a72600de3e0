import { describe, expect, it } from 'vitest';
import {
  isSeriesInRange,
  isVersionInRange,
  parseVersionParts,
  parseVersionRange,
  type VersionRange,
} from '../../../scripts/lib/core/version-range.ts';

function range(text: string): VersionRange {
  const parsed = parseVersionRange(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.range;
}

describe('parseVersionRange', () => {
  it.each([
    ['>=28', { from: [28], until: undefined }],
    ['>28', { from: [29], until: undefined }],
    ['<28.5', { from: undefined, until: [28, 5] }],
    ['<=28', { from: undefined, until: [29] }],
    ['28.5', { from: [28, 5], until: [28, 6] }],
    ['=26.1.5', { from: [26, 1, 5], until: [26, 1, 6] }],
    ['>=26.1,<29', { from: [26, 1], until: [29] }],
    [' >= 26 , < 28.5 , >= 27 ', { from: [27], until: [28, 5] }],
  ])('reads %s as a half-open interval', (text, bounds) => {
    expect(range(text)).toMatchObject(bounds);
  });

  it('normalises the text it was given', () => {
    expect(range(' >= 26.1 ,<29').text).toBe('>=26.1, <29');
  });

  it.each([
    ['', 'Unexpected ``'],
    ['28.x', 'Unexpected `28.x`'],
    ['~28', 'Unexpected `~28`'],
    ['>=28,', 'Unexpected ``'],
    ['1.2.3.4', 'Unexpected `1.2.3.4`'],
    ['>28, <29', 'No version is >28, <29'],
  ])('refuses %j', (text, message) => {
    const parsed = parseVersionRange(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});

describe('isVersionInRange', () => {
  it.each([
    ['28.5.2', '>=28', true],
    ['27.99.0', '>=28', false],
    ['29.0.0', '<=28', false],
    ['28.9.9', '<=28', true],
    ['28.5.2', '28.5', true],
    ['28.50.0', '28.5', false],
    ['26.1.5+dfsg1', '>=26.1.5, <26.1.6', true],
    ['26.1.5+dfsg1', '>26.1.5', false],
    ['v29.0.0-rc.1', '>=29', true],
    ['dev', '>=1', false],
  ])('%s in %s: %s', (version, text, expected) => {
    expect(isVersionInRange(version, range(text))).toBe(expected);
  });
});

describe('isSeriesInRange', () => {
  it.each([
    ['28.5', '>=28', true],
    ['28.5', '>=28.5.1', true],
    ['28.5', '<28.5', false],
    ['28.5', '<=28.4', false],
    ['26.1', '>=26, <28', true],
    ['26.1', '>26.1', false],
    ['28', '28.5', true],
  ])('series %s meets %s: %s', (series, text, expected) => {
    expect(isSeriesInRange(series, range(text))).toBe(expected);
  });
});

describe('parseVersionParts', () => {
  it('reads the leading numbers Docker reports', () => {
    expect(parseVersionParts('26.1.5+dfsg1')).toEqual([26, 1, 5]);
    expect(parseVersionParts('28.5.2')).toEqual([28, 5, 2]);
    expect(parseVersionParts('unknown')).toBeUndefined();
  });
});
