import { describe, expect, it } from 'vitest';
import {
  escapeData,
  escapeProperty,
  formatAnnotation,
} from '../../../scripts/lib/report/github-commands.ts';

describe('escapeData', () => {
  it.each([
    ['plain', 'docker ps', 'docker ps'],
    ['percent first', '100%', '100%25'],
    ['an escape already', '%0A', '%250A'],
    ['line breaks', 'a\r\nb\nc', 'a%0D%0Ab%0Ac'],
    ['colons and commas stay', 'a: b, c', 'a: b, c'],
  ])('%s', (_name, text, expected) => {
    expect(escapeData(text)).toBe(expected);
  });
});

describe('escapeProperty', () => {
  it.each([
    ['plain', 'drift', 'drift'],
    ['colon', 'exit code 1: boom', 'exit code 1%3A boom'],
    ['comma', 'exit code 1, expected 0', 'exit code 1%2C expected 0'],
    ['all of them', '50%,\n::', '50%25%2C%0A%3A%3A'],
  ])('%s', (_name, text, expected) => {
    expect(escapeProperty(text)).toBe(expected);
  });
});

describe('formatAnnotation', () => {
  it.each([
    ['no property', 'notice', {}, 'done', '::notice::done'],
    [
      'properties in order, empty ones left out',
      'error',
      { file: 'docs/a,b.mdx', line: 3, col: undefined, title: 'exit code 1, expected 0' },
      '$ docker ps\n-a\n+b',
      '::error file=docs/a%2Cb.mdx,line=3,title=exit code 1%2C expected 0::$ docker ps%0A-a%0A+b',
    ],
  ] as const)('%s', (_name, level, properties, message, expected) => {
    expect(formatAnnotation(level, properties, message)).toBe(expected);
  });
});
