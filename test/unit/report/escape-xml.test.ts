import { describe, expect, it } from 'vitest';
import {
  escapeXmlAttribute,
  escapeXmlText,
  stripInvalidXmlChars,
} from '../../../scripts/lib/report/escape-xml.ts';

describe('escapeXmlText', () => {
  it.each([
    ['plain', 'docker ps', 'docker ps'],
    ['markup', '<none> & "quotes"', '&lt;none&gt; &amp; "quotes"'],
    ['an entity already', '&amp;', '&amp;amp;'],
    ['line breaks kept', 'a\nb\r\n\tc', 'a\nb\r\n\tc'],
    ['ANSI escapes lose ESC', '\u001b[31mred\u001b[0m', '[31mred[0m'],
    ['other control characters dropped', 'a\u0000b\u0007c\u000bd', 'abcd'],
    ['non-ASCII kept', 'Hello … ✓ 🐳', 'Hello … ✓ 🐳'],
  ])('%s', (_name, text, expected) => {
    expect(escapeXmlText(text)).toBe(expected);
  });
});

describe('escapeXmlAttribute', () => {
  it.each([
    ['quotes', `say "hi" it's`, 'say &quot;hi&quot; it&apos;s'],
    ['markup', '<a & b>', '&lt;a &amp; b&gt;'],
    ['whitespace kept as references', 'a\nb\tc\rd', 'a&#10;b&#9;c&#13;d'],
    ['control characters dropped', 'a\u001bb', 'ab'],
  ])('%s', (_name, text, expected) => {
    expect(escapeXmlAttribute(text)).toBe(expected);
  });
});

describe('stripInvalidXmlChars', () => {
  it.each([
    ['a lone surrogate', 'a\ud800b', 'ab'],
    ['a surrogate pair', '\ud83d\udc33', '\ud83d\udc33'],
    ['U+FFFE and U+FFFF', 'a\ufffe\uffffb', 'ab'],
    ['U+FFFD', '\ufffd', '\ufffd'],
  ])('%s', (_name, text, expected) => {
    expect(stripInvalidXmlChars(text)).toBe(expected);
  });
});
