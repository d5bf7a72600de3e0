import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Script {
  code: string;
  /** UTF-8 bytes of `code`. */
  bytes: number;
}

export interface ScriptFile extends Script {
  /** URL path, as the page requests it. */
  path: string;
}

export interface PageScripts {
  /** Files loaded when the page loads: `<script src>` and their static imports, transitively. */
  files: ScriptFile[];
  /** Inline `<script>` elements, in page order. */
  inline: Script[];
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

function toScript(code: string): Script {
  return { code, bytes: Buffer.byteLength(code) };
}

/**
 * The JavaScript a built page (`html`, served at `pagePath`) makes the browser download, read
 * from the HTML and the files themselves rather than measured in a browser, so it counts
 * exactly what the build emits. Each file is read once and handed back with its code.
 * Specifiers are found with regular expressions, which is enough for Vite's output.
 */
export async function collectPageScripts(
  distDir: string,
  base: string,
  pagePath: string,
  html: string,
): Promise<PageScripts> {
  const pageUrl = new URL(pagePath, 'http://site');
  const pending: URL[] = [];
  const lazy = new Set<string>();
  const inline: Script[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(scriptElements)) {
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (src) pending.push(new URL(src, pageUrl));
    else {
      inline.push(toScript(body));
      for (const specifier of findSpecifiers(body, staticImports))
        pending.push(new URL(specifier, pageUrl));
    }
  }
  const files = new Map<string, Script>();
  for (let url = pending.pop(); url; url = pending.pop()) {
    if (url.origin !== 'http://site' || files.has(url.pathname)) continue;
    const code = await readFile(join(distDir, url.pathname.slice(base.length)), 'utf8');
    files.set(url.pathname, toScript(code));
    for (const specifier of findSpecifiers(code, staticImports))
      pending.push(new URL(specifier, url));
    for (const specifier of findSpecifiers(code, [dynamicImports])) {
      lazy.add(new URL(specifier, url).pathname);
    }
  }
  return {
    files: [...files]
      .map(([path, script]) => ({ path, ...script }))
      .sort((a, b) => a.path.localeCompare(b.path)),
    inline,
    lazyFiles: [...lazy].filter((path) => !files.has(path)).sort(),
  };
}
