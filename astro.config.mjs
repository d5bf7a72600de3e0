// @ts-check
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { pluginTranscripts } from './src/integrations/expressive-code/plugin-transcripts.ts';
import { pluginVerificationMarks } from './src/integrations/expressive-code/plugin-verification-marks.ts';
import { mermaidDiagrams } from './src/integrations/mermaid/index.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.github.io',
  base: process.env.BASE_PATH ?? '/docker-fundamentals',
  integrations: [
    mermaidDiagrams(),
    starlight({
      title: 'Docker Fundamentals',
      description:
        'A hands-on introduction to Docker in which every shell example has been run against a real Docker engine.',
      // No `sidebar`: Starlight lists every page of src/content/docs, ordered by the
      // frontmatter's `sidebar.order` and then by file name, so a new chapter needs no edit here.
      customCss: [
        './src/styles/diagrams.css',
        './src/styles/search.css',
        './src/styles/verification.css',
      ],
      components: { PageTitle: './src/components/PageTitle.astro' },
      expressiveCode: {
        frames: { removeCommentsWhenCopyingTerminalFrames: false },
        plugins: [pluginTranscripts(), pluginVerificationMarks()],
      },
    }),
  ],
});
