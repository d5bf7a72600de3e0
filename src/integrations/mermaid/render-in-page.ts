import type { Page } from 'playwright-core';
import type { DiagramVariant } from './starlight-palette.ts';
import type { MermaidConfig } from './theme.ts';

export interface PageRenderRequest {
  source: string;
  /** Prefix of every id in the SVGs; each variant appends `-light` or `-dark`. */
  idPrefix: string;
  configs: Record<DiagramVariant, MermaidConfig>;
}

export type PageRenderOutcome =
  | { status: 'rendered'; svgs: Record<DiagramVariant, string> }
  /** `line` is 1-based inside the diagram, when mermaid's parser reports one. */
  | { status: 'invalid'; message: string; line: number | undefined };

/** A blank page with mermaid loaded, ready for {@link renderInPage}. */
export async function prepareMermaidPage(page: Page, mermaidScript: string): Promise<void> {
  await page.setContent(
    '<!doctype html><html lang="en"><title>mermaid</title><body></body></html>',
  );
  await page.addScriptTag({ path: mermaidScript });
}

/** Renders one diagram in both variants inside the page. Requests must not overlap. */
export function renderInPage(page: Page, request: PageRenderRequest): Promise<PageRenderOutcome> {
  return page.evaluate(renderVariantsInBrowser, request);
}

/**
 * Runs in Chromium, so it may use nothing from this module's scope. Besides the `<svg>`'s
 * own id, mermaid derives most ids from it (`<id>-arrowhead`, `chart-title-<id>`), but not all: sequence diagrams emit `actor0`,
 * `i0`, `root-0`, flowcharts node ids of the author's choosing. Two diagrams, or the two
 * variants of one, on a page would then share ids and their `url(#…)` references would
 * point into each other, so every id gets the variant's prefix. Mermaid's `<style>` only
 * selects by the `<svg>`'s id, which already has it.
 */
async function renderVariantsInBrowser(request: PageRenderRequest): Promise<PageRenderOutcome> {
  interface MermaidApi {
    initialize(config: unknown): void;
    render(id: string, text: string): Promise<{ svg: string }>;
  }
  interface ParseError {
    message?: string;
    hash?: { loc?: { first_line?: number } };
  }
  const mermaid = (globalThis as unknown as { mermaid: MermaidApi }).mermaid;

  const idListAttributes = new Set(['aria-labelledby', 'aria-describedby', 'aria-owns']);

  function prefixIds(svg: Element, prefix: string): void {
    const renamed = new Map<string, string>();
    for (const element of svg.querySelectorAll('[id]')) {
      if (element.id.includes(prefix)) continue;
      renamed.set(element.id, `${prefix}-${element.id}`);
      element.id = `${prefix}-${element.id}`;
    }
    if (renamed.size === 0) return;
    const rename = (id: string) => renamed.get(id) ?? id;
    for (const element of [svg, ...svg.querySelectorAll('*')]) {
      for (const { name, value } of [...element.attributes]) {
        const next = idListAttributes.has(name)
          ? value.split(' ').map(rename).join(' ')
          : value
              .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`)
              .replace(/^#(.+)$/, (_, id: string) => `#${rename(id)}`);
        if (next !== value) element.setAttribute(name, next);
      }
    }
  }

  const svgs: Record<string, string> = {};
  for (const [variant, config] of Object.entries(request.configs)) {
    const id = `${request.idPrefix}-${variant}`;
    mermaid.initialize({ ...config, startOnLoad: false });
    try {
      const { svg } = await mermaid.render(id, request.source);
      const template = document.createElement('template');
      template.innerHTML = svg;
      const root = template.content.firstElementChild;
      if (!root) throw new Error('mermaid returned no SVG');
      prefixIds(root, id);
      svgs[variant] = root.outerHTML;
    } catch (error) {
      const parseError = error as ParseError;
      return {
        status: 'invalid',
        message: String(parseError.message ?? error),
        line: parseError.hash?.loc?.first_line,
      };
    } finally {
      // mermaid leaves its measuring container behind when a diagram fails to parse.
      document.body.replaceChildren();
    }
  }
  return { status: 'rendered', svgs: svgs as Record<DiagramVariant, string> };
}
