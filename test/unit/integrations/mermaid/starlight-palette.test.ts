import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  convertHslToHex,
  type DiagramVariant,
  starlightColorNames,
  starlightPalette,
} from '../../../../src/integrations/mermaid/starlight-palette.ts';

const propsCss = await readFile(
  createRequire(import.meta.url)
    .resolve('@astrojs/starlight/style/markdown.css')
    .replace('markdown.css', 'props.css'),
  'utf8',
);

/** The HSL triples Starlight declares in one of its palette blocks. */
function readStarlightBlock(selector: string): Map<string, number[]> {
  const start = propsCss.indexOf(selector);
  const block = propsCss.slice(start, propsCss.indexOf('}', start));
  const colors = new Map<string, number[]>();
  for (const [, name, h, s, l] of block.matchAll(
    /--sl-color-([\w-]+):\s*hsl\((?:var\(--sl-hue-\w+\)|(\d+)),\s*(\d+)%,\s*(\d+)%\)/g,
  )) {
    if (name && h !== undefined) colors.set(name, [Number(h), Number(s), Number(l)]);
  }
  return colors;
}

const blocks: Record<DiagramVariant, string> = {
  dark: ':root,',
  light: ":root[data-theme='light']",
};

describe('starlightPalette', () => {
  it.each(Object.entries(blocks))(
    'matches the installed Starlight in %s mode',
    (variant, selector) => {
      const declared = readStarlightBlock(selector);
      for (const name of starlightColorNames) {
        expect([name, starlightPalette[variant as DiagramVariant][name]]).toEqual([
          name,
          declared.get(name),
        ]);
      }
    },
  );
});

describe('convertHslToHex', () => {
  it.each([
    [[0, 0, 100], '#ffffff'],
    [[0, 0, 0], '#000000'],
    [[0, 100, 50], '#ff0000'],
    [[120, 100, 25], '#008000'],
    [[224, 10, 10], '#17181c'],
  ] as const)('converts hsl%j to %s', (hsl, hex) => {
    expect(convertHslToHex(hsl)).toBe(hex);
  });
});
