// Pure: how busybox is configured and compiled in the build root, per variant, following
// docker-library's builders: `make defconfig`, their option changes, `busybox --install`.

export const BUSYBOX_VARIANTS = ['glibc', 'musl'] as const;
export type BusyboxVariant = (typeof BUSYBOX_VARIANTS)[number];

const SET_IN_EVERY_VARIANT = [
  'CONFIG_AR=y',
  'CONFIG_FEATURE_AR_CREATE=y',
  'CONFIG_FEATURE_AR_LONG_FILENAMES=y',
  'CONFIG_LAST_SUPPORTED_WCHAR=0',
  'CONFIG_INOTIFYD=y',
];

/** Options set or unset on top of defconfig, per variant. */
export const BUSYBOX_OPTIONS: Record<BusyboxVariant, { set: string[]; unset: string[] }> = {
  glibc: {
    set: SET_IN_EVERY_VARIANT,
    unset: ['CONFIG_FEATURE_SYNC_FANCY'],
  },
  musl: {
    set: [...SET_IN_EVERY_VARIANT, 'CONFIG_STATIC=y'],
    // The SHA1/SHA256 x86 instructions: off, as docker-library's musl build patches them out.
    unset: [
      'CONFIG_FEATURE_SYNC_FANCY',
      'CONFIG_FEATURE_HAVE_RPC',
      'CONFIG_FEATURE_INETD_RPC',
      'CONFIG_FEATURE_UTMP',
      'CONFIG_FEATURE_WTMP',
      'CONFIG_SHA1_HWACCEL',
      'CONFIG_SHA256_HWACCEL',
    ],
  },
};

/**
 * Pure: tc.c with its CBQ printer reduced to `return 0` where the kernel headers no longer
 * define CBQ (removed in Linux 6.3), instead of failing to compile.
 */
export function guardCbqPrinter(source: string): string {
  const signature = 'static int cbq_print_opt(struct rtattr *opt)\n{\n';
  const start = source.indexOf(signature);
  if (start < 0) return source;
  const end = source.indexOf('\n}\n', start);
  if (end < 0) return source;
  const body = source.slice(start + signature.length, end + 1);
  return `${source.slice(0, start)}${signature}#ifndef TCA_CBQ_MAX\n\t(void)opt;\n\treturn 0;\n#else\n${body}#endif\n${source.slice(end + 1)}`;
}

/** Pure: the script that unpacks the source and writes the config (in the build root). */
export function renderConfigureScript(variant: BusyboxVariant, dir: string): string {
  const { set, unset } = BUSYBOX_OPTIONS[variant];
  const make = variant === 'musl' ? 'make CC=musl-gcc' : 'make';
  return [
    `cd ${dir}`,
    'rm -rf src rootfs && mkdir src',
    'tar -xjf ../busybox.tar.bz2 -C src --strip-components 1',
    // SOURCE_DATE_EPOCH: the newest member of the release tarball (its top folder).
    'find src -mindepth 1 -exec stat -c %Y {} + | sort -n | tail -n 1 > epoch',
    'cd src',
    `${make} defconfig >/dev/null`,
    ...unset.map((name) => `sed -i 's/^${name}=.*/# ${name} is not set/' .config`),
    ...set.map((option) => {
      const name = option.split('=')[0];
      return `sed -i -e 's/^${name}=.*/${option}/' -e 's/^# ${name} is not set$/${option}/' .config && { grep -qx '${option}' .config || echo '${option}' >> .config; }`;
    }),
    `yes '' | ${make} oldconfig >/dev/null`,
    ...unset.map((name) => `! grep -q '^${name}=' .config`),
    ...set.map((option) => `grep -qx '${option}' .config`),
  ].join('\n');
}

/** Pure: the script that compiles and lays out rootfs/ (in the build root). */
export function renderBuildScript(variant: BusyboxVariant, dir: string, jobs: number): string {
  const make =
    variant === 'musl'
      ? // static-pie like Alpine's; the kernel headers come from linux-libc-dev.
        `make CC=musl-gcc EXTRA_CFLAGS='-isystem ${dir}/kernel-headers -fPIE' CFLAGS_busybox=-static-pie`
      : 'make';
  const glibcFiles = [
    'ln -L "$(command -v getconf)" rootfs/bin/getconf',
    'cp /etc/nsswitch.conf rootfs/etc/',
    'mkdir rootfs/lib && ln -s lib rootfs/lib64',
    // The libraries busybox and getconf load, libnss (DNS, users) and libpthread, with theirs.
    'set -- rootfs/bin/busybox rootfs/bin/getconf /usr/lib/x86_64-linux-gnu/libnss_*.so.* /usr/lib/x86_64-linux-gnu/libpthread.so.*',
    'while [ $# -gt 0 ]; do',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell, not a template
    '  file=$1; shift; name=${file##*/}',
    '  case $file in rootfs/*) ;; *)',
    '    [ -e "rootfs/lib/$name" ] && continue',
    '    case $name in ld-*) cp "$file" "rootfs/lib/$name" ;; *) ln -L "$file" "rootfs/lib/$name" ;; esac ;;',
    '  esac',
    '  set -- "$@" $(ldd "$file" | awk \'$1 ~ /^\\// { print $1 } $2 == "=>" && $3 ~ /^\\// { print $3 }\')',
    'done',
  ];
  // Our own getconf (images/busybox/getconf), as the musl image has one beside busybox.
  const muslFiles = [
    'musl-gcc -static-pie -fPIE -Os -Wall -o rootfs/bin/getconf getconf.c',
    'strip rootfs/bin/getconf',
  ];
  return [
    `cd ${dir}`,
    ...(variant === 'musl'
      ? [
          'mkdir -p kernel-headers',
          'for d in linux asm-generic mtd; do ln -sfn /usr/include/$d kernel-headers/$d; done',
          'ln -sfn /usr/include/x86_64-linux-gnu/asm kernel-headers/asm',
        ]
      : []),
    'cd src',
    `SOURCE_DATE_EPOCH=$(cat ../epoch) ${make} -j${jobs} busybox >../make.log 2>&1 || { tail -n 40 ../make.log; exit 1; }`,
    './busybox --help >/dev/null',
    'cd ..',
    'mkdir -p rootfs/bin rootfs/etc',
    'ln src/busybox rootfs/bin/busybox',
    ...(variant === 'glibc' ? glibcFiles : muslFiles),
    // `busybox --install /bin`, without the /proc it reads its own path from.
    'for applet in $(rootfs/bin/busybox --list); do [ -e "rootfs/bin/$applet" ] || ln rootfs/bin/busybox "rootfs/bin/$applet"; done',
    'ln -L /usr/share/zoneinfo/UTC rootfs/etc/localtime',
  ].join('\n');
}
