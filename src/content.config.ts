import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';

export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({
      extend: z.object({
        // How the verifier runs this page's examples. The verifier owns this shape and
        // validates it; the site only lets it through (`looseObject` is zod 4's `passthrough`).
        verify: z.looseObject({}).optional(),
      }),
    }),
  }),
};
