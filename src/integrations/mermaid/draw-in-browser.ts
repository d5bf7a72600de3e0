/**
 * Dev server only, when no browser was found to draw diagrams at build time: draws each
 * figure that {@link buildInBrowserFigureHtml} left empty, light and dark, with the same
 * mermaid configuration the build uses, so a writer sees what readers will.
 */
import mermaid from 'mermaid';
import { diagramVariants } from './starlight-palette.ts';
import { createMermaidConfig } from './theme.ts';

async function drawFigure(figure: HTMLElement): Promise<void> {
  const source = figure.dataset['source'] ?? '';
  for (const variant of diagramVariants) {
    const target = figure.querySelector(`[data-variant="${variant}"]`);
    if (!target) continue;
    mermaid.initialize({ ...createMermaidConfig(variant), startOnLoad: false });
    try {
      const { svg } = await mermaid.render(`${figure.id}-${variant}`, source);
      target.innerHTML = svg;
    } catch (error) {
      target.textContent = `Mermaid cannot draw this diagram: ${String(error)}`;
    }
  }
}

for (const figure of document.querySelectorAll<HTMLElement>('figure[data-draw-in-browser]')) {
  await drawFigure(figure);
}
