#!/usr/bin/env bash
# One build step of a look-alike, as a Dockerfile's RUN runs it: a shell script in the image's
# root as root, with /proc, /dev, and the host's resolver and network
# (apt and npm reach their registries). Run by run-steps.ts under `unshare --mount`, so every
# mount here ends with the step and the machine's own mounts never change.
#   chroot-step.sh ROOT SCRIPT
# Environment: STEP_APT, a folder of the build whose lists/ and cache/ stand in for the root's
# /var/lib/apt/lists and /var/cache/apt (fetched and parsed once per build, never part of a
# layer), with apt.conf (run-steps.ts); STEP_INPUTS, a folder shown read-only at /mnt.
set -eu
root=$1 script=$2

mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
apt_config=''
if [ -n "${STEP_APT:-}" ]; then
  mount --bind "$STEP_APT/lists" "$root/var/lib/apt/lists"
  mount --bind "$STEP_APT/cache" "$root/var/cache/apt"
  apt_config=/var/cache/apt/apt.conf
fi
if [ -n "${STEP_INPUTS:-}" ]; then
  mount --bind -o ro "$STEP_INPUTS" "$root/mnt"
fi
# The mount point is removed afterwards: a root without a resolv.conf keeps none.
had_resolv=1
[ -e "$root/etc/resolv.conf" ] || { had_resolv=0; touch "$root/etc/resolv.conf"; }
mount --bind /etc/resolv.conf "$root/etc/resolv.conf"

status=0
chroot "$root" /usr/bin/env -i \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
  DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 ${apt_config:+APT_CONFIG=$apt_config} \
  /bin/sh -euxc "$script" || status=$?

umount "$root/etc/resolv.conf"
[ "$had_resolv" = 1 ] || rm -f "$root/etc/resolv.conf"
exit "$status"
