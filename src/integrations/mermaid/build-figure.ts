import { createHash } from 'node:crypto';
import { diagramVariants } from './starlight-palette.ts';
import type { RenderedDiagram } from './svg-cache.ts';

/**
 * Stands in for the diagram's id in rendered (and cached) SVGs. Identical diagrams share a
 * cache entry but need distinct ids on the page, so {@link buildFigureHtml} swaps it out.
 */
export const placeholderId = 'mermaid-placeholder-7c3f';

/**
 * A page-unique id for a diagram: a hash of where its fence is. Two fences can hold the
 * same diagram (and share a cache entry), but never sit at the same place.
 */
export function createDiagramId(file: string, line: number): string {
  return `mermaid-${createHash('sha256').update(`${file}:${line}`).digest('hex').slice(0, 10)}`;
}

/**
 * The HTML that replaces a mermaid fence: both variants side by side, the one not matching
 * Starlight's `data-theme` hidden by `src/styles/diagrams.css`. It goes back into the
 * Markdown parser as an HTML block, which a blank line would end, so blank lines go.
 */
export function buildFigureHtml(diagram: RenderedDiagram, diagramId: string): string {
  const variants = diagramVariants.map(
    (variant) =>
      `<div class="mermaid-variant" data-variant="${variant}">${diagram[variant].replaceAll(placeholderId, diagramId)}</div>`,
  );
  return `<figure class="mermaid-diagram" id="${diagramId}">${variants.join('')}</figure>`.replace(
    /\n\s*\n/g,
    '\n',
  );
}

function escapeAttribute(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/**
 * The dev server's stand-in when no browser can draw at build time: the same figure, empty,
 * with the diagram's source for draw-in-browser.ts to draw in the writer's own browser. The
 * source is an attribute, not text, so Markdown's typography (`--` to an en dash) leaves it
 * alone; blank lines go, as in {@link buildFigureHtml}, and mermaid ignores them.
 */
export function buildInBrowserFigureHtml(source: string, diagramId: string): string {
  const variants = diagramVariants.map(
    (variant) => `<div class="mermaid-variant" data-variant="${variant}"></div>`,
  );
  const attributes = `class="mermaid-diagram" id="${diagramId}" data-draw-in-browser data-source="${escapeAttribute(source)}"`;
  return `<figure ${attributes}>${variants.join('')}</figure>`.replace(/\n\s*\n/g, '\n');
}
