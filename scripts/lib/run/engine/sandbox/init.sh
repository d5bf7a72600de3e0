#!/usr/bin/env bash
# Runs inside a sandbox's new mount and network namespaces (started by sandbox.sh). Gives it
# a private /run, so /var/run/docker.sock there is the sandbox daemon's; brings its loopback
# up (sandbox.sh then adds the egress interface, egress.sh); starts the relays (relay.ts) and
# dockerd; then stays as the holder whose namespaces page commands are nsentered into.
#   init.sh SCRATCH
# Environment: DFV_NODE (node binary), DFV_RELAY (relay.ts, or relay.js in a built package),
# DFV_RELAY_ARGS (READY_FILE PORT=SOCKET...), and the
# proxy variables dockerd is to see.
set -eu
scratch=$1

mount -t tmpfs -o mode=0755 tmpfs /run
mkdir -p /run/lock
ip link set lo up

# The resolver the sandbox needs (prepare-scratch.ts), where the host's is on loopback or in
# /run (systemd-resolved), which the sandbox does not share.
if [ -f "$scratch/resolv.conf" ]; then
  resolv=$(readlink -m /etc/resolv.conf)
  case $resolv in
  /run/* | /var/run/*)
    mkdir -p "$(dirname "$resolv")"
    cp "$scratch/resolv.conf" "$resolv"
    ;;
  *) mount --bind "$scratch/resolv.conf" "$resolv" ;;
  esac
fi

# The daemon keeps its state where a reader's does, /var/lib/docker, so paths it prints
# (volume mount points, `docker info`) are the reader's. It exists only in this mount
# namespace, backed by the scratch folder. Where the machine has no /var/lib/docker, a
# writable layer over /var/lib (in this namespace only) makes room for it; where that is
# impossible, the data root stays in the scratch folder (the verifier maps it back).
data_root="$scratch/data"
mkdir -p "$data_root"
if [ ! -d /var/lib/docker ]; then
  mkdir -p "$scratch/var-lib/upper" "$scratch/var-lib/work"
  mount -t overlay overlay \
    -o "lowerdir=/var/lib,upperdir=$scratch/var-lib/upper,workdir=$scratch/var-lib/work" \
    /var/lib 2>/dev/null && mkdir -p /var/lib/docker
fi
if [ -d /var/lib/docker ] && mount --bind "$data_root" /var/lib/docker 2>/dev/null; then
  data_root=/var/lib/docker
fi

# A reader's Docker gives its socket to the docker group (`ls -l /var/run/docker.sock` shows
# `root docker`); dockerd falls back to root where the group does not exist. A machine
# without one gets it in the sandbox's own view of /etc/group, with a free system gid.
if ! grep -q '^docker:' /etc/group; then
  gid=999
  while cut -d: -f3 /etc/group | grep -qx "$gid"; do gid=$((gid - 1)); done
  { cat /etc/group; echo "docker:x:$gid:"; } >"$scratch/group"
  mount --bind "$scratch/group" /etc/group
fi

# shellcheck disable=SC2086 # DFV_RELAY_ARGS is a list of words by design.
"$DFV_NODE" --experimental-strip-types --disable-warning=ExperimentalWarning \
  "$DFV_RELAY" $DFV_RELAY_ARGS >"$scratch/relay.log" 2>&1 </dev/null &
dockerd --config-file "$scratch/daemon.json" --data-root "$data_root" >"$scratch/dockerd.log" 2>&1 </dev/null &
dockerd=$!

# The line sandbox.sh and the verifier read: who to nsenter into, what to wait for and which
# namespaces mark the sandbox's processes. Renamed into place so no reader sees half of it.
echo "$$ $dockerd $(readlink /proc/$$/ns/net) $(readlink /proc/$$/ns/mnt) $data_root" >"$scratch/holder.tmp"
mv "$scratch/holder.tmp" "$scratch/holder"
# Not `exec sleep`: this shell stays the parent of dockerd and the relay, to reap them, so
# "dockerd exited" shows as a gone process rather than a zombie.
sleep infinity >/dev/null 2>&1 &
wait
