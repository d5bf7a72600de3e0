#!/usr/bin/env bash
# One sandbox, from the host's side. Started detached by start-sandbox.ts.
#   sandbox.sh run SCRATCH CGROUP       starts init.sh in new mount + network namespaces, waits
#                                        until standard input closes (the verifier disposed of
#                                        the page, or died) or the namespaces end, then tears
#                                        the sandbox down: a killed verifier leaves nothing.
#   sandbox.sh teardown SCRATCH CGROUP  the teardown alone; idempotent.
# Teardown reports what it could not remove on stderr, one line each, and exits 0 anyway.
set -u
mode=$1 scratch=$2 cgroup=$3
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=egress.sh
. "$here/egress.sh"

# Teardown runs with stderr silenced, so the shell's own "Killed" notices for the jobs it
# kills stay out of the verifier's log; messages meant for it go to fd 4.
exec 4>&2
log() { echo "sandbox ${cgroup#/}: $*" >&4; }

# The sandbox's namespaces as net:[inode] and mnt:[inode], and the pins that keep them
# that way: an inode is reused as soon as its namespace is freed, possibly by a sandbox
# starting beside this one, so processes are matched by namespace only while fds 5 and 6
# hold both open. Empty when they could not be pinned: then only cgroups are searched.
netns='' mntns='' namespaces=''
pin_namespaces() {
  [ -n "$netns" ] && return 0
  local pid='' net='' mnt=''
  if [ -r "$scratch/holder" ]; then
    read -r pid _ net mnt _ <"$scratch/holder"
  else
    pid=$namespaces # unshare lives in the namespaces it made.
  fi
  [ -n "$pid" ] || return 1
  exec 5<"/proc/$pid/ns/net" 6<"/proc/$pid/ns/mnt" || return 1
  local pinned_net pinned_mnt
  pinned_net=$(readlink /proc/self/fd/5) pinned_mnt=$(readlink /proc/self/fd/6)
  # A reused pid, or unshare caught before it unshared: not the sandbox's namespaces.
  if [ "$pinned_net" = "$(readlink /proc/$$/ns/net)" ] || [ "$pinned_mnt" = "$(readlink /proc/$$/ns/mnt)" ] ||
    [ "${net:-$pinned_net}" != "$pinned_net" ] || [ "${mnt:-$pinned_mnt}" != "$pinned_mnt" ]; then
    exec 5<&- 6<&-
    return 1
  fi
  netns=$pinned_net mntns=$pinned_mnt
}

unpin_namespaces() {
  [ -n "$netns" ] && exec 5<&- 6<&-
  netns='' mntns=''
}

# cgroup v2 has one tree, v1 one per controller (a joined cpu,cpuacct shows up twice).
cgroup_dirs() {
  local dir name=${cgroup#/}
  for dir in "/sys/fs/cgroup/$name" /sys/fs/cgroup/*/"$name"; do
    [ -d "$dir" ] && echo "$dir"
  done
}

# Container processes: they have namespaces of their own, but live in the sandbox's cgroups.
cgroup_pids() {
  local dir
  for dir in $(cgroup_dirs); do
    find "$dir" -name cgroup.procs -exec cat {} + 2>/dev/null
  done | sort -u
}

# The daemon, containerd, shims, relays and page commands: in the sandbox's namespaces.
# `?` stands for the brackets of net:[inode], which -lname would read as a glob class.
namespace_pids() {
  [ -n "$netns" ] && [ -n "$mntns" ] || return 0
  local net="${netns//[\[\]]/?}" mnt="${mntns//[\[\]]/?}"
  find /proc/[0-9]*/ns -maxdepth 1 \( -name net -lname "$net" -o -name mnt -lname "$mnt" \) \
    2>/dev/null | cut -d/ -f3 | sort -u
}

teardown() {
  # The verifier reads our stderr while it lives; once it is gone, a log line must not end
  # the teardown with SIGPIPE. Set here, not at the top, so the sandbox does not inherit it.
  trap '' PIPE
  pin_namespaces || log "namespaces not pinned: processes are found by cgroup only"
  stop_egress
  local pids round
  # Killed, not stopped: the sandbox's state goes away with its namespaces, and a graceful
  # dockerd shutdown (1.5 s, plus up to 10 s per running container) would protect nothing.
  for round in $(seq 100); do
    pids=$( (cgroup_pids; namespace_pids) | sort -u)
    [ -z "$pids" ] && break
    kill -KILL $pids 2>/dev/null
    sleep 0.05
  done
  unpin_namespaces
  if [ -n "$pids" ]; then
    log "processes still alive after SIGKILL, scratch folder kept: $(echo $pids)"
    return
  fi

  local dir
  for dir in $(cgroup_dirs); do
    find "$dir" -depth -type d -exec rmdir {} + 2>/dev/null
    [ -d "$dir" ] && log "cgroup not removed: $dir"
  done

  # The sandbox's mounts are private to its (now gone) mount namespace; still, never let
  # rm walk into a mount that somehow shows up in the host's table.
  if [ -d "$scratch" ]; then
    local mounts
    mounts=$(awk -v s="$scratch" 'index($5, s "/") == 1 || $5 == s { print $5 }' /proc/self/mountinfo | sort -r)
    if [ -n "$mounts" ]; then
      log "mounted in the host under the scratch folder, not removed: $(echo $mounts)"
    else
      rm -rf --one-file-system "$scratch" || log "scratch folder not removed: $scratch"
    fi
  fi
}

# In the reader's machine the relay must stay out of the page's reach (its processes, its
# files): it joins the network namespace only, from here, once machine.sh has brought the
# loopback up. Waits at most as long as the holder loop below.
start_machine_relay() {
  for _ in $(seq 600); do
    grep -qx net "$scratch/init.out" 2>/dev/null && break
    kill -0 "$namespaces" 2>/dev/null || return 0
    sleep 0.02
  done
  # shellcheck disable=SC2086 # DFV_RELAY_ARGS is a list of words by design.
  nsenter --target="$namespaces" --net -- "$DFV_NODE" --experimental-strip-types \
    --disable-warning=ExperimentalWarning "$DFV_RELAY" $DFV_RELAY_ARGS \
    >"$scratch/relay.log" 2>&1 </dev/null 3<&- &
}

# Once machine.sh started dockerd: the holder line init.sh writes itself, with this side's
# process IDs (inside, machine.sh is PID 1 and cannot know them).
name_machine_holder() {
  grep -qx ready "$scratch/init.out" 2>/dev/null || return 0
  local init dockerd='' child
  # The file holds `PID ` with no newline: `read` fails at its end, yet reads it.
  read -r init _ <"/proc/$namespaces/task/$namespaces/children"
  [ -n "$init" ] || return 0
  for child in $(cat "/proc/$init/task/$init/children" 2>/dev/null); do
    [ "$(cat "/proc/$child/comm" 2>/dev/null)" = dockerd ] && dockerd=$child
  done
  [ -n "$dockerd" ] || return 0
  echo "$init $dockerd $(readlink "/proc/$init/ns/net") $(readlink "/proc/$init/ns/mnt") /var/lib/docker" \
    >"$scratch/holder.tmp"
  mv "$scratch/holder.tmp" "$scratch/holder"
}

case $mode in
teardown)
  teardown 2>/dev/null
  ;;
run)
  trap 'teardown 2>/dev/null; exit 0' TERM INT HUP
  exec 3<&0 0</dev/null
  if [ -n "${DFV_MACHINE_ROOT:-}" ]; then
    # The reader's machine: its own processes, host name and root as well (machine.sh).
    unshare --mount --net --pid --uts --ipc --propagation private --fork -- \
      bash "$DFV_MACHINE_SCRIPT" "$scratch" 3<&- 4>&- &
    namespaces=$!
    start_machine_relay
  else
    unshare --mount --net --propagation private --fork -- bash "$here/init.sh" "$scratch" 3<&- &
    namespaces=$!
  fi
  # `read` ends at end of file: when the verifier closes our stdin or dies.
  { read -r _ <&3 || true; } &
  reader=$!
  # Pin the namespaces as soon as init.sh names them, while its holder surely lives.
  for _ in $(seq 600); do
    [ -r "$scratch/holder" ] || ! kill -0 "$namespaces" 2>/dev/null && break
    [ -n "${DFV_MACHINE_ROOT:-}" ] && name_machine_holder
    sleep 0.05
  done
  pin_namespaces
  holder_pid=''
  [ -r "$scratch/holder" ] && read -r holder_pid _ <"$scratch/holder"
  [ -n "$holder_pid" ] && start_egress "$holder_pid"
  wait -n "$namespaces" "$reader"
  teardown 2>/dev/null
  kill "$reader" 2>/dev/null
  wait 2>/dev/null
  ;;
*)
  log "unknown mode $mode"
  exit 2
  ;;
esac
