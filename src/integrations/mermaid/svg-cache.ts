import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { DiagramVariant } from './starlight-palette.ts';

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
    async write(key, diagram) {
      await mkdir(directory, { recursive: true });
      // Write then rename, so a build running in parallel never reads half a file.
      const temporary = `${pathOf(key)}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(diagram));
      await rename(temporary, pathOf(key));
    },
  };
}
