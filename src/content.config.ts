import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { pageOptionsSchema } from '../scripts/lib/core/options.ts';

export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        // How the verifier runs this page's examples: the verifier's own schema, so a typo in
        // frontmatter fails the site build as well as the verifier.
        verify: pageOptionsSchema.optional(),
      }),
    }),
  }),
};
