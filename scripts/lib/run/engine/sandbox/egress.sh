# The sandbox's way out, as rootless Docker has it: slirp4netns gives the sandbox's network
# namespace a tap0 interface with a default route, carried by ordinary sockets of a process
# in the host's namespace. Containers (and builds' RUN steps) reach the internet through it,
# NATed by the sandbox's dockerd as on any machine, with nothing set in their environment.
# The host's own loopback stays out of reach (--disable-host-loopback).
# Sourced by sandbox.sh; DFV_EGRESS is the program (egress.ts), empty for no egress.

egress=''

# start_egress PID: attaches slirp4netns to PID's network namespace. It ends when this shell
# does, however it ends: its --exit-fd is a FIFO whose only writer is this shell (fd 7). Its
# ready file gets `1` once the namespace has tap0 and a default route; egress-ended its exit
# status, should it end (wait-for-sandbox.ts reads both).
start_egress() {
  [ -n "${DFV_EGRESS:-}" ] || return 0
  local fifo="$scratch/egress-exit"
  if ! { mkfifo "$fifo" && exec 7<>"$fifo"; }; then
    echo 1 >"$scratch/egress-ended"
    log "egress not started: no FIFO at $fifo"
    return 1
  fi
  {
    "$DFV_EGRESS" --configure --mtu=65520 --disable-host-loopback --exit-fd=3 --ready-fd=4 \
      "$1" tap0 3<"$fifo" 4>"$scratch/egress-ready" >"$scratch/egress.log" 2>&1 </dev/null
    echo "$?" >"$scratch/egress-ended"
  } 7<&- &
  egress=$!
}

# Closing the FIFO's writer ends slirp4netns, and with it the namespace's tap0; it gets 2 s
# to go before it is killed, so that nothing writes in the scratch folder once this returns.
stop_egress() {
  [ -n "$egress" ] || return 0
  exec 7<&-
  local _
  for _ in $(seq 40); do
    kill -0 "$egress" 2>/dev/null || break
    sleep 0.05
  done
  # shellcheck disable=SC2046 # a list of pids by design.
  kill -KILL $(cat /proc/"$egress"/task/*/children 2>/dev/null) "$egress" 2>/dev/null
  wait "$egress" 2>/dev/null
  egress=''
}
