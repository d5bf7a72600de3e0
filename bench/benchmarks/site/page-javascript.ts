/** The JavaScript of every page of a build, and how much of it is Mermaid's. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatBytes } from '../../../scripts/lib/core/format.ts';
import { listSitePages } from '../../../scripts/site/list-site-pages.ts';
import type { Figure, Table } from '../../lib/benchmark.ts';
import { collectPageScripts, type Script } from '../../lib/page-scripts.ts';
import { summarize } from '../../lib/stats.ts';

export interface PageJavaScript {
  path: string;
  diagrams: number;
  files: number;
  /** Script files plus inline scripts, loaded with the page. */
  bytes: number;
  /** The part of `bytes` in scripts that contain Mermaid's code. */
  mermaidBytes: number;
  lazyFiles: number;
}

/** Mermaid's bundle names itself all over; no other script of the site does. */
const mermaidCode = /mermaid/i;

function sumBytes(scripts: readonly Script[]): number {
  return scripts.reduce((sum, script) => sum + script.bytes, 0);
}

export async function measurePageJavaScript(
  distDir: string,
  base: string,
): Promise<PageJavaScript[]> {
  const rows: PageJavaScript[] = [];
  for (const path of await listSitePages(distDir)) {
    const html = await readFile(join(distDir, path.slice(base.length), 'index.html'), 'utf8');
    const scripts = await collectPageScripts(distDir, base, path, html);
    const loaded = [...scripts.files, ...scripts.inline];
    rows.push({
      path,
      diagrams: html.match(/<figure class="mermaid-diagram"/g)?.length ?? 0,
      files: scripts.files.length,
      bytes: sumBytes(loaded),
      mermaidBytes: sumBytes(loaded.filter((script) => mermaidCode.test(script.code))),
      lazyFiles: scripts.lazyFiles.length,
    });
  }
  return rows;
}

function figuresOf(pages: readonly PageJavaScript[], which: string): Figure[] {
  if (pages.length === 0) return [];
  const { median: value, min, max } = summarize(pages.map((page) => page.bytes));
  return [
    {
      label: `JavaScript per page ${which} (${pages.length} pages)`,
      value,
      unit: 'bytes',
      spread: { min, max },
    },
    {
      label: `Mermaid JavaScript on a page ${which}`,
      value: Math.max(...pages.map((page) => page.mermaidBytes)),
      unit: 'bytes',
      ...(which.startsWith('without')
        ? { goal: { comparison: 'at-most' as const, value: 0 } }
        : {}),
    },
  ];
}

export function pageJavaScriptFigures(pages: readonly PageJavaScript[]): Figure[] {
  return [
    ...figuresOf(
      pages.filter((page) => page.diagrams === 0),
      'without a diagram',
    ),
    ...figuresOf(
      pages.filter((page) => page.diagrams > 0),
      'with a diagram',
    ),
  ];
}

export function pageJavaScriptTable(pages: readonly PageJavaScript[]): Table {
  return {
    title: 'JavaScript each page loads (last build; read from the HTML and the files)',
    columns: ['page', 'diagrams', 'script files', 'bytes', 'Mermaid bytes', 'loaded on demand'],
    rows: pages.map((page) => [
      page.path,
      String(page.diagrams),
      String(page.files),
      formatBytes(page.bytes),
      formatBytes(page.mermaidBytes),
      String(page.lazyFiles),
    ]),
  };
}
