import { describe, expect, it } from 'vitest';
import { BUSYBOX_SETTINGS } from '../../../scripts/hermetic/busybox-binary.ts';
import { applyKconfigSettings, findUnappliedSettings } from '../../../scripts/hermetic/kconfig.ts';

// Lines as busybox's `make defconfig` writes them.
const defconfig = [
  '#',
  '# Build Options',
  '#',
  '# CONFIG_STATIC is not set',
  'CONFIG_STATIC_LIBGCC=y',
  'CONFIG_FEATURE_SH_EXTRA_QUIET=y',
  'CONFIG_EXTRA_CFLAGS=""',
  '',
].join('\n');

describe('applyKconfigSettings', () => {
  it('turns on an option that defconfig leaves off, and only that one', () => {
    expect(applyKconfigSettings(defconfig, BUSYBOX_SETTINGS)).toMatchInlineSnapshot(`
      "#
      # Build Options
      #
      CONFIG_STATIC=y
      CONFIG_STATIC_LIBGCC=y
      CONFIG_FEATURE_SH_EXTRA_QUIET=y
      CONFIG_EXTRA_CFLAGS=""
      "
    `);
  });

  it('replaces a set value, and appends an option the file lacks', () => {
    const config = 'CONFIG_EXTRA_CFLAGS=""\nCONFIG_FEATURE_SH_EXTRA_QUIET=n';
    expect(
      applyKconfigSettings(config, {
        CONFIG_EXTRA_CFLAGS: '"-Os"',
        CONFIG_FEATURE_SH_EXTRA_QUIET: 'y',
        CONFIG_STATIC: 'y',
      }),
    ).toBe('CONFIG_EXTRA_CFLAGS="-Os"\nCONFIG_FEATURE_SH_EXTRA_QUIET=y\nCONFIG_STATIC=y\n');
  });

  it('never matches an option by a prefix of its name', () => {
    expect(applyKconfigSettings('CONFIG_STATIC_LIBGCC=y\n', { CONFIG_STATIC: 'y' })).toBe(
      'CONFIG_STATIC_LIBGCC=y\nCONFIG_STATIC=y\n',
    );
  });
});

describe('findUnappliedSettings', () => {
  it('names the options a config does not hold as asked', () => {
    expect(findUnappliedSettings(defconfig, BUSYBOX_SETTINGS)).toEqual(['CONFIG_STATIC']);
    expect(
      findUnappliedSettings(applyKconfigSettings(defconfig, BUSYBOX_SETTINGS), BUSYBOX_SETTINGS),
    ).toEqual([]);
  });
});
