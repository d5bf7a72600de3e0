// What a reader observes of Docker Hub's official images on linux/amd64, written from
// ../shared/fidelity/DOCKER-HUB-IMAGES.md (late September 2026). The look-alikes follow this
// specification; test/docker/hermetic-fidelity.test.ts compares what the mirror serves with it.
// Digests, sizes and build dates that depend on the build are not part of it. The images of
// an application (postgres.ts, node.ts) have modules of their own, each listing what differs.
import { NODE_24_SLIM } from './node.ts';
import { POSTGRES_18 } from './postgres.ts';

const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** A file of a layer: what `tar -tv` shows of it. */
export type FileSpec = {
  path: string;
  type: 'file' | 'dir' | 'symlink' | 'hardlink';
  mode?: number;
  uid?: number;
  gid?: number;
  /** The target of a link. */
  target?: string;
  /** The exact content of a file. */
  content?: string;
};

/** distribution-library-image's entrypoint, the same for 2.8.3 and 3.x. */
export const REGISTRY_ENTRYPOINT =
  '#!/bin/sh\n\nset -e\n\ncase "$1" in\n    *.yaml|*.yml) set -- registry serve "$@" ;;\n    serve|garbage-collect|help|-*) set -- registry "$@" ;;\nesac\n\nexec "$@"\n';

/** registry:2.8.3's /etc/docker/registry/config.yml. */
export const REGISTRY_2_CONFIG = [
  'version: 0.1',
  'log:',
  '  fields:',
  '    service: registry',
  'storage:',
  '  cache:',
  '    blobdescriptor: inmemory',
  '  filesystem:',
  '    rootdirectory: /var/lib/registry',
  'http:',
  '  addr: :5000',
  '  headers:',
  '    X-Content-Type-Options: [nosniff]',
  'health:',
  '  storagedriver:',
  '    enabled: true',
  '    interval: 10s',
  '    threshold: 3',
  '',
].join('\n');

/** registry:3's /etc/distribution/config.yml (distribution-library-image's config-example.yml). */
export const REGISTRY_3_CONFIG = [
  'version: 0.1',
  'log:',
  '  level: debug',
  '  fields:',
  '    service: registry',
  '    environment: development',
  'storage:',
  '    delete:',
  '      enabled: true',
  '    cache:',
  '        blobdescriptor: inmemory',
  '    filesystem:',
  '        rootdirectory: /var/lib/registry',
  '    tag:',
  '      concurrencylimit: 5',
  'http:',
  '    addr: :5000',
  '    debug:',
  '        addr: :5001',
  '        prometheus:',
  '            enabled: true',
  '            path: /metrics',
  'health:',
  '  storagedriver:',
  '    enabled: true',
  '    interval: 10s',
  '    threshold: 3',
  '',
].join('\n');

export type HistorySpec = {
  created_by: string | RegExp;
  created?: string | RegExp;
  comment?: string | RegExp;
  empty_layer?: true;
};

/** A command a reader runs in a container of the image (`docker run --rm IMAGE ...args`). */
export type RunSpec = {
  args: readonly string[];
  /** What stdout must be (a string: exactly); absent: not compared. */
  stdout?: string | RegExp;
  /** What stderr must be; absent: empty. */
  stderr?: string | RegExp;
  /** Absent: 0. */
  exitCode?: number;
};

export type ImageSpec = {
  repository: string;
  tags: readonly string[];
  /** In-toto layers of the attestation manifest. */
  attestationLayers: number;
  /** The whole `config` object of the image config: keys absent here are absent there. */
  config: Record<string, unknown>;
  created?: string | RegExp;
  history: readonly HistorySpec[];
  layers: number;
  /** Checked in the last layer that holds each path. */
  files: readonly FileSpec[];
  busybox?: {
    linkage: { kind: 'dynamic'; interpreter: string } | { kind: 'static-pie' };
    /** File beside this module: the names `bin/` holds, one per line or space-separated. */
    applets: string;
    /** The binary holds this banner (BB_BANNER). */
    banner: string;
  };
  /** The file that must hold the exact bytes of hello-world's message (spec/hello-world-message.txt). */
  messageIn?: string;
  /** What containers of the image print: versions, users, the entrypoint's messages. */
  runs?: readonly RunSpec[];
};

const BUSYBOX_FILES: readonly FileSpec[] = [
  { path: 'bin/[', type: 'file', mode: 0o755, uid: 0, gid: 0 },
  { path: 'bin/busybox', type: 'hardlink', target: 'bin/[' },
  { path: 'bin/sh', type: 'hardlink', target: 'bin/[' },
  { path: 'etc/passwd', type: 'file', mode: 0o644 },
  { path: 'etc/group', type: 'file', mode: 0o644 },
  { path: 'etc/shadow', type: 'file', mode: 0o600 },
  { path: 'etc/localtime', type: 'file' },
  { path: 'etc/network/if-up.d', type: 'dir' },
  { path: 'home', type: 'dir', uid: 65534, gid: 65534 },
  { path: 'root', type: 'dir', mode: 0o700 },
  { path: 'tmp', type: 'dir', mode: 0o1777 },
  { path: 'usr/bin/env', type: 'symlink', target: '../../bin/env' },
  { path: 'usr/sbin', type: 'dir', uid: 1, gid: 1 },
  { path: 'var/spool/mail', type: 'dir', uid: 8, gid: 8 },
  { path: 'var/www', type: 'dir' },
  { path: 'dev', type: 'dir' },
];

const BUSYBOX_CREATED = '2026-05-13T02:21:49Z';
/** `busybox` prints it, then ` multi-call binary.`; the binary holds it as one string. */
const BANNER = 'BusyBox v1.38.0 (2026-05-13 02:21:49 UTC)';

const debianSlim = (suite: string, tags: readonly string[]): ImageSpec => ({
  repository: 'library/debian',
  tags,
  attestationLayers: 1,
  config: { Cmd: ['bash'], Entrypoint: [], Env: [PATH] },
  created: /^\d{4}-\d\d-\d\dT00:00:00Z$/,
  history: [
    {
      created_by: new RegExp(`^# debian\\.sh --arch 'amd64' out/ '${suite}' '@\\d+'$`),
      comment: /^debuerreotype \d+\.\d+/,
      created: /^\d{4}-\d\d-\d\dT00:00:00Z$/,
    },
  ],
  layers: 1,
  files: [
    { path: 'etc/apt/sources.list.d/debian.sources', type: 'file', mode: 0o644 },
    { path: 'etc/dpkg/dpkg.cfg.d/docker', type: 'file', mode: 0o644 },
    { path: 'etc/dpkg/dpkg.cfg.d/docker-apt-speedup', type: 'file', mode: 0o644 },
    { path: 'etc/apt/apt.conf.d/docker-clean', type: 'file' },
    { path: 'etc/apt/apt.conf.d/docker-autoremove-suggests', type: 'file' },
    { path: 'etc/apt/apt.conf.d/docker-gzip-indexes', type: 'file' },
    { path: 'etc/apt/apt.conf.d/docker-no-languages', type: 'file' },
    { path: 'usr/sbin/policy-rc.d', type: 'file', mode: 0o755 },
    { path: 'bin', type: 'symlink', target: 'usr/bin' },
    { path: 'usr/share/doc/bash/copyright', type: 'file' },
  ],
});

export const DOCKER_HUB_IMAGES: readonly ImageSpec[] = [
  {
    repository: 'library/hello-world',
    tags: ['latest'],
    attestationLayers: 1,
    config: { Cmd: ['/hello'], Env: [PATH], WorkingDir: '/' },
    created: '2026-03-23T21:33:59Z',
    history: [
      { created_by: 'COPY hello / # buildkit', comment: 'buildkit.dockerfile.v0' },
      { created_by: 'CMD ["/hello"]', comment: 'buildkit.dockerfile.v0', empty_layer: true },
    ],
    layers: 1,
    files: [{ path: 'hello', type: 'file', mode: 0o755, uid: 0, gid: 0 }],
    messageIn: 'hello',
  },
  {
    repository: 'library/busybox',
    tags: ['latest', 'glibc'],
    attestationLayers: 1,
    config: { Cmd: ['sh'], Env: [PATH] },
    created: BUSYBOX_CREATED,
    history: [{ created: BUSYBOX_CREATED, created_by: 'BusyBox 1.38.0 (glibc), Debian 13' }],
    layers: 1,
    files: [
      ...BUSYBOX_FILES,
      { path: 'bin/getconf', type: 'file' },
      { path: 'etc/nsswitch.conf', type: 'file' },
      { path: 'lib64', type: 'symlink', target: 'lib' },
      ...[
        'ld-linux-x86-64.so.2',
        'libc.so.6',
        'libm.so.6',
        'libnss_compat.so.2',
        'libnss_dns.so.2',
        'libnss_files.so.2',
        'libnss_hesiod.so.2',
        'libpthread.so.0',
        'libresolv.so.2',
      ].map((name) => ({ path: `lib/${name}`, type: 'file' as const })),
    ],
    busybox: {
      linkage: { kind: 'dynamic', interpreter: '/lib64/ld-linux-x86-64.so.2' },
      applets: 'busybox-glibc.applets',
      banner: BANNER,
    },
  },
  {
    repository: 'library/busybox',
    tags: ['musl'],
    attestationLayers: 1,
    config: { Cmd: ['sh'], Env: [PATH] },
    created: BUSYBOX_CREATED,
    history: [{ created: BUSYBOX_CREATED, created_by: 'BusyBox 1.38.0 (musl), Alpine 3.23.6' }],
    layers: 1,
    files: [...BUSYBOX_FILES, { path: 'bin/getconf', type: 'file' }],
    busybox: { linkage: { kind: 'static-pie' }, applets: 'busybox-musl.applets', banner: BANNER },
  },
  debianSlim('bookworm', ['bookworm-slim']),
  debianSlim('trixie', ['trixie-slim']),
  {
    repository: 'library/registry',
    tags: ['2', '2.8', '2.8.3'],
    attestationLayers: 1,
    config: {
      Cmd: ['/etc/docker/registry/config.yml'],
      Entrypoint: ['/entrypoint.sh'],
      Env: [PATH],
      WorkingDir: '/',
      ExposedPorts: { '5000/tcp': {} },
      Volumes: { '/var/lib/registry': {} },
    },
    created: '2023-10-02T18:42:41Z',
    history: [
      { created_by: /ADD file:[0-9a-f]+ in \/ $/ },
      { created_by: /CMD \["\/bin\/sh"\]$/, empty_layer: true },
      { created_by: /apk add --no-cache ca-certificates # buildkit$/ },
      { created_by: /version='2\.8\.3'.* # buildkit$/ },
      { created_by: 'COPY ./config-example.yml /etc/docker/registry/config.yml # buildkit' },
      { created_by: 'VOLUME [/var/lib/registry]', empty_layer: true },
      { created_by: 'EXPOSE map[5000/tcp:{}]', empty_layer: true },
      { created_by: 'COPY docker-entrypoint.sh /entrypoint.sh # buildkit' },
      { created_by: 'ENTRYPOINT ["/entrypoint.sh"]', empty_layer: true },
      { created_by: 'CMD ["/etc/docker/registry/config.yml"]', empty_layer: true },
    ].map((row) => ({ created: '2023-10-02T18:42:41Z', ...row }) as HistorySpec),
    layers: 5,
    files: [
      { path: 'bin/registry', type: 'file', mode: 0o755 },
      {
        path: 'etc/docker/registry/config.yml',
        type: 'file',
        mode: 0o644,
        content: REGISTRY_2_CONFIG,
      },
      { path: 'entrypoint.sh', type: 'file', mode: 0o755, content: REGISTRY_ENTRYPOINT },
      { path: 'etc/ssl/certs/ca-certificates.crt', type: 'file' },
    ],
  },
  {
    // Docker Hub's 3.1.2 build (RI c42e9ed5): Alpine's two rows, then the image's own. Hub's
    // attestation holds an SBOM and the provenance; the look-alikes write the provenance only.
    repository: 'library/registry',
    tags: ['3', '3.1', '3.1.1', 'latest'],
    attestationLayers: 1,
    config: {
      Cmd: ['/etc/distribution/config.yml'],
      Entrypoint: ['/entrypoint.sh'],
      Env: [PATH, 'OTEL_TRACES_EXPORTER=none'],
      WorkingDir: '/',
      ExposedPorts: { '5000/tcp': {} },
      Volumes: { '/var/lib/registry': {} },
    },
    created: '2026-09-24T18:02:36Z',
    history: [
      {
        created: '2026-09-17T20:37:20Z',
        created_by: /^ADD alpine-minirootfs-[\d.]+-x86_64\.tar\.gz \/ # buildkit$/,
      },
      { created: '2026-09-17T20:37:20Z', created_by: 'CMD ["/bin/sh"]', empty_layer: true },
      {
        created: '2026-09-24T18:02:34Z',
        created_by: /apk add --no-cache ca-certificates # buildkit$/,
      },
      { created_by: /version='3\.1\.\d+'.*registry --version # buildkit$/ },
      { created_by: 'COPY ./config-example.yml /etc/distribution/config.yml # buildkit' },
      { created_by: 'ENV OTEL_TRACES_EXPORTER=none', empty_layer: true },
      { created_by: 'VOLUME [/var/lib/registry]', empty_layer: true },
      { created_by: 'EXPOSE map[5000/tcp:{}]', empty_layer: true },
      { created_by: 'COPY entrypoint.sh /entrypoint.sh # buildkit' },
      { created_by: 'ENTRYPOINT ["/entrypoint.sh"]', empty_layer: true },
      { created_by: 'CMD ["/etc/distribution/config.yml"]', empty_layer: true },
    ].map(
      (row) =>
        ({
          created: '2026-09-24T18:02:36Z',
          comment: 'buildkit.dockerfile.v0',
          ...row,
        }) as HistorySpec,
    ),
    layers: 5,
    files: [
      { path: 'bin/registry', type: 'file', mode: 0o755 },
      {
        path: 'etc/distribution/config.yml',
        type: 'file',
        mode: 0o644,
        content: REGISTRY_3_CONFIG,
      },
      { path: 'entrypoint.sh', type: 'file', mode: 0o755, content: REGISTRY_ENTRYPOINT },
      { path: 'etc/ssl/certs/ca-certificates.crt', type: 'file' },
    ],
  },
  POSTGRES_18,
  NODE_24_SLIM,
];
