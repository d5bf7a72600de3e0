// postgres:18: our debian:trixie-slim and the twelve layers of Docker Hub's, built as its
// Dockerfile builds them, with PostgreSQL 18.6 from Debian forky (the PGDG archive is out of
// reach; forky builds the same release), forky's gosu 1.19 and entrypoint scripts of our own.
// spec/postgres.ts lists what differs.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unpackDeb } from '../../plumbing/debs.ts';
import {
  PG_MAJOR,
  PG_RELEASE,
  POSTGRES_18,
  POSTGRES_CONFIG,
  POSTGRES_CREATED,
  POSTGRES_HISTORY,
} from '../spec/postgres.ts';
import { runSteps } from '../steps/run-steps.ts';
import { readBaseInput, STEP_SOURCES, unpackBase } from './from-base.ts';
import type { ImageRecipe } from './recipe.ts';

const SCRIPTS = fileURLToPath(new URL('../images/postgres', import.meta.url));
const BASE = 'debian-trixie-slim';

/** apt's view of forky in the image: known, but never chosen over trixie unless asked. */
const FORKY_SOURCES = `# PostgreSQL ${PG_MAJOR} comes from here (see /etc/apt/preferences.d/forky).
Types: deb
URIs: http://deb.debian.org/debian
Suites: forky
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`;
const FORKY_PIN = 'Package: *\nPin: release n=forky\nPin-Priority: 100\n';

const install = (...packages: string[]) =>
  `apt-get install -y --no-install-recommends ${packages.join(' ')}`;

/** Pure: the build steps, each one layer, as Docker Hub's Dockerfile has them. */
export function postgresSteps(): string[] {
  return [
    [
      'groupadd -r postgres --gid=999',
      'useradd -r -g postgres --uid=999 --home-dir=/var/lib/postgresql --shell=/bin/bash postgres',
      'install --verbose --directory --owner postgres --group postgres --mode 1777 /var/lib/postgresql',
    ].join('\n'),
    ['apt-get update', install('gnupg', 'less')].join('\n'),
    ['install -m 0755 /mnt/gosu /usr/local/bin/gosu', 'gosu --version', 'gosu nobody true'].join(
      '\n',
    ),
    [
      "grep -q '/usr/share/locale' /etc/dpkg/dpkg.cfg.d/docker",
      "sed -ri '/\\/usr\\/share\\/locale/d' /etc/dpkg/dpkg.cfg.d/docker",
      install('locales'),
      "echo 'en_US.UTF-8 UTF-8' >> /etc/locale.gen",
      'locale-gen',
      "locale -a | grep 'en_US.utf8'",
    ].join('\n'),
    install('libnss-wrapper', 'xz-utils', 'zstd'),
    'mkdir /docker-entrypoint-initdb.d',
    'mkdir -p /usr/local/share/keyrings/',
    [
      `printf '%s' '${FORKY_SOURCES}' > /etc/apt/sources.list.d/forky.sources`,
      `printf '%s' '${FORKY_PIN}' > /etc/apt/preferences.d/forky`,
      'apt-get update',
      install('postgresql-common'),
      "sed -ri 's/#(create_main_cluster) .*$/\\1 = false/' /etc/postgresql-common/createcluster.conf",
      `${install(`postgresql-${PG_MAJOR}`, `postgresql-${PG_MAJOR}-jit`)} -t forky`,
      "find /usr -name '*.pyc' -type f -exec bash -c 'for pyc; do dpkg -S \"$pyc\" > /dev/null 2>&1 || rm -vf \"$pyc\"; done' -- '{}' +",
      `/usr/lib/postgresql/${PG_MAJOR}/bin/postgres --version | grep -F ' ${PG_RELEASE} '`,
    ].join('\n'),
    [
      `dpkg-divert --add --rename --divert /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/${PG_MAJOR}/postgresql.conf.sample`,
      'cp -v /usr/share/postgresql/postgresql.conf.sample.dpkg /usr/share/postgresql/postgresql.conf.sample',
      `ln -sv ../postgresql.conf.sample /usr/share/postgresql/${PG_MAJOR}/`,
      'sed -ri "s!^#?(listen_addresses)\\s*=\\s*\\S+.*!\\1 = \'*\'!" /usr/share/postgresql/postgresql.conf.sample',
      'grep -F "listen_addresses = \'*\'" /usr/share/postgresql/postgresql.conf.sample',
    ].join('\n'),
    'install --verbose --directory --owner postgres --group postgres --mode 3777 /var/run/postgresql',
    'install -m 0755 /mnt/docker-entrypoint.sh /mnt/docker-ensure-initdb.sh /usr/local/bin/',
    'ln -sT docker-ensure-initdb.sh /usr/local/bin/docker-enforce-initdb.sh',
  ];
}

export const postgres18: ImageRecipe = {
  id: 'postgres-18',
  repository: POSTGRES_18.repository,
  tags: POSTGRES_18.tags,
  sources: [
    ...STEP_SOURCES,
    fileURLToPath(new URL('../oci/compress-layers.ts', import.meta.url)),
    fileURLToPath(import.meta.url),
    fileURLToPath(new URL('../spec/postgres.ts', import.meta.url)),
    fileURLToPath(new URL('../spec/postgres-18.history.json', import.meta.url)),
    SCRIPTS,
  ],
  compression: 'fast',
  readInputs: (context) => readBaseInput(context, BASE),
  build: async (context) => {
    const inputs = join(context.workDir, 'inputs');
    await mkdir(inputs, { recursive: true });
    const { gosu } = await context.debs.fetch('forky', ['gosu']);
    await unpackDeb(gosu as string, join(context.workDir, 'gosu'));
    await copyFile(join(context.workDir, 'gosu', 'usr', 'sbin', 'gosu'), join(inputs, 'gosu'));
    for (const script of ['docker-entrypoint.sh', 'docker-ensure-initdb.sh'])
      await copyFile(join(SCRIPTS, script), join(inputs, script));
    const base = await unpackBase(context, BASE);
    const layers = await runSteps(
      base.root,
      postgresSteps().map((script) => ({ script, inputs })),
      {
        what: 'postgres:18',
        aptDir: join(context.workDir, 'apt'),
        maxMtime: Date.parse(POSTGRES_CREATED) / 1000,
      },
    );
    return {
      created: POSTGRES_CREATED,
      config: POSTGRES_CONFIG,
      history: [...base.history, ...POSTGRES_HISTORY],
      layers: [...base.layers, ...layers],
    };
  },
};
