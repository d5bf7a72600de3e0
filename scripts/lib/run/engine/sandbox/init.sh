#!/usr/bin/env bash
# Runs inside a sandbox's new mount and network namespaces (started by sandbox.sh). Gives it
# a private /run, so /var/run/docker.sock there is the sandbox daemon's; brings its loopback
# up (its only interface); starts the relays (relay.ts) and dockerd; then stays as the holder
# whose namespaces page commands are nsentered into.
#   init.sh SCRATCH
# Environment: DFV_NODE (node binary), DFV_RELAY_ARGS (READY_FILE PORT=SOCKET...), and the
# proxy variables dockerd is to see.
set -eu
scratch=$1
here=$(cd "$(dirname "$0")" && pwd)

mount -t tmpfs -o mode=0755 tmpfs /run
mkdir -p /run/lock
ip link set lo up

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
  "$here/relay.ts" $DFV_RELAY_ARGS >"$scratch/relay.log" 2>&1 </dev/null &
dockerd --config-file "$scratch/daemon.json" >"$scratch/dockerd.log" 2>&1 </dev/null &
dockerd=$!

# The line sandbox.sh and the verifier read: who to nsenter into, what to wait for and which
# namespaces mark the sandbox's processes. Renamed into place so no reader sees half of it.
echo "$$ $dockerd $(readlink /proc/$$/ns/net) $(readlink /proc/$$/ns/mnt)" >"$scratch/holder.tmp"
mv "$scratch/holder.tmp" "$scratch/holder"
# Not `exec sleep`: this shell stays the parent of dockerd and the relay, to reap them, so
# "dockerd exited" shows as a gone process rather than a zombie.
sleep infinity >/dev/null 2>&1 &
wait
