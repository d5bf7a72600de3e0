import { describe, expect, it } from 'vitest';
import {
  CLI,
  CONTAINERD,
  MOBY,
  RUNC,
} from '../../../../../scripts/hermetic/engines/source/components.ts';
import {
  GOROOT,
  renderGoBuild,
  renderGoEnv,
  renderUnpack,
} from '../../../../../scripts/hermetic/engines/source/go-command.ts';

const [dockerd] = MOBY.binaries;
const [docker] = CLI.binaries;
const [runc] = RUNC.binaries;
if (!dockerd || !docker || !runc) throw new Error('components without binaries');

describe('renderGoBuild', () => {
  it("builds dockerd reproducibly with the stamps of Docker's packages", () => {
    expect(renderGoBuild(MOBY, dockerd)).toEqual([
      `${GOROOT}/bin/go`,
      'build',
      '-C',
      '/build/upstream/moby-29.7.2/src',
      '-trimpath',
      '-buildvcs=false',
      '-tags',
      'netgo osusergo static_build nri_no_wasm',
      '-ldflags',
      [
        '-buildid=',
        '-w',
        '-X github.com/moby/moby/v2/dockerversion.Version=29.7.2',
        '-X github.com/moby/moby/v2/dockerversion.GitCommit=6a43e3d',
        '-X github.com/moby/moby/v2/dockerversion.BuildTime=2026-08-05T18:24:27.000000000+00:00',
        "-X 'github.com/moby/moby/v2/dockerversion.PlatformName=Docker Engine - Community'",
      ].join(' '),
      '-o',
      '/build/upstream/moby-29.7.2/out/dockerd',
      './cmd/dockerd',
    ]);
  });

  it('builds the docker CLI where GOPATH mode finds it', () => {
    const args = renderGoBuild(CLI, docker);
    expect(args.slice(2, 4)).toEqual([
      '-C',
      '/build/upstream/cli-29.7.2/gopath/src/github.com/docker/cli',
    ]);
    expect(args.at(-1)).toBe('./cmd/docker');
  });

  it('builds runc as a static PIE with seccomp', () => {
    const args = renderGoBuild(RUNC, runc);
    expect(args).toContain('-buildmode=pie');
    expect(args[args.indexOf('-tags') + 1]).toBe('seccomp urfave_cli_no_docs netgo osusergo');
    expect(args[args.indexOf('-ldflags') + 1]).toBe(
      '-buildid= -X main.gitCommit=v1.4.3-0-gbb14dabe -linkmode external -extldflags -static-pie',
    );
  });
});

describe('renderGoEnv', () => {
  it('is offline, local-toolchain, vendored and without cgo in module mode', () => {
    const [containerd] = CONTAINERD.binaries;
    if (!containerd) throw new Error('containerd without binaries');
    expect(renderGoEnv(CONTAINERD, containerd)).toMatchObject({
      GOTOOLCHAIN: 'local',
      GOPROXY: 'off',
      GOFLAGS: '-mod=vendor',
      CGO_ENABLED: '0',
      GOCACHE: '/build/go-cache',
    });
  });

  it('uses GOPATH mode for the CLI, which has no go.mod', () => {
    const env = renderGoEnv(CLI, docker);
    expect(env).toMatchObject({
      GO111MODULE: 'off',
      GOPATH: '/build/upstream/cli-29.7.2/gopath',
    });
    expect(env['GOFLAGS']).toBeUndefined();
  });

  it('finds libseccomp through pkgconf for runc', () => {
    expect(renderGoEnv(RUNC, runc)).toMatchObject({
      CGO_ENABLED: '1',
      PKG_CONFIG: '/opt/build-helpers/usr/bin/pkgconf',
      PKG_CONFIG_PATH: '/opt/libseccomp/usr/lib/x86_64-linux-gnu/pkgconfig',
      PKG_CONFIG_SYSROOT_DIR: '/opt/libseccomp',
    });
  });
});

describe('renderUnpack', () => {
  it('unpacks an xz archive with the unpacked xz, without its top folder', () => {
    expect(renderUnpack(CLI, '/build/upstream/cli-29.7.2/cli-29.7.2.tar.xz')).toEqual([
      'tar',
      '--use-compress-program=/opt/build-helpers/usr/bin/xz',
      '-xf',
      '/build/upstream/cli-29.7.2/cli-29.7.2.tar.xz',
      '-C',
      '/build/upstream/cli-29.7.2/gopath/src/github.com/docker/cli',
      '--strip-components=1',
      '--no-same-owner',
    ]);
  });

  it("leaves a downloaded .tar.gz to tar's own gzip", () => {
    expect(renderUnpack(MOBY, '/build/upstream/moby-29.7.2/moby-29.7.2.tar.gz')[1]).toBe('-xf');
  });
});
