// postgres:18 (PostgreSQL 18.6 on Debian 13 trixie), written from
// ../shared/fidelity/DOCKER-HUB-IMAGES-POSTGRES-PYTHON.md (the 19 Sep 2026 build). Remaining
// differences of the look-alike (recipes/postgres.ts), one line each:
// - PostgreSQL is Debian forky's 18.6-3 build of the same release, not PGDG's 18.6-1.pgdg13+2:
//   `postgres --version` ends in `(Debian 18.6-3)` (PG_VERSION keeps Docker Hub's value), and
//   the server log says `compiled by x86_64-linux-gnu-gcc (Debian 16.2.0-1) 16.2.0`;
// - postgresql-18 brings forky's glibc (2.43), OpenSSL, ICU 78 and LLVM 21 (JIT) into the
//   image, upgrading trixie's where it needs newer ones; postgresql-common is trixie's (278);
// - apt knows forky (pinned low, for postgresql-18-* extensions) where Hub's knows
//   apt.postgresql.org, and /usr/local/share/keyrings/ holds no PGDG key;
// - gosu 1.19 is Debian forky's build (another Go version in `gosu --version`);
// - `id postgres` lists the ssl-cert group with another gid than Hub's (UNCONFIRMED there);
// - the entrypoint scripts are this project's own, with the messages the specification quotes;
//   the old-layout error and the trust warning are worded here;
// - the base row of the history is our debian:trixie-slim's, dated by its serial;
// - the attestation holds one provenance statement, no SBOM.
import type { ContainerConfig } from '../oci/image.ts';
import type { FileSpec, ImageSpec } from './docker-hub.ts';
import { readHistoryRows } from './history-rows.ts';

export const PG_MAJOR = '18';
export const PG_RELEASE = '18.6';
/** Docker Hub's package version, which its Env names. */
export const PG_VERSION = '18.6-1.pgdg13+2';
export const GOSU_VERSION = '1.19';
export const PGDATA = `/var/lib/postgresql/${PG_MAJOR}/docker`;

export const POSTGRES_HISTORY = readHistoryRows(
  new URL('./postgres-18.history.json', import.meta.url),
);

export const POSTGRES_CREATED = '2026-09-19T00:36:15Z';

/** What `docker run postgres:18` prints without POSTGRES_PASSWORD, on stderr, exit 1. */
export const NO_PASSWORD_MESSAGE = [
  'Error: Database is uninitialized and superuser password is not specified.',
  '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
  '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
  '',
  '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
  '       connections without a password. This is *not* recommended.',
  '',
  '       See PostgreSQL documentation about "trust":',
  '       https://www.postgresql.org/docs/current/auth-trust.html',
  '',
].join('\n');

const FILES: readonly FileSpec[] = [
  { path: `usr/lib/postgresql/${PG_MAJOR}/bin/postgres`, type: 'file', mode: 0o755 },
  { path: `usr/lib/postgresql/${PG_MAJOR}/bin/initdb`, type: 'file', mode: 0o755 },
  { path: `usr/lib/postgresql/${PG_MAJOR}/bin/psql`, type: 'file', mode: 0o755 },
  { path: 'usr/local/bin/gosu', type: 'file', mode: 0o755, uid: 0, gid: 0 },
  { path: 'usr/local/bin/docker-entrypoint.sh', type: 'file', mode: 0o755, uid: 0, gid: 0 },
  { path: 'usr/local/bin/docker-ensure-initdb.sh', type: 'file', mode: 0o755, uid: 0, gid: 0 },
  {
    path: 'usr/local/bin/docker-enforce-initdb.sh',
    type: 'symlink',
    target: 'docker-ensure-initdb.sh',
  },
  { path: 'docker-entrypoint-initdb.d', type: 'dir', mode: 0o755, uid: 0, gid: 0 },
  { path: 'var/lib/postgresql', type: 'dir', mode: 0o1777, uid: 999, gid: 999 },
  // /var/run is a link to /run: the layer holds what `install -d /var/run/postgresql` made.
  { path: 'run/postgresql', type: 'dir', mode: 0o3777, uid: 999, gid: 999 },
  {
    path: `usr/share/postgresql/${PG_MAJOR}/postgresql.conf.sample`,
    type: 'symlink',
    target: '../postgresql.conf.sample',
  },
  { path: 'usr/share/postgresql/postgresql.conf.sample', type: 'file' },
  { path: 'usr/share/postgresql/postgresql.conf.sample.dpkg', type: 'file' },
  { path: 'usr/lib/locale/locale-archive', type: 'file' },
];

/** The image config's `config`, which the recipe writes. */
export const POSTGRES_CONFIG = {
  ExposedPorts: { '5432/tcp': {} },
  Env: [
    `PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/${PG_MAJOR}/bin`,
    `GOSU_VERSION=${GOSU_VERSION}`,
    'LANG=en_US.utf8',
    `PG_MAJOR=${PG_MAJOR}`,
    `PG_VERSION=${PG_VERSION}`,
    `PGDATA=${PGDATA}`,
  ],
  Entrypoint: ['docker-entrypoint.sh'],
  Cmd: ['postgres'],
  Volumes: { '/var/lib/postgresql': {} },
  StopSignal: 'SIGINT',
} satisfies ContainerConfig;

export const POSTGRES_18: ImageSpec = {
  repository: 'library/postgres',
  tags: ['18.6', '18', 'latest', '18.6-trixie', '18-trixie', 'trixie'],
  attestationLayers: 1,
  config: POSTGRES_CONFIG,

  created: POSTGRES_CREATED,
  history: [
    { created_by: /^# debian\.sh --arch 'amd64' out\/ 'trixie' '@\d+'$/ },
    ...POSTGRES_HISTORY,
  ],
  layers: 13,
  files: FILES,
  runs: [
    {
      args: ['postgres', '--version'],
      stdout: new RegExp(
        `^postgres \\(PostgreSQL\\) ${PG_RELEASE} \\(Debian ${PG_RELEASE}-[^)]+\\)\\n$`,
      ),
    },
    { args: [], stderr: NO_PASSWORD_MESSAGE, exitCode: 1 },
    {
      args: ['id', 'postgres'],
      stdout: /^uid=999\(postgres\) gid=999\(postgres\) groups=999\(postgres\)/,
    },
    {
      args: ['gosu', '--version'],
      stdout: new RegExp(`^${GOSU_VERSION.replace('.', '\\.')} \\(go`),
    },
    { args: ['locale', '-a'], stdout: /^en_US\.utf8$/m },
    {
      args: ['sh', '-c', 'command -v psql; command -v postgres'],
      stdout: `/usr/bin/psql\n/usr/lib/postgresql/${PG_MAJOR}/bin/postgres\n`,
    },
    { args: ['psql', '--version'], stdout: new RegExp(`^psql \\(PostgreSQL\\) ${PG_RELEASE} `) },
  ],
};
