// registry:3 (tags 3, 3.1, 3.1.1, latest), what readers run today: five layers as on Docker
// Hub (a small base, CA certificates, /bin/registry, the config, the entrypoint), with
// distribution 3.1.1 built here from its tag archive (static, so no libc is needed). The base
// is busybox (musl, static); Docker Hub's is Alpine 3.24. Hub has since rebuilt these tags
// with 3.1.2; the dates and rows follow that build, the newest the specification saw, with the
// version this machine can build offline.
import { fileURLToPath } from 'node:url';
import { DISTRIBUTION } from '../../engines/source/components.ts';
import { ensureComponent, locateComponentBuild } from '../../engines/source/source-build.ts';
import { writeTar } from '../oci/tar.ts';
import { readTree } from '../oci/tree.ts';
import { buildBusyboxRootfs } from './busybox.ts';
import { DEFAULT_PATH, type ImageRecipe } from './recipe.ts';
import {
  REGISTRY_SOURCE_DIR,
  writeBinaryLayer,
  writeCertificatesLayer,
  writeConfigLayer,
  writeEntrypointLayer,
} from './registry-layers.ts';

/** The base image's rows (Alpine's) and the rest of the build, as Docker Hub dates them. */
export const REGISTRY_3_BASE_CREATED = '2026-09-17T20:37:20Z';
export const REGISTRY_3_CREATED = '2026-09-24T18:02:36Z';
const CERTIFICATES_CREATED = '2026-09-24T18:02:34Z';

/** The row of the step that put /bin/registry in Docker Hub's image (shortened). */
const VERSION = ['$', '{version}'].join('');
const INSTALL_ROW = `RUN /bin/sh -c set -eux; version='${DISTRIBUTION.version}'; wget -O registry.tar.gz "https://github.com/distribution/distribution/releases/download/v${VERSION}/registry_${VERSION}_linux_amd64.tar.gz"; tar --extract --verbose --file registry.tar.gz --directory /bin/ registry; rm registry.tar.gz; registry --version # buildkit`;

export const registry3: ImageRecipe = {
  id: 'registry-3',
  repository: 'library/registry',
  tags: ['3', '3.1', '3.1.1', 'latest'],
  sources: [
    fileURLToPath(import.meta.url),
    fileURLToPath(new URL('./registry-layers.ts', import.meta.url)),
    REGISTRY_SOURCE_DIR,
  ],
  // The binary's recipe (tag, commit, flags, toolchain), without building it.
  readInputs: async (context) => ({
    distribution: (await locateComponentBuild(context, DISTRIBUTION)).hash,
  }),
  build: async (context) => {
    const mtime = Date.parse(REGISTRY_3_CREATED) / 1000;
    const base = await readTree(await buildBusyboxRootfs(context, 'musl'), { maxMtime: mtime });
    const build = await ensureComponent(context, DISTRIBUTION);
    const layers = [
      writeTar(base),
      await writeCertificatesLayer(context, mtime),
      await writeBinaryLayer(build.binaries['registry'] as string, mtime),
      await writeConfigLayer('etc/distribution/config.yml', 'config-3.yml', mtime),
      await writeEntrypointLayer(mtime),
    ];
    const created = REGISTRY_3_CREATED;
    const buildkit = { created, comment: 'buildkit.dockerfile.v0' };
    const baseRow = { created: REGISTRY_3_BASE_CREATED, comment: 'buildkit.dockerfile.v0' };
    return {
      created,
      config: {
        Cmd: ['/etc/distribution/config.yml'],
        Entrypoint: ['/entrypoint.sh'],
        Env: [DEFAULT_PATH, 'OTEL_TRACES_EXPORTER=none'],
        WorkingDir: '/',
        ExposedPorts: { '5000/tcp': {} },
        Volumes: { '/var/lib/registry': {} },
      },
      history: [
        { ...baseRow, created_by: 'ADD alpine-minirootfs-3.24.2-x86_64.tar.gz / # buildkit' },
        { ...baseRow, created_by: 'CMD ["/bin/sh"]', empty_layer: true },
        {
          ...buildkit,
          created: CERTIFICATES_CREATED,
          created_by: 'RUN /bin/sh -c apk add --no-cache ca-certificates # buildkit',
        },
        { ...buildkit, created_by: INSTALL_ROW },
        {
          ...buildkit,
          created_by: 'COPY ./config-example.yml /etc/distribution/config.yml # buildkit',
        },
        { ...buildkit, created_by: 'ENV OTEL_TRACES_EXPORTER=none', empty_layer: true },
        { ...buildkit, created_by: 'VOLUME [/var/lib/registry]', empty_layer: true },
        { ...buildkit, created_by: 'EXPOSE map[5000/tcp:{}]', empty_layer: true },
        { ...buildkit, created_by: 'COPY entrypoint.sh /entrypoint.sh # buildkit' },
        { ...buildkit, created_by: 'ENTRYPOINT ["/entrypoint.sh"]', empty_layer: true },
        { ...buildkit, created_by: 'CMD ["/etc/distribution/config.yml"]', empty_layer: true },
      ],
      layers,
    };
  },
};
