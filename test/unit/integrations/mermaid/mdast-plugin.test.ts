import { mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { placeholderId } from '../../../../src/integrations/mermaid/build-figure.ts';
import { createMermaidPlugin } from '../../../../src/integrations/mermaid/mdast-plugin.ts';
import type { DiagramRenderer } from '../../../../src/integrations/mermaid/renderer.ts';

/** A renderer that draws nothing: what it was asked, and a fixed answer. */
function createStubRenderer(outcome: Awaited<ReturnType<DiagramRenderer['render']>>) {
  const sources: string[] = [];
  const renderer: DiagramRenderer = {
    render: async (source) => {
      sources.push(source);
      return outcome;
    },
    close: async () => {},
  };
  return { renderer, sources };
}

const drawn = createStubRenderer({
  status: 'rendered',
  diagram: {
    light: `<svg id="${placeholderId}-light"><title>T</title><style>#x{fill:red}</style></svg>`,
    dark: `<svg id="${placeholderId}-dark"><title>T</title></svg>`,
  },
});

const page = (diagram: string) =>
  `---\ntitle: Page\n---\n\nSome text.\n\n\`\`\`mermaid\n${diagram}\n\`\`\`\n\n\`\`\`console\n$ ls\n\`\`\`\n`;

function compile(source: string, renderer: DiagramRenderer) {
  return mdxToJs(source, {
    mdastPlugins: [createMermaidPlugin({ root: '/project', renderer })],
    fileURL: new URL('file:///project/src/content/docs/page.mdx'),
  });
}

describe('createMermaidPlugin', () => {
  it('replaces only mermaid fences, with a figure of both variants', async () => {
    const { code } = await compile(
      page('flowchart LR\n  accTitle: T\n  accDescr: D\n  A --> B'),
      drawn.renderer,
    );
    expect(drawn.sources).toEqual(['flowchart LR\n  accTitle: T\n  accDescr: D\n  A --> B']);
    expect(code).toContain('mermaid-diagram');
    expect(code).toContain('fill:red');
    expect(code).not.toContain(placeholderId);
    expect(code).toContain('language-console');
  });

  it('rejects a diagram without accTitle at the fence line, before drawing it', async () => {
    const stub = createStubRenderer({ status: 'invalid', message: 'unused', line: undefined });
    await expect(
      compile(page('flowchart LR\n  accDescr: D\n  A --> B'), stub.renderer),
    ).rejects.toMatchObject({
      code: 'DIAGRAM_INACCESSIBLE',
      message: expect.stringMatching(
        /^src\/content\/docs\/page\.mdx:7: Unexpected mermaid diagram without accTitle,/,
      ),
    });
    expect(stub.sources).toEqual([]);
  });

  it("places mermaid's error at the fence line plus the diagram line", async () => {
    const stub = createStubRenderer({
      status: 'invalid',
      message: 'Parse error on line 4:',
      line: 4,
    });
    await expect(
      compile(page('flowchart LR\n  accTitle: T\n  accDescr: D\n  A -->> B{'), stub.renderer),
    ).rejects.toMatchObject({
      code: 'DIAGRAM_INVALID',
      message: expect.stringMatching(/^src\/content\/docs\/page\.mdx:11: /),
    });
  });
});
