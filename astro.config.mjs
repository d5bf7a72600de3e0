// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.github.io',
  base: process.env.BASE_PATH ?? '/docker-fundamentals',
  integrations: [
    starlight({
      title: 'Docker Fundamentals',
    }),
  ],
});
