import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { replaceFile } from '../../../scripts/lib/system/replace-file.ts';
import type { DiagramVariant } from './starlight-palette.ts';

/** Where rendered diagrams are kept between builds, relative to the project's root. */
export const diagramCacheFolder = 'node_modules/.cache/mermaid-diagrams';

const svgSchema = z.string().startsWith('<svg');
export const renderedDiagramSchema = z.object({
  light: svgSchema,
  dark: svgSchema,
} satisfies Record<DiagramVariant, z.ZodType>);
/** Both variants of a diagram as SVG markup, ids still carrying the placeholder prefix. */
export type RenderedDiagram = z.infer<typeof renderedDiagramSchema>;

export interface SvgCache {
  read(key: string): Promise<RenderedDiagram | undefined>;
  write(key: string, diagram: RenderedDiagram): Promise<void>;
}

/**
 * Rendered diagrams on disk, one JSON file per cache key. An unreadable or malformed entry
 * is a miss, not an error: the diagram is rendered again and the entry replaced.
 */
export function createSvgCache(directory: string): SvgCache {
  const pathOf = (key: string) => join(directory, `${key}.json`);
  return {
    async read(key) {
      try {
        const parsed = renderedDiagramSchema.safeParse(
          JSON.parse(await readFile(pathOf(key), 'utf8')),
        );
        return parsed.success ? parsed.data : undefined;
      } catch {
        return undefined;
      }
    },
    // Atomic, so a build running in parallel never reads half a file.
    write: (key, diagram) => replaceFile(pathOf(key), JSON.stringify(diagram)),
  };
}
