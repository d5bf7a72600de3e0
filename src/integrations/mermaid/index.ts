import { fileURLToPath } from 'node:url';
import { isSatteriProcessor } from '@astrojs/markdown-satteri';
import type { AstroIntegration } from 'astro';
import { SiteError } from '../../utils/site-error.ts';
import { createMermaidPlugin } from './mdast-plugin.ts';
import { createDiagramRenderer } from './renderer.ts';

/**
 * Renders ```mermaid fences to inline SVG at build time, so readers download no diagram
 * JavaScript. The browser that draws them starts with the first diagram and is closed when
 * the build or the dev server ends.
 */
export function mermaidDiagrams(): AstroIntegration {
  let closeRenderer: (() => Promise<void>) | undefined;
  const close = async () => {
    await closeRenderer?.();
  };
  return {
    name: 'docker-fundamentals:mermaid',
    hooks: {
      'astro:config:setup': ({ config }) => {
        const processor = config.markdown.processor;
        if (!processor || !isSatteriProcessor(processor)) {
          throw new SiteError(
            'PROCESSOR_UNSUPPORTED',
            `Mermaid diagrams need the Sätteri Markdown processor, but markdown.processor is "${processor?.name}"`,
            {
              hint: 'Remove `markdown.processor` from astro.config.mjs to use the default, Sätteri.',
            },
          );
        }
        const root = fileURLToPath(config.root);
        const renderer = createDiagramRenderer({
          cacheDirectory: fileURLToPath(
            new URL('node_modules/.cache/mermaid-diagrams/', config.root),
          ),
        });
        closeRenderer = renderer.close;
        processor.options.mdastPlugins.push(createMermaidPlugin({ root, renderer }));
      },
      'astro:build:done': close,
      'astro:server:done': close,
    },
  };
}
