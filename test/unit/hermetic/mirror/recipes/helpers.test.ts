import { describe, expect, it } from 'vitest';
import { listMissingHomes } from '../../../../../scripts/hermetic/mirror/recipes/busybox.ts';
import {
  guardCbqPrinter,
  renderBuildScript,
  renderConfigureScript,
} from '../../../../../scripts/hermetic/mirror/recipes/busybox-build.ts';
import {
  isExcludedFromTar,
  renderDebianSources,
  serialEpochOf,
} from '../../../../../scripts/hermetic/mirror/recipes/debian.ts';
import { bundleCertificates } from '../../../../../scripts/hermetic/mirror/recipes/registry-layers.ts';
import {
  foldComment,
  listOwners,
  matchesFindPath,
} from '../../../../../scripts/hermetic/mirror/recipes/slimify.ts';

describe('guardCbqPrinter', () => {
  it('compiles the CBQ printer only where the kernel headers still define CBQ', () => {
    const source =
      'a\nstatic int cbq_print_opt(struct rtattr *opt)\n{\n\tstruct x;\n\treturn 0;\n}\nb\n';
    expect(guardCbqPrinter(source)).toBe(
      'a\nstatic int cbq_print_opt(struct rtattr *opt)\n{\n#ifndef TCA_CBQ_MAX\n\t(void)opt;\n\treturn 0;\n#else\n\tstruct x;\n\treturn 0;\n#endif\n}\nb\n',
    );
    expect(guardCbqPrinter('no printer here')).toBe('no printer here');
  });
});

describe('busybox scripts', () => {
  it('sets the musl options (static) and checks each after oldconfig', () => {
    const script = renderConfigureScript('musl', '/build/busybox-musl');
    expect(script).toContain("grep -qx 'CONFIG_STATIC=y' .config");
    expect(script).toContain("! grep -q '^CONFIG_FEATURE_UTMP=' .config");
    expect(renderConfigureScript('glibc', '/b')).not.toContain('CONFIG_STATIC');
  });

  it('links musl static-pie and copies glibc libraries only for glibc', () => {
    expect(renderBuildScript('musl', '/b', 2)).toContain('CFLAGS_busybox=-static-pie');
    expect(renderBuildScript('musl', '/b', 2)).toContain('-o rootfs/bin/getconf getconf.c');
    expect(renderBuildScript('glibc', '/b', 2)).toContain('ln -s lib rootfs/lib64');
  });
});

describe('listMissingHomes', () => {
  it('creates each missing home once, owned by its user', () => {
    const passwd =
      'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nnobody:x:65534:65534:nobody:/home:/bin/false\n';
    expect(listMissingHomes(passwd, (path) => ['root', 'bin'].includes(path))).toEqual([
      { path: 'usr/sbin', uid: 1, gid: 1 },
      { path: 'home', uid: 65534, gid: 65534 },
    ]);
  });
});

describe('debian', () => {
  it('writes deb822 sources with the snapshot of the serial', () => {
    const sources = renderDebianSources('bookworm', 1789689600);
    expect(sources).toContain('# http://snapshot.debian.org/archive/debian/20260918T000000Z\n');
    expect(sources).toContain('Suites: bookworm bookworm-updates\n');
    expect(sources).toContain('Suites: bookworm-security\n');
  });

  it('leaves out what debuerreotype-tar leaves out, but keeps the folders', () => {
    expect(isExcludedFromTar('dev/null')).toBe(true);
    expect(isExcludedFromTar('dev')).toBe(false);
    expect(isExcludedFromTar('var/lib/apt/lists/lock')).toBe(true);
    expect(isExcludedFromTar('var/log/apt/history.log')).toBe(true);
    expect(isExcludedFromTar('etc/passwd')).toBe(false);
  });

  it('dates a serial at midnight UTC', () => {
    expect(serialEpochOf(Date.parse('2026-09-18T17:30:00Z'))).toBe(1789689600);
  });
});

describe('slimify helpers', () => {
  it('matches find -path patterns, where * crosses slashes', () => {
    expect(matchesFindPath('/usr/share/doc/*', '/usr/share/doc/bash/README')).toBe(true);
    expect(matchesFindPath('/usr/share/doc/*/copyright', '/usr/share/doc/bash/copyright')).toBe(
      true,
    );
    expect(
      matchesFindPath('/usr/share/locale/locale.alias', '/usr/share/locale/localeXalias'),
    ).toBe(false);
  });

  it('lists the owning packages of dpkg -S output once, sorted', () => {
    expect(listOwners('bash, coreutils: /usr/share/doc\nbash: /usr/share/doc/bash\n')).toBe(
      'bash coreutils',
    );
  });

  it('folds a comment at 76 columns on spaces', () => {
    const lines = foldComment(Array.from({ length: 30 }, () => 'word').join(' '));
    expect(lines.every((line) => line.length <= 80)).toBe(true);
    expect(lines[0]?.startsWith('#  word word')).toBe(true);
  });
});

describe('bundleCertificates', () => {
  it('joins PEM files, each ending in a newline', () => {
    expect(bundleCertificates(['A', 'B\n'])).toBe('A\nB\n');
  });
});
