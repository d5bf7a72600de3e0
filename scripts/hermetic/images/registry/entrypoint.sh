#!/bin/sh
# As in the official registry image: a config file means "serve it", a subcommand or
# flag goes to registry, anything else runs as a command.
set -e

case "$1" in
	*.yaml|*.yml) set -- registry serve "$@" ;;
	serve|garbage-collect|help|-*) set -- registry "$@" ;;
esac

exec "$@"
