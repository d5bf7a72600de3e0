import { describe, expect, it } from 'vitest';
import { escapeToAscii, NotAsciiSafeError } from '../../../scripts/lib/cli/ascii-bundle.ts';

/** What a pattern literal written in `source` matches in `subject`, run as a program. */
const matches = (source: string, subject: string): boolean =>
  (new Function(`return ${source};`)() as RegExp).test(subject);

describe('a bundle in ASCII', () => {
  it('leaves ASCII text as it is', () => {
    const text = "const a = 'plain';\n// a comment\n";
    expect(escapeToAscii(text)).toBe(text);
  });

  it('writes comments and patterns beyond ASCII as escapes, one per UTF-16 unit', () => {
    const text = '// a dash \u2014 and a headstone \u{1FAA6}\nconst size = /(\u00b5s|ms)/;\n';
    const ascii = escapeToAscii(text);
    expect(ascii).toBe(
      '// a dash \\u2014 and a headstone \\ud83e\\udea6\nconst size = /(\\u00b5s|ms)/;\n',
    );
    expect(ascii).toMatch(/^\p{ASCII}*$/u);
    expect(ascii.split('\n')).toHaveLength(text.split('\n').length);
  });

  it('keeps what escaped patterns match, with and without the u flag', () => {
    for (const pattern of ['/\u2026|\\[\\.\\.\\.\\]/', '/^[\u00e0-\u00ff]+$/', '/^\u{1FAA6}$/u']) {
      const escaped = escapeToAscii(pattern);
      for (const subject of ['\u2026', '[...]', '\u00e9t\u00e9', '\u{1FAA6}', 'ascii']) {
        expect(matches(escaped, subject), `${pattern} on ${subject}`).toBe(
          matches(pattern, subject),
        );
      }
    }
  });

  it('refuses a character after a backslash, naming its line', () => {
    const text = 'const a = 1;\nconst b = /\\\u00e9/;\n';
    expect(() => escapeToAscii(text)).toThrow(NotAsciiSafeError);
    expect(() => escapeToAscii(text)).toThrow("the bundle's line 2");
  });

  it('refuses the line and paragraph separators, which would end a comment', () => {
    expect(() => escapeToAscii('// one\u2028two\n')).toThrow('line or paragraph separator');
    expect(() => escapeToAscii('// one\u2029two\n')).toThrow(NotAsciiSafeError);
  });
});
