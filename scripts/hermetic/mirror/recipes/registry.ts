// registry:2, the frozen 2.8.3 image: five layers as on Docker Hub (a small base, CA
// certificates, /bin/registry, the config, the entrypoint), with distribution 2.8.3 from
// forky's docker-registry. That binary links glibc, so the base is busybox (musl, static)
// plus glibc's loader and libc.so.6 from forky; Docker Hub's base is Alpine 3.18.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unpackDeb } from '../../plumbing/debs.ts';
import { ensureTool } from '../../plumbing/tools.ts';
import { digestOf } from '../oci/digest.ts';
import { writeTar } from '../oci/tar.ts';
import { readTree } from '../oci/tree.ts';
import { registryBinaryOf } from '../registry.ts';
import { buildBusyboxRootfs } from './busybox.ts';
import { DEFAULT_PATH, type ImageRecipe } from './recipe.ts';
import {
  dirEntry,
  fileEntry,
  REGISTRY_SOURCE_DIR,
  writeBinaryLayer,
  writeCertificatesLayer,
  writeConfigLayer,
  writeEntrypointLayer,
} from './registry-layers.ts';

/** Every history row of Docker Hub's registry:2.8.3 carries this date. */
export const REGISTRY_2_CREATED = '2023-10-02T18:42:41Z';

const MULTIARCH = 'usr/lib/x86_64-linux-gnu';

/** The row of the step that put /bin/registry in Docker Hub's image (shortened). */
const VERSION = ['$', '{version}'].join('');
const INSTALL_ROW = `RUN /bin/sh -c set -eux; version='2.8.3'; wget -O registry.tar.gz "https://github.com/distribution/distribution/releases/download/v${VERSION}/registry_${VERSION}_linux_amd64.tar.gz"; tar --extract --verbose --file registry.tar.gz --directory /bin/ registry; rm registry.tar.gz; registry --version # buildkit`;

export const registry2: ImageRecipe = {
  id: 'registry-2',
  repository: 'library/registry',
  tags: ['2', '2.8', '2.8.3'],
  sources: [
    fileURLToPath(import.meta.url),
    fileURLToPath(new URL('./registry-layers.ts', import.meta.url)),
    REGISTRY_SOURCE_DIR,
  ],
  build: async (context) => {
    const mtime = Date.parse(REGISTRY_2_CREATED) / 1000;
    const base = await readTree(await buildBusyboxRootfs(context, 'musl'), { maxMtime: mtime });
    const glibc = await context.debs.fetch('forky', ['libc6']);
    const unpacked = join(context.workDir, 'debs');
    await unpackDeb(glibc['libc6'] as string, join(unpacked, 'libc6'));
    const libs = [];
    for (const name of ['ld-linux-x86-64.so.2', 'libc.so.6']) {
      const content = await readFile(join(unpacked, 'libc6', MULTIARCH, name));
      libs.push(fileEntry(`lib/${name}`, content, 0o755, mtime));
    }
    const layer1 = writeTar(
      [
        ...base,
        dirEntry('lib', mtime),
        ...libs,
        {
          type: 'symlink' as const,
          path: 'lib64',
          target: 'lib',
          mode: 0o777,
          uid: 0,
          gid: 0,
          mtime,
        },
      ].sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path))),
    );
    const binary = registryBinaryOf(await ensureTool(context.paths, context.debs, 'registry'));
    const layers = [
      layer1,
      await writeCertificatesLayer(context, mtime),
      await writeBinaryLayer(binary, mtime),
      await writeConfigLayer('etc/docker/registry/config.yml', 'config.yml', mtime),
      await writeEntrypointLayer(mtime),
    ];
    const created = REGISTRY_2_CREATED;
    const buildkit = { created, comment: 'buildkit.dockerfile.v0' };
    return {
      created,
      config: {
        Cmd: ['/etc/docker/registry/config.yml'],
        Entrypoint: ['/entrypoint.sh'],
        Env: [DEFAULT_PATH],
        WorkingDir: '/',
        ExposedPorts: { '5000/tcp': {} },
        Volumes: { '/var/lib/registry': {} },
      },
      history: [
        { created, created_by: `/bin/sh -c #(nop) ADD file:${digestOf(layer1).slice(7)} in / ` },
        { created, created_by: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', empty_layer: true },
        { ...buildkit, created_by: 'RUN /bin/sh -c apk add --no-cache ca-certificates # buildkit' },
        {
          ...buildkit,
          created_by: INSTALL_ROW,
        },
        {
          ...buildkit,
          created_by: 'COPY ./config-example.yml /etc/docker/registry/config.yml # buildkit',
        },
        { ...buildkit, created_by: 'VOLUME [/var/lib/registry]', empty_layer: true },
        { ...buildkit, created_by: 'EXPOSE map[5000/tcp:{}]', empty_layer: true },
        { ...buildkit, created_by: 'COPY docker-entrypoint.sh /entrypoint.sh # buildkit' },
        { ...buildkit, created_by: 'ENTRYPOINT ["/entrypoint.sh"]', empty_layer: true },
        { ...buildkit, created_by: 'CMD ["/etc/docker/registry/config.yml"]', empty_layer: true },
      ],
      layers,
    };
  },
};
