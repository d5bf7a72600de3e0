import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MdastPluginDefinition } from 'satteri';
import { buildFigureHtml, buildInBrowserFigureHtml, createDiagramId } from './build-figure.ts';
import { findMissingAccessibility } from './check-accessibility.ts';
import { createInaccessibleDiagramError, createInvalidDiagramError } from './diagram-errors.ts';
import type { DiagramRenderer } from './renderer.ts';

export interface MermaidPluginOptions {
  /** Project root; error messages name files relative to it. */
  root: string;
  renderer: DiagramRenderer;
}

/**
 * A Sätteri Markdown-tree plugin that replaces each ```mermaid fence with its rendered
 * figure. Working on the Markdown tree, before any HTML-tree plugin, means Expressive Code
 * never sees the fence. A diagram that is inaccessible or that mermaid rejects throws, which
 * fails the build (and shows Astro's error overlay in dev).
 */
export function createMermaidPlugin({
  root,
  renderer,
}: MermaidPluginOptions): MdastPluginDefinition {
  return {
    name: 'docker-fundamentals:mermaid',
    options: { position: true },
    async code(node, context) {
      if (node.lang !== 'mermaid') return;
      const file = context.fileURL
        ? relative(root, fileURLToPath(context.fileURL))
        : '<unknown file>';
      const fence = { file, line: node.position?.start.line ?? 1 };
      const missing = findMissingAccessibility(node.value);
      if (missing.length > 0) throw createInaccessibleDiagramError(missing, fence);
      const outcome = await renderer.render(node.value);
      if (outcome.status === 'invalid') throw createInvalidDiagramError(outcome, fence);
      const id = createDiagramId(file, fence.line);
      // `mdxExpressions: false`: braces in the SVG (its CSS, a label) are text, not MDX.
      return {
        raw:
          outcome.status === 'in-browser'
            ? buildInBrowserFigureHtml(node.value, id)
            : buildFigureHtml(outcome.diagram, id),
        mdxExpressions: false,
      };
    },
  };
}
