#!/usr/bin/env bash
# The reader's machine: runs as PID 1 of a sandbox's new PID, mount, network, UTS and IPC
# namespaces (started by sandbox.sh). Makes a throwaway root (an overlay of the cached root,
# with the scratch folder as its writable layer), pivots into it, and starts the leg's dockerd
# there, so the daemon and the page's shell see the same `/`: the reader's, never this machine's.
#   machine.sh SCRATCH
# Environment:
#   DFV_MACHINE_ROOT    the cached root (read-only lower layer)
#   DFV_ENGINE_FOLDERS  PATH=HOST: folders of the leg's binaries and where they show, each as a
#                       read-only overlay (no upper layer: not even a remount makes it writable)
#   DFV_ENGINE_LINKS    PATH=TARGET symlinks that install the engine where a reader has it
#   DFV_HOSTNAME        the machine's name
#   DFV_SESSION_PATH    where the session folder (SCRATCH/session) shows inside, read-only
#   DFV_STATE_PATH      a folder for the page's shell to write its state in
# Writes SCRATCH/init.out: `net` once the loopback is up (the relays may start), then
# `ready` once dockerd was started. Nothing of this machine stays reachable afterwards: no
# open folder, no working directory, no mount of the machine's own root.
set -eu
scratch=$1
root=$scratch/root

exec 3>"$scratch/init.out" 7>"$scratch/dockerd.log"
ip link set lo up
echo net >&3

mkdir -p "$root" "$scratch/upper" "$scratch/work" "$scratch/data"
mount -t overlay overlay \
  -o "lowerdir=$DFV_MACHINE_ROOT,upperdir=$scratch/upper,workdir=$scratch/work" "$root"

# The kernel's views, as this machine's namespaces see them: its processes, its interfaces.
mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
mount -t sysfs -o nosuid,nodev,noexec sysfs "$root/sys"
mount --rbind /sys/fs/cgroup "$root/sys/fs/cgroup"
# A /dev of its own with the few devices a shell and containers use: none of the disks.
mount -t tmpfs -o mode=0755,nosuid tmpfs "$root/dev"
for device in null zero full random urandom tty; do
  touch "$root/dev/$device"
  mount --bind "/dev/$device" "$root/dev/$device"
done
mkdir -p "$root/dev/pts" "$root/dev/shm" "$root/dev/mqueue"
mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$root/dev/pts"
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/dev/shm"
mount -t mqueue mqueue "$root/dev/mqueue"
ln -s pts/ptmx "$root/dev/ptmx"
ln -s /proc/self/fd "$root/dev/fd"
for stream in stdin:0 stdout:1 stderr:2; do ln -s "/proc/self/fd/${stream#*:}" "$root/dev/${stream%%:*}"; done
# The kernel's switches for the whole machine stay out of reach, as in a container.
for file in sysrq-trigger kcore; do
  [ -e "$root/proc/$file" ] && mount --bind /dev/null "$root/proc/$file"
done

mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs "$root/run"
mkdir -p "$root/run/lock" "$root$DFV_SESSION_PATH" "$root$DFV_STATE_PATH"
mount --bind "$scratch/session" "$root$DFV_SESSION_PATH"
mount -o remount,bind,ro "$root$DFV_SESSION_PATH"
mkdir -p "$root/var/lib/docker"
mount --bind "$scratch/data" "$root/var/lib/docker"

# An overlay needs two layers to be read-only without an upper one: the second is empty.
mkdir -p "$scratch/empty"
for folder in $DFV_ENGINE_FOLDERS; do
  mkdir -p "$root${folder%%=*}"
  mount -t overlay overlay -o "lowerdir=${folder#*=}:$scratch/empty" "$root${folder%%=*}"
done
for link in $DFV_ENGINE_LINKS; do
  mkdir -p "$root$(dirname "${link%%=*}")"
  ln -sfn "${link#*=}" "$root${link%%=*}"
done

hostname "$DFV_HOSTNAME"
echo "$DFV_HOSTNAME" >"$root/etc/hostname"
printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n127.0.1.1\t%s\n' \
  "$DFV_HOSTNAME" >"$root/etc/hosts"
# This machine's resolvers, or the ones the sandbox needs instead (prepare-scratch.ts: a
# loopback resolver is out of reach, slirp4netns's is not).
if [ -f "$scratch/resolv.conf" ]; then
  cat "$scratch/resolv.conf" >"$root/etc/resolv.conf"
elif [ -f /etc/resolv.conf ]; then
  cat /etc/resolv.conf >"$root/etc/resolv.conf"
fi
mkdir -p "$root/etc/docker"
cp "$scratch/daemon.json" "$root/etc/docker/daemon.json"
# A fifo opened for reading and writing never delivers end of file: PID 1 waits on it below.
mkfifo "$scratch/pid1.fifo"
exec 8<>"$scratch/pid1.fifo"
rm "$scratch/pid1.fifo"

cd "$root"
mkdir -p .machine-old-root
pivot_root . .machine-old-root
cd /
umount -l /.machine-old-root
rmdir /.machine-old-root

export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
dockerd >&7 2>&7 </dev/null 3>&- 7>&- 8>&- &
echo ready >&3
exec 3>&- 7>&-
# PID 1 of the machine, as `ps` shows it: it only reaps orphans (bash does so on SIGCHLD)
# while it waits on the fifo, and the kernel keeps signals from inside away from it.
exec -a /sbin/init bash -s <<'EOF'
trap '' TERM INT HUP
while :; do read -r -t 3600 -u 8 _ || :; done
EOF
