import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ScriptFile {
  /** URL path, as the page requests it. */
  path: string;
  bytes: number;
}

export interface PageScripts {
  /** Files loaded when the page loads: `<script src>` and their static imports, transitively. */
  files: ScriptFile[];
  /** Bytes of inline `<script>` elements. */
  inlineBytes: number;
  /**
   * Files only imported dynamically with a literal `import('…')`, loaded on demand. Imports of
   * computed paths (Starlight's search UI, loaded when the dialog opens) are not seen.
   */
  lazyFiles: string[];
}

const scriptElements = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const staticImports = [
  /\b(?:import|export)\s*[^"'();]*?\bfrom\s*["']([^"']+)["']/g,
  /\bimport\s*["']([^"']+)["']/g,
];
const dynamicImports = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

function findSpecifiers(code: string, patterns: readonly RegExp[]): string[] {
  return patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[1] ?? ''));
}

/**
 * The JavaScript a built page makes the browser download, read from the HTML and the files
 * themselves rather than measured in a browser, so it counts exactly what the build emits.
 * Specifiers are found with regular expressions, which is enough for Vite's output.
 */
export async function collectPageScripts(
  distDir: string,
  base: string,
  pagePath: string,
): Promise<PageScripts> {
  const html = await readFile(join(distDir, pagePath.slice(base.length), 'index.html'), 'utf8');
  const pageUrl = new URL(pagePath, 'http://site');
  const pending: URL[] = [];
  const lazy = new Set<string>();
  let inlineBytes = 0;
  for (const [, attributes = '', body = ''] of html.matchAll(scriptElements)) {
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (src) pending.push(new URL(src, pageUrl));
    else {
      inlineBytes += Buffer.byteLength(body);
      for (const specifier of findSpecifiers(body, staticImports))
        pending.push(new URL(specifier, pageUrl));
    }
  }
  const files = new Map<string, number>();
  for (let url = pending.pop(); url; url = pending.pop()) {
    if (url.origin !== 'http://site' || files.has(url.pathname)) continue;
    const code = await readFile(join(distDir, url.pathname.slice(base.length)), 'utf8');
    files.set(url.pathname, Buffer.byteLength(code));
    for (const specifier of findSpecifiers(code, staticImports))
      pending.push(new URL(specifier, url));
    for (const specifier of findSpecifiers(code, [dynamicImports])) {
      lazy.add(new URL(specifier, url).pathname);
    }
  }
  return {
    files: [...files]
      .map(([path, bytes]) => ({ path, bytes }))
      .sort((a, b) => a.path.localeCompare(b.path)),
    inlineBytes,
    lazyFiles: [...lazy].filter((path) => !files.has(path)).sort(),
  };
}
