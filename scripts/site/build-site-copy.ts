import { cp, mkdir, mkdtemp, readdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { diagramCacheFolder } from '../../src/integrations/mermaid/svg-cache.ts';
import { runProcess } from '../lib/system/run-process.ts';

/** Top-level entries of the repository the build does not need, or must not share. */
const skippedEntries = new Set([
  '.astro',
  '.cache',
  '.git',
  'dist',
  'node_modules',
  'test',
  'test-results',
]);

export type SiteBuild =
  | { status: 'built'; root: string; distDir: string; buildMs: number }
  /** `output` is stdout and stderr of `astro build`, interleaved. */
  | { status: 'failed'; root: string; output: string; timedOut: boolean; buildMs: number };

/** This process's environment minus what Vitest sets, which Astro and Vite would act on. */
function inheritedEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST',
    ),
  );
}

export interface BuildSiteOptions {
  projectRoot: string;
  /** Extra pages (.mdx) copied into the copy's src/content/docs/fixtures/. */
  fixturePagesDir: string;
  base: string;
  /** A build still running after this long is killed and reported as timed out. */
  timeoutMs?: number;
  /** Variables to set for the build, on top of this process's. */
  env?: Readonly<Record<string, string>>;
  /** Runs in the copy once the fixture pages are in, before the build (e.g. their records). */
  prepare?: (root: string) => Promise<void>;
}

/**
 * Builds the site from a copy of the project, so the fixture pages join the real chapters
 * without ever touching src/content/docs, and edits made meanwhile in the working tree
 * cannot change the build half-way. The copy lives in the project's ignored .cache/, not
 * in /tmp: Astro 7 cannot build a root whose node_modules is a symlink (it joins the root
 * and the link's target into a path that does not exist), while a node_modules in a parent
 * folder resolves as in any monorepo. Only the diagram cache is linked, to share it.
 */
export async function buildSite(options: BuildSiteOptions): Promise<SiteBuild> {
  const cacheDir = join(options.projectRoot, '.cache');
  await mkdir(cacheDir, { recursive: true });
  const root = await mkdtemp(join(cacheDir, 'e2e-site-'));
  for (const entry of await readdir(options.projectRoot)) {
    if (skippedEntries.has(entry)) continue;
    await cp(join(options.projectRoot, entry), join(root, entry), { recursive: true });
  }
  await mkdir(join(options.projectRoot, diagramCacheFolder), { recursive: true });
  await mkdir(join(root, diagramCacheFolder, '..'), { recursive: true });
  await symlink(
    join(options.projectRoot, diagramCacheFolder),
    join(root, diagramCacheFolder),
    'dir',
  );
  const fixtures = join(root, 'src/content/docs/fixtures');
  await mkdir(fixtures, { recursive: true });
  await cp(options.fixturePagesDir, fixtures, { recursive: true });
  await options.prepare?.(root);

  const result = await runProcess(
    process.execPath,
    [join(options.projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build'],
    {
      cwd: root,
      env: {
        ...inheritedEnv(),
        BASE_PATH: options.base,
        SITE_URL: 'http://localhost',
        ...options.env,
      },
      extendEnv: false,
      timeoutMs: options.timeoutMs ?? 280_000,
    },
  );
  const buildMs = result.durationMs;
  return result.failed
    ? { status: 'failed', root, output: result.all, timedOut: result.timedOut, buildMs }
    : { status: 'built', root, distDir: join(root, 'dist'), buildMs };
}
