// debian:bookworm-slim and debian:trixie-slim, made the way debuerreotype makes them: a minbase
// bootstrap (mmdebstrap here, from the cache), the minimizing config, deb822 sources, the slim
// excludes, logs removed and every mtime clamped to the serial's epoch.
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quoteShellWord } from '../../../lib/core/shell-word.ts';
import { requireBuildStep, runMmdebstrap } from '../build-root.ts';
import { writeTar } from '../oci/tar.ts';
import { readTree } from '../oci/tree.ts';
import { DEFAULT_PATH, type ImageRecipe, toRfc3339 } from './recipe.ts';
import { slimify } from './slimify.ts';

const OVERLAY = fileURLToPath(new URL('../images/debian/rootfs', import.meta.url));

const POLICY_RC_D = 'usr/sbin/policy-rc.d';

/** The debuerreotype release named in the history row's comment. */
export const DEBUERREOTYPE_VERSION = '0.17';

/** Pure: `/etc/apt/sources.list.d/debian.sources` of a serial, as debuerreotype writes it. */
export function renderDebianSources(suite: string, epoch: number): string {
  const stamp = `${toRfc3339(epoch).slice(0, 10).replaceAll('-', '')}T000000Z`;
  const block = (archive: string, suites: string) =>
    [
      'Types: deb',
      `# http://snapshot.debian.org/archive/${archive}/${stamp}`,
      `URIs: http://deb.debian.org/${archive}`,
      `Suites: ${suites}`,
      'Components: main',
      'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg',
    ].join('\n');
  return `${block('debian', `${suite} ${suite}-updates`)}\n\n${block('debian-security', `${suite}-security`)}\n`;
}

/** Pure: the paths debuerreotype-tar leaves out (contents of dev, proc, sys, apt's caches...). */
export function isExcludedFromTar(path: string): boolean {
  const below = ['dev/', 'proc/', 'sys/', 'var/cache/apt/', 'var/lib/apt/lists/'];
  const files = [
    'debuerreotype-epoch',
    'etc/apt/apt.conf.d/01autoremove-kernels',
    'var/log/apt/history.log',
    'var/log/apt/term.log',
    'run/motd.dynamic',
  ];
  return below.some((prefix) => path.startsWith(prefix)) || files.includes(path);
}

/** Pure: midnight UTC of the day of `now`, the serial's epoch. */
export function serialEpochOf(now: number): number {
  return Math.floor(now / 86_400_000) * 86_400;
}

function debianRecipe(suite: 'bookworm' | 'trixie', version: string): ImageRecipe {
  return {
    id: `debian-${suite}-slim`,
    repository: 'library/debian',
    tags: [`${suite}-slim`, `${version}-slim`],
    sources: [
      fileURLToPath(import.meta.url),
      fileURLToPath(new URL('./slimify.ts', import.meta.url)),
      OVERLAY,
    ],
    build: async (context) => {
      const epoch = serialEpochOf(Date.now());
      const root = join(context.workDir, 'rootfs');
      const sources = join(context.workDir, 'debian.sources');
      await mkdir(context.workDir, { recursive: true });
      await writeFile(sources, renderDebianSources(suite, epoch));
      const mmdebstrap = await runMmdebstrap(context.paths, context.debs, [
        '--variant=minbase',
        '--hook-dir=@HOOKS@/merged-usr',
        `--customize-hook=sync-in ${quoteShellWord(OVERLAY)} /`,
        `--customize-hook=upload ${quoteShellWord(sources)} /etc/apt/sources.list.d/debian.sources`,
        // mmdebstrap's own sources file and the host's name and resolver stay out.
        '--customize-hook=rm -f "$1"/var/cache/apt/*.bin "$1"/etc/apt/sources.list.d/0000*.sources "$1"/etc/apt/sources.list "$1/etc/hostname" "$1/etc/resolv.conf"',
        suite,
        root,
        sources,
      ]);
      requireBuildStep(`debian:${suite}-slim`, 'mmdebstrap', mmdebstrap);
      // mmdebstrap removes its own policy-rc.d when it finishes, after the customize hooks.
      await cp(join(OVERLAY, POLICY_RC_D), join(root, POLICY_RC_D));
      await slimify(root);
      for (const log of ['dpkg.log', 'bootstrap.log', 'alternatives.log']) {
        await rm(join(root, 'var', 'log', log), { force: true });
      }
      await rm(join(root, 'var', 'cache', 'ldconfig', 'aux-cache'), { force: true });
      const entries = await readTree(root, { exclude: isExcludedFromTar, maxMtime: epoch });
      const created = toRfc3339(epoch);
      return {
        created,
        config: { Cmd: ['bash'], Entrypoint: [], Env: [DEFAULT_PATH] },
        history: [
          {
            comment: `debuerreotype ${DEBUERREOTYPE_VERSION}`,
            created,
            created_by: `# debian.sh --arch 'amd64' out/ '${suite}' '@${epoch}'`,
          },
        ],
        layers: [writeTar(entries)],
      };
    },
  };
}

export const debianBookwormSlim = debianRecipe('bookworm', '12');
export const debianTrixieSlim = debianRecipe('trixie', '13');
