#!/usr/bin/env bash
# The first-start initialisation of docker-entrypoint.sh without starting the server, e.g.
# for a Kubernetes init container. Named docker-enforce-initdb.sh (a symlink), an existing
# database is an error instead of a note.
set -Eeo pipefail
# shellcheck source=docker-entrypoint.sh
source /usr/local/bin/docker-entrypoint.sh

name=$(basename "$0")
if [ "$#" -eq 0 ] || [ "$1" != postgres ]; then
	set -- postgres "$@"
fi
prepare_folders
if [ "$(id -u)" = 0 ]; then
	exec gosu postgres "$BASH_SOURCE" "$@"
fi
read_settings
if ! has_database; then
	initialize
elif [ "$name" = docker-enforce-initdb.sh ]; then
	echo >&2 "$name: error: (unexpected) database found in '$PGDATA'!"
	exit 1
else
	echo >&2 "$name: note: database already initialized in '$PGDATA'!"
fi
