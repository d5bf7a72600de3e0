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
