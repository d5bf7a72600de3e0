#!/bin/sh
# The node look-alike's entrypoint, written for this project from the behaviour the
# specification describes: what is not a command goes to node (`docker run node:24-slim
# app.js`, `--version`), a command runs as given (`npm ci`, `bash`), as PID 1 either way.
set -e

# dash's `command -v` also names a file that exists but is not executable (Debian bug
# 874264), so such a file counts as node's argument too.
if [ "${1#-}" != "$1" ] || [ -z "$(command -v "$1" || :)" ] || { [ -f "$1" ] && ! [ -x "$1" ]; }; then
	set -- node "$@"
fi

exec "$@"
