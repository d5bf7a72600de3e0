import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';
import { createBrowserSession } from './browser-session.ts';
import { placeholderId } from './build-figure.ts';
import { computeCacheKey } from './cache-key.ts';
import { findBrowserExecutable } from './find-browser.ts';
import { prepareMermaidPage, renderInPage } from './render-in-page.ts';
import { type DiagramVariant, diagramVariants } from './starlight-palette.ts';
import { createSvgCache, type RenderedDiagram } from './svg-cache.ts';
import { createMermaidConfig, type MermaidConfig } from './theme.ts';

export type DiagramOutcome =
  | { status: 'rendered'; diagram: RenderedDiagram }
  /** `line` is 1-based inside the diagram, when mermaid reports one. */
  | { status: 'invalid'; message: string; line: number | undefined }
  /** To be drawn by the page itself (the dev server without a browser of its own). */
  | { status: 'in-browser' };

export interface DiagramRenderer {
  render(source: string): Promise<DiagramOutcome>;
  close(): Promise<void>;
}

export interface DiagramRendererOptions {
  cacheDirectory: string;
  findExecutable?: () => string;
  idleMs?: number;
}

const require = createRequire(import.meta.url);
const mermaidScript = require.resolve('mermaid/dist/mermaid.min.js');
const mermaidVersion = z
  .object({ version: z.string() })
  .parse(JSON.parse(readFileSync(require.resolve('mermaid/package.json'), 'utf8'))).version;

/** Mermaid reports a line in `hash.loc`, or only in the message for its newer parsers. */
function findReportedLine(message: string, line: number | undefined): number | undefined {
  if (line !== undefined) return line;
  const match = /\bline:? (\d+)/i.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** Mermaid draws `<title>`/`<desc>` only for diagram types whose grammar knows `accTitle`. */
function findMissingDescription(svgs: Record<DiagramVariant, string>): string | undefined {
  const svg = svgs.light;
  if (/<title[\s>]/.test(svg) && /<desc[\s>]/.test(svg)) return undefined;
  return 'mermaid drew no <title> and <desc> for this diagram, so this diagram type ignores accTitle/accDescr';
}

/**
 * Draws diagrams with the real mermaid in headless Chromium, light and dark, and keeps the
 * result on disk keyed by everything it depends on, so rebuilds start no browser at all.
 */
export function createDiagramRenderer(options: DiagramRendererOptions): DiagramRenderer {
  const configs = Object.fromEntries(
    diagramVariants.map((variant) => [variant, createMermaidConfig(variant)]),
  ) as Record<DiagramVariant, MermaidConfig>;
  const cache = createSvgCache(options.cacheDirectory);
  const session = createBrowserSession({
    findExecutable: options.findExecutable ?? (() => findBrowserExecutable()),
    preparePage: (page) => prepareMermaidPage(page, mermaidScript),
    idleMs: options.idleMs ?? 10_000,
  });

  async function render(source: string): Promise<DiagramOutcome> {
    const key = computeCacheKey({ source, mermaidVersion, themes: configs });
    const cached = await cache.read(key);
    if (cached) return { status: 'rendered', diagram: cached };
    const outcome = await session.run((page) =>
      renderInPage(page, { source, idPrefix: placeholderId, configs }),
    );
    if (outcome.status === 'invalid') {
      return { ...outcome, line: findReportedLine(outcome.message, outcome.line) };
    }
    const missing = findMissingDescription(outcome.svgs);
    if (missing) return { status: 'invalid', message: missing, line: undefined };
    await cache.write(key, outcome.svgs);
    return { status: 'rendered', diagram: outcome.svgs };
  }

  return { render, close: () => session.close() };
}

/**
 * For the dev server on a machine without a browser: every diagram is left to the writer's
 * browser (draw-in-browser.ts), so `npm run dev` works; builds and tests still need one.
 */
export function createInBrowserRenderer(): DiagramRenderer {
  return { render: async () => ({ status: 'in-browser' }), close: async () => {} };
}
