import { describe, expect, it } from 'vitest';
import { computeCacheKey } from '../../../../src/integrations/mermaid/cache-key.ts';

const input = {
  source: 'flowchart LR\n  A --> B',
  mermaidVersion: '12.3.0',
  themes: {
    light: { theme: 'base', themeVariables: { primaryColor: '#ffffff', lineColor: '#000000' } },
  },
};

describe('computeCacheKey', () => {
  it('is a SHA-256 hex digest, the same for the same input', () => {
    expect(computeCacheKey(input)).toMatch(/^[0-9a-f]{64}$/);
    expect(computeCacheKey({ ...input })).toBe(computeCacheKey(input));
  });

  it('does not depend on the order of configuration keys', () => {
    const reordered = {
      themes: {
        light: { themeVariables: { lineColor: '#000000', primaryColor: '#ffffff' }, theme: 'base' },
      },
      mermaidVersion: '12.3.0',
      source: input.source,
    };
    expect(computeCacheKey(reordered)).toBe(computeCacheKey(input));
  });

  it.each([
    ['the source', { ...input, source: 'flowchart LR\n  A --> C' }],
    ['the mermaid version', { ...input, mermaidVersion: '12.3.1' }],
    [
      'a theme colour',
      {
        ...input,
        themes: {
          light: {
            theme: 'base',
            themeVariables: { primaryColor: '#fffffe', lineColor: '#000000' },
          },
        },
      },
    ],
    ['a theme setting', { ...input, themes: { light: { ...input.themes.light, darkMode: true } } }],
  ])('changes with %s', (_, changed) => {
    expect(computeCacheKey(changed)).not.toBe(computeCacheKey(input));
  });
});
