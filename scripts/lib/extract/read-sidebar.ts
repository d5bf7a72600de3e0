import type { Document } from 'yaml';
import { z } from 'zod';

/** Where a page sits in Starlight's sidebar: frontmatter `sidebar.order` and `sidebar.hidden`. */
export interface SidebarPlace {
  order: number | undefined;
  isHidden: boolean;
}

// The site's schema (Starlight's) checks these keys; here only what the order needs is read,
// and anything else is left to the site build.
const sidebarSchema = z.object({
  sidebar: z
    .object({ order: z.number().optional(), hidden: z.boolean().optional() })
    .optional()
    .catch(undefined),
});

/**
 * The page's place in the sidebar, from its frontmatter parsed (read-page-options.ts); a page
 * without frontmatter has no order and is shown.
 */
export function readSidebar(document: Document.Parsed | undefined): SidebarPlace {
  const parsed = sidebarSchema.safeParse(document?.errors.length ? {} : document?.toJSON());
  const sidebar = parsed.success ? parsed.data.sidebar : undefined;
  return { order: sidebar?.order, isHidden: sidebar?.hidden ?? false };
}
