import { describe, expect, it } from 'vitest';
import {
  createInaccessibleDiagramError,
  createInvalidDiagramError,
} from '../../../../src/integrations/mermaid/diagram-errors.ts';
import { SiteError } from '../../../../src/utils/site-error.ts';

const fence = { file: 'src/content/docs/02-images.mdx', line: 14 };

describe('createInaccessibleDiagramError', () => {
  it('names the file and the fence line, what is missing, and how to add it', () => {
    const error = createInaccessibleDiagramError(['accTitle', 'accDescr'], fence);
    expect(error).toBeInstanceOf(SiteError);
    expect(error.code).toBe('DIAGRAM_INACCESSIBLE');
    expect(error.message).toMatchInlineSnapshot(
      `"src/content/docs/02-images.mdx:14: Unexpected mermaid diagram without accTitle or accDescr, expected an accessible title (\`accTitle: …\`) and an accessible description (\`accDescr: …\` or \`accDescr { … }\`)"`,
    );
    expect(error.hint).toContain('accTitle: ');
    expect(error.hint).toContain('https://mermaid.js.org/config/accessibility.html');
    expect([error.line, error.column]).toEqual([14, 1]);
  });

  it('names only what is missing', () => {
    expect(createInaccessibleDiagramError(['accDescr'], fence).message).toMatch(
      /^src\/content\/docs\/02-images\.mdx:14: Unexpected mermaid diagram without accDescr, expected an accessible description/,
    );
  });
});

describe('createInvalidDiagramError', () => {
  it('adds the line mermaid reports inside the diagram to the fence line', () => {
    const error = createInvalidDiagramError({ message: 'Parse error on line 3:', line: 3 }, fence);
    expect(error.code).toBe('DIAGRAM_INVALID');
    expect(error.message).toBe(
      'src/content/docs/02-images.mdx:17: Mermaid cannot draw this diagram (diagram line 3): Parse error on line 3:',
    );
    expect(error.position).toEqual({ file: fence.file, line: 17 });
    expect(error.hint).toContain('mermaid.live');
  });

  it('falls back to the fence line when mermaid names none', () => {
    const error = createInvalidDiagramError(
      { message: 'No diagram type detected', line: undefined },
      fence,
    );
    expect(error.message).toBe(
      'src/content/docs/02-images.mdx:14: Mermaid cannot draw this diagram: No diagram type detected',
    );
  });
});
