// Pure: the `go build` of one binary, as argv and environment for the build root (a chroot):
// the toolchain and libseccomp unpacked there, offline, vendored dependencies, reproducible
// output (-trimpath, no build ID, no VCS stamp; time stamps come from the commit date).
import type { GoBinary, UpstreamComponent } from './components.ts';

/** Where things are inside the build root; source-build.ts puts them there. */
export const ROOT_PATHS = {
  /** golang-1.26-go and golang-1.26-src unpacked: GOROOT is `<toolchain>/usr/lib/go-1.26`. */
  toolchain: '/opt/go',
  /** libseccomp-dev unpacked (runc's static link), found through pkg-config. */
  libseccomp: '/opt/libseccomp',
  /** xz-utils and pkgconf of the build root's suite, unpacked: the root has neither. */
  helpers: '/opt/build-helpers',
  /** Go's build cache: the cache's own folder, mounted here (source-build.ts). */
  goCache: '/build/go-cache',
  /** A component's work folder: `<upstream>/<name>-<version>/`. */
  upstream: '/build/upstream',
} as const;

export const GOROOT = `${ROOT_PATHS.toolchain}/usr/lib/go-1.26`;

/** Pure: the folder a component's sources are unpacked into, inside the build root. */
export function workDirOf(component: UpstreamComponent): string {
  return `${ROOT_PATHS.upstream}/${component.name}-${component.version}`;
}

/** Pure: where `go build` runs: the source root, or its place in GOPATH (docker/cli). */
export function sourceDirOf(component: UpstreamComponent): string {
  const work = workDirOf(component);
  return component.gopath ? `${work}/gopath/src/${component.gopath}` : `${work}/src`;
}

/** Pure: where a binary is written inside the build root before it moves to the cache. */
export function outputPathOf(component: UpstreamComponent, binary: GoBinary): string {
  return `${workDirOf(component)}/out/${binary.name}`;
}

/** Pure: tar's arguments that unpack a tag archive (`.tar.xz` or `.tar.gz`) into the sources. */
export function renderUnpack(component: UpstreamComponent, archiveInRoot: string): string[] {
  const xz = archiveInRoot.endsWith('.xz')
    ? [`--use-compress-program=${ROOT_PATHS.helpers}/usr/bin/xz`]
    : [];
  return [
    'tar',
    ...xz,
    '-xf',
    archiveInRoot,
    '-C',
    sourceDirOf(component),
    '--strip-components=1',
    '--no-same-owner',
  ];
}

/** Pure: `go build` and its arguments, run as is (no shell). */
export function renderGoBuild(component: UpstreamComponent, binary: GoBinary): string[] {
  return [
    `${GOROOT}/bin/go`,
    'build',
    '-C',
    sourceDirOf(component),
    '-trimpath',
    '-buildvcs=false',
    ...(binary.cgo ? ['-buildmode=pie'] : []),
    '-tags',
    binary.tags.join(' '),
    '-ldflags',
    ['-buildid=', ...binary.ldflags].join(' '),
    '-o',
    outputPathOf(component, binary),
    binary.package,
  ];
}

/** Pure: the whole environment of `go build` (nothing of the machine's leaks in). */
export function renderGoEnv(
  component: UpstreamComponent,
  binary: GoBinary,
): Record<string, string> {
  const env: Record<string, string> = {
    PATH: `${GOROOT}/bin:/usr/bin:/bin`,
    HOME: '/root',
    LC_ALL: 'C.UTF-8',
    GOROOT,
    GOTOOLCHAIN: 'local',
    GOPROXY: 'off',
    GOTELEMETRY: 'off',
    GOCACHE: ROOT_PATHS.goCache,
    GOPATH: component.gopath ? `${workDirOf(component)}/gopath` : `${workDirOf(component)}/go`,
    GOOS: 'linux',
    GOARCH: 'amd64',
    CGO_ENABLED: binary.cgo ? '1' : '0',
  };
  if (component.gopath) {
    // GOPATH mode reads vendor/ by itself; -mod is a module-mode flag.
    env['GO111MODULE'] = 'off';
  } else {
    env['GOFLAGS'] = '-mod=vendor';
  }
  if (binary.cgo) {
    env['PKG_CONFIG'] = `${ROOT_PATHS.helpers}/usr/bin/pkgconf`;
    env['LD_LIBRARY_PATH'] = `${ROOT_PATHS.helpers}/usr/lib/x86_64-linux-gnu`;
    env['PKG_CONFIG_PATH'] = `${ROOT_PATHS.libseccomp}/usr/lib/x86_64-linux-gnu/pkgconfig`;
    env['PKG_CONFIG_SYSROOT_DIR'] = ROOT_PATHS.libseccomp;
  }
  return env;
}
