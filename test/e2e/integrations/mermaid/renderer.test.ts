import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mdxToJs } from 'satteri';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeholderId } from '../../../../src/integrations/mermaid/build-figure.ts';
import { createMermaidPlugin } from '../../../../src/integrations/mermaid/mdast-plugin.ts';
import {
  createDiagramRenderer,
  type DiagramRenderer,
} from '../../../../src/integrations/mermaid/renderer.ts';

const fixtures = fileURLToPath(new URL('../../../fixtures/mermaid/', import.meta.url));
const root = fileURLToPath(new URL('../../../../', import.meta.url));

let cacheDirectory: string;
let renderer: DiagramRenderer;
beforeAll(async () => {
  cacheDirectory = await mkdtemp(join(tmpdir(), 'mermaid-cache-'));
  renderer = createDiagramRenderer({ cacheDirectory });
});
afterAll(async () => {
  await renderer?.close();
  await rm(cacheDirectory, { recursive: true, force: true });
});

const readFixture = (name: string) => readFile(join(fixtures, name), 'utf8');

/** Every id in an SVG, found the simple way: the markup is mermaid's, not arbitrary HTML. */
const idsOf = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);

describe('createDiagramRenderer in Chromium', () => {
  it.each(['flowchart.mmd', 'sequence.mmd'])(
    'draws %s light and dark, titled, described and with every id prefixed',
    async (name) => {
      const outcome = await renderer.render(await readFixture(name));
      if (outcome.status !== 'rendered') throw new Error(JSON.stringify(outcome));
      for (const variant of ['light', 'dark'] as const) {
        const svg = outcome.diagram[variant];
        expect(svg).toMatch(/^<svg /);
        expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title>/);
        expect(svg).toMatch(/<desc id="[^"]+">[^<]+<\/desc>/);
        expect(svg).not.toContain('<foreignObject');
        for (const id of idsOf(svg)) expect(id).toContain(`${placeholderId}-${variant}`);
      }
      expect(outcome.diagram.light).not.toBe(outcome.diagram.dark);
    },
  );

  it('serves a diagram drawn before from the cache, without a browser', async () => {
    const source = await readFixture('flowchart.mmd');
    const first = await renderer.render(source);
    expect(await readdir(cacheDirectory)).not.toEqual([]);
    const offline = createDiagramRenderer({
      cacheDirectory,
      findExecutable: () => {
        throw new Error('the cache should have answered');
      },
    });
    expect(await offline.render(source)).toEqual(first);
    await offline.close();
  });

  it('reports a syntax error with the line mermaid names inside the diagram', async () => {
    const outcome = await renderer.render(
      'flowchart LR\n  accTitle: t\n  accDescr: d\n  A --> B\n  B -->> C{\n',
    );
    expect(outcome).toMatchObject({ status: 'invalid', line: 5 });
  });
});

describe('createMermaidPlugin in a Sätteri MDX compile', () => {
  it('fails on a syntax error, naming the file and the line in it, with a hint', async () => {
    const file = join(fixtures, 'syntax-error.mdx');
    const compile = mdxToJs(await readFile(file, 'utf8'), {
      mdastPlugins: [createMermaidPlugin({ root, renderer })],
      fileURL: pathToFileURL(file),
    });
    await expect(compile).rejects.toMatchObject({
      code: 'DIAGRAM_INVALID',
      message: expect.stringMatching(
        /^test\/fixtures\/mermaid\/syntax-error\.mdx:12: Mermaid cannot draw this diagram \(diagram line 5\): Parse error on line 5/,
      ),
      hint: expect.stringContaining('mermaid.live'),
    });
  });

  it('replaces the fence with a figure holding both variants', async () => {
    const source = `# Title\n\n\`\`\`mermaid\n${await readFixture('flowchart.mmd')}\`\`\`\n`;
    const { code } = await mdxToJs(source, {
      mdastPlugins: [createMermaidPlugin({ root, renderer })],
      fileURL: pathToFileURL(join(fixtures, 'inline.mdx')),
    });
    expect(code).toContain('mermaid-diagram');
    expect(code).toContain('data-variant');
    expect(code).not.toContain('language-mermaid');
    expect(code).not.toContain(placeholderId);
  });
});
