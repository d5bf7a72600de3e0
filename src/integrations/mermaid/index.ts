import { fileURLToPath } from 'node:url';
import { isSatteriProcessor } from '@astrojs/markdown-satteri';
import type { AstroIntegration } from 'astro';
import { SiteError } from '../../utils/site-error.ts';
import { hasBrowser } from './find-browser.ts';
import { createMermaidPlugin } from './mdast-plugin.ts';
import { createDiagramRenderer, createInBrowserRenderer } from './renderer.ts';

const drawInBrowserScript = fileURLToPath(new URL('./draw-in-browser.ts', import.meta.url));

/**
 * Renders ```mermaid fences to inline SVG at build time, so readers download no diagram
 * JavaScript. The browser that draws them starts with the first diagram and is closed when
 * the build or the dev server ends. A dev server on a machine without a browser warns once
 * and leaves the drawing to the writer's browser instead.
 */
export function mermaidDiagrams(): AstroIntegration {
  let closeRenderer: (() => Promise<void>) | undefined;
  const close = async () => {
    await closeRenderer?.();
  };
  return {
    name: 'docker-fundamentals:mermaid',
    hooks: {
      'astro:config:setup': ({ config, command, logger, injectScript, updateConfig }) => {
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
        const isDrawnInBrowser = command === 'dev' && !hasBrowser();
        if (isDrawnInBrowser) {
          logger.warn(
            'No Chromium, Chrome or Edge found (or CHROMIUM_PATH=none): diagrams are drawn in your browser while the dev server runs. `npm run build` and the tests still need one; set CHROMIUM_PATH to point at it.',
          );
          injectScript('page', `import ${JSON.stringify(drawInBrowserScript)};`);
          // Bundled when the server starts: found on the first page load instead, Vite would
          // re-bundle then and fail that page's requests with "504 Outdated Optimize Dep".
          updateConfig({ vite: { optimizeDeps: { include: ['mermaid'] } } });
        }
        const renderer = isDrawnInBrowser
          ? createInBrowserRenderer()
          : createDiagramRenderer({
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
