import { describe, expect, it } from 'vitest';
import {
  buildFigureHtml,
  buildInBrowserFigureHtml,
  createDiagramId,
  placeholderId,
} from '../../../../src/integrations/mermaid/build-figure.ts';

const diagram = {
  light: `<svg id="${placeholderId}-light"><title id="${placeholderId}-light-t">T</title><desc>line one\n\nline three</desc></svg>`,
  dark: `<svg id="${placeholderId}-dark"><path marker-end="url(#${placeholderId}-dark-arrow)"/></svg>`,
};

describe('createDiagramId', () => {
  it('is stable for a place and differs between places', () => {
    expect(createDiagramId('a.mdx', 3)).toMatch(/^mermaid-[0-9a-f]{10}$/);
    expect(createDiagramId('a.mdx', 3)).toBe(createDiagramId('a.mdx', 3));
    expect(createDiagramId('a.mdx', 4)).not.toBe(createDiagramId('a.mdx', 3));
    expect(createDiagramId('b.mdx', 3)).not.toBe(createDiagramId('a.mdx', 3));
  });
});

describe('buildFigureHtml', () => {
  it('holds both variants, with the placeholder id replaced and no blank line', () => {
    expect(buildFigureHtml(diagram, 'mermaid-0123456789')).toMatchInlineSnapshot(`
      "<figure class="mermaid-diagram" id="mermaid-0123456789"><div class="mermaid-variant" data-variant="light"><svg id="mermaid-0123456789-light"><title id="mermaid-0123456789-light-t">T</title><desc>line one
      line three</desc></svg></div><div class="mermaid-variant" data-variant="dark"><svg id="mermaid-0123456789-dark"><path marker-end="url(#mermaid-0123456789-dark-arrow)"/></svg></div></figure>"
    `);
  });
});

describe('buildInBrowserFigureHtml', () => {
  it('holds the escaped source and both empty variants, with no blank line', () => {
    expect(
      buildInBrowserFigureHtml('flowchart LR\n\n  a["<b> & c"] --> d', 'mermaid-0123456789'),
    ).toMatchInlineSnapshot(`
      "<figure class="mermaid-diagram" id="mermaid-0123456789" data-draw-in-browser data-source="flowchart LR
        a[&quot;&lt;b&gt; &amp; c&quot;] --&gt; d"><div class="mermaid-variant" data-variant="light"></div><div class="mermaid-variant" data-variant="dark"></div></figure>"
    `);
  });
});
