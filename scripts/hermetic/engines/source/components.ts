// The Docker components built from upstream source, as data: where each comes from (tag,
// commit, archive and its checksum) and the `go build` of each binary, with the version stamps
// the upstream build scripts set, so that `docker version` reads as Docker's own builds do.
// Flags follow moby's hack/make.sh, hack/make/.binary and .go-autogen, docker/cli's
// scripts/build/.variables, and the Makefiles and Dockerfiles of containerd, runc, buildx and
// distribution at these tags (static builds: moby's Dockerfile builds them with DOCKER_STATIC=1).

/** One `go build` of a component. */
export type GoBinary = {
  /** Where it goes in an engine's bin/, e.g. `dockerd` or `cli-plugins/docker-buildx`. */
  name: string;
  /** The main package, relative to the source root: `./cmd/dockerd`. */
  package: string;
  tags: readonly string[];
  /** `-X` stamps and linker flags, each one argument of the linker (quoted for go). */
  ldflags: readonly string[];
  /** runc only: cgo (nsenter, libseccomp), linked static-pie against the build root's glibc. */
  cgo?: true;
};

export type UpstreamComponent = {
  name: string;
  version: string;
  /** `github.com/moby/moby`: the repository, and where its tag archives download from. */
  repository: string;
  tag: string;
  /** The commit the tag names; `git archive` writes it into the archive's pax header. */
  commit: string;
  /** The commit's date: every member of the archive carries it; builds stamp it. */
  committed: string;
  /** `git archive --prefix=<name>-<version>/ <tag> | xz -6`, as in the sources folder. */
  archive: { file: string; sha256: string };
  /** Module mode in the source root, or GOPATH mode at this import path (docker/cli). */
  gopath?: string;
  binaries: readonly GoBinary[];
};

/** What Docker Engine - Community's packages stamp as the platform of client and daemon. */
const PLATFORM = 'Docker Engine - Community';

/** Pure: `2026-08-05T18:24:27Z` as hack/make.sh writes BUILDTIME (`date --rfc-3339 ns`). */
export function toRfc3339Nanos(iso: string): string {
  return iso.replace(/Z$/, '.000000000+00:00');
}

/** Pure: the tag archive GitHub serves (its bytes differ from ours; its commit does not). */
export function downloadUrlOf(component: UpstreamComponent): string {
  return `https://${component.repository}/archive/refs/tags/${component.tag}.tar.gz`;
}

const commits = {
  moby: ['6a43e3d5afddf4111da0f864bbc7cae5d7e95001', '2026-08-05T18:24:27Z'],
  cli: ['a7dcaa6fdb6ed04aacbfdc76357fdae01605609e', '2026-08-05T17:34:15Z'],
  containerd: ['aad11006b869517fcd3009450b6f82da282e1a9b', '2026-07-09T23:58:25Z'],
  runc: ['bb14dabeb7185bb72c8c86735d090dcb20f36587', '2026-06-13T12:45:15Z'],
  buildx: ['1d8dde89b8aba914e05e45366770736fea1fd690', '2026-08-04T15:11:57Z'],
  distribution: ['9a8d98b679740cd514aa7e7d84d23d442a5ef54c', '2026-05-01T15:28:51Z'],
} as const;

const stamp = (variable: string, value: string) =>
  value.includes(' ') ? `-X '${variable}=${value}'` : `-X ${variable}=${value}`;

/** moby's daemon and proxy: hack/make/.binary with DOCKER_STATIC=1, the packages' stamps. */
const mobyBinary = (name: string, pkg: string): GoBinary => {
  const [commit, committed] = commits.moby;
  const v = 'github.com/moby/moby/v2/dockerversion';
  return {
    name,
    package: pkg,
    tags: ['netgo', 'osusergo', 'static_build', 'nri_no_wasm'],
    ldflags: [
      '-w',
      stamp(`${v}.Version`, '29.7.2'),
      // Docker's packages pass the short commit (DOCKER_GITCOMMIT), as `docker version` shows.
      stamp(`${v}.GitCommit`, commit.slice(0, 7)),
      stamp(`${v}.BuildTime`, toRfc3339Nanos(committed)),
      stamp(`${v}.PlatformName`, PLATFORM),
    ],
  };
};

export const MOBY: UpstreamComponent = {
  name: 'moby',
  version: '29.7.2',
  repository: 'github.com/moby/moby',
  tag: 'docker-v29.7.2',
  commit: commits.moby[0],
  committed: commits.moby[1],
  archive: {
    file: 'moby-29.7.2.tar.xz',
    sha256: 'e296090b7a6bc14f97d5f4ced5b2f8d3a324c585afa4b3ca0203f6181716dc4c',
  },
  binaries: [
    mobyBinary('dockerd', './cmd/dockerd'),
    mobyBinary('docker-proxy', './cmd/docker-proxy'),
  ],
};

export const CLI: UpstreamComponent = {
  name: 'cli',
  version: '29.7.2',
  repository: 'github.com/docker/cli',
  tag: 'v29.7.2',
  commit: commits.cli[0],
  committed: commits.cli[1],
  archive: {
    file: 'cli-29.7.2.tar.xz',
    sha256: '8dcb4ddd1eaae08f623d1eaf26c5c0bc31babc19c5089482b93ec0df59756800',
  },
  // No go.mod (vendor.mod instead): scripts/build/binary builds in GOPATH mode.
  gopath: 'github.com/docker/cli',
  binaries: [
    {
      name: 'docker',
      package: './cmd/docker',
      tags: ['grpcnotrace'],
      ldflags: [
        stamp('github.com/docker/cli/cli/version.GitCommit', commits.cli[0].slice(0, 7)),
        stamp('github.com/docker/cli/cli/version.BuildTime', commits.cli[1]),
        stamp('github.com/docker/cli/cli/version.Version', '29.7.2'),
        stamp('github.com/docker/cli/cli/version.PlatformName', PLATFORM),
      ],
    },
  ],
};

/** containerd's `make STATIC=1 binaries`, as moby's Dockerfile runs it (CGO_ENABLED=0). */
const containerdBinary = (name: string, pkg: string, extraTags: string[]): GoBinary => {
  const [commit] = commits.containerd;
  const v = 'github.com/containerd/containerd/v2/version';
  return {
    name,
    package: pkg,
    tags: ['urfave_cli_no_docs', 'osusergo', 'netgo', 'static_build', ...extraTags],
    ldflags: [
      stamp(`${v}.Version`, 'v2.3.3'),
      stamp(`${v}.Revision`, commit),
      stamp(`${v}.Package`, 'github.com/containerd/containerd/v2'),
      '-s',
      '-w',
      '-extldflags -static',
    ],
  };
};

export const CONTAINERD: UpstreamComponent = {
  name: 'containerd',
  version: '2.3.3',
  repository: 'github.com/containerd/containerd',
  tag: 'v2.3.3',
  commit: commits.containerd[0],
  committed: commits.containerd[1],
  archive: {
    file: 'containerd-2.3.3.tar.xz',
    sha256: '1113fbbfe6ef8c203274f9ddb289ec07aee63683f649c43a85dd3257d8d575f6',
  },
  binaries: [
    containerdBinary('containerd', './cmd/containerd', []),
    containerdBinary('containerd-shim-runc-v2', './cmd/containerd-shim-runc-v2', ['no_grpc']),
  ],
};

export const RUNC: UpstreamComponent = {
  name: 'runc',
  version: '1.4.3',
  repository: 'github.com/opencontainers/runc',
  tag: 'v1.4.3',
  commit: commits.runc[0],
  committed: commits.runc[1],
  archive: {
    file: 'runc-1.4.3.tar.xz',
    sha256: '32bb3e724f30dff20093999efe4378081a30d50860e8630a2278746b30666890',
  },
  binaries: [
    {
      // `make static`: static-pie with seccomp. The commit is `git describe --long` with the
      // eight-digit abbreviation Docker's builds print (`docker info`: v1.4.3-0-gbb14dabe).
      name: 'runc',
      package: '.',
      tags: ['seccomp', 'urfave_cli_no_docs', 'netgo', 'osusergo'],
      ldflags: [
        stamp('main.gitCommit', `v1.4.3-0-g${commits.runc[0].slice(0, 8)}`),
        '-linkmode external',
        '-extldflags -static-pie',
      ],
      cgo: true,
    },
  ],
};

export const BUILDX: UpstreamComponent = {
  name: 'buildx',
  version: '0.36.1',
  repository: 'github.com/docker/buildx',
  tag: 'v0.36.1',
  commit: commits.buildx[0],
  committed: commits.buildx[1],
  archive: {
    file: 'buildx-0.36.1.tar.xz',
    sha256: '18bb63b1c3e29ba1f4d2b00e6d382eea89b86740ef486ea8046181563a4a29fd',
  },
  binaries: [
    {
      name: 'cli-plugins/docker-buildx',
      package: './cmd/buildx',
      tags: [],
      ldflags: [
        '-s',
        '-w',
        stamp('github.com/docker/buildx/version.Version', 'v0.36.1'),
        stamp('github.com/docker/buildx/version.Revision', commits.buildx[0]),
        stamp('github.com/docker/buildx/version.Package', 'github.com/docker/buildx'),
      ],
    },
  ],
};

export const DISTRIBUTION: UpstreamComponent = {
  name: 'distribution',
  version: '3.1.1',
  repository: 'github.com/distribution/distribution',
  tag: 'v3.1.1',
  commit: commits.distribution[0],
  committed: commits.distribution[1],
  archive: {
    file: 'distribution-3.1.1.tar.xz',
    sha256: '3a258ad2fad41f06b28ed19a95680c6bf2f41091404de99616357b4e1e1b85f2',
  },
  binaries: [
    {
      // The release Dockerfile: the version without its `v`, so `registry --version` says 3.1.1.
      name: 'registry',
      package: './cmd/registry',
      tags: [],
      ldflags: [
        stamp('github.com/distribution/distribution/v3/version.version', '3.1.1'),
        stamp('github.com/distribution/distribution/v3/version.revision', commits.distribution[0]),
        stamp(
          'github.com/distribution/distribution/v3/version.mainpkg',
          'github.com/distribution/distribution/v3',
        ),
        '-s',
        '-w',
      ],
    },
  ],
};
