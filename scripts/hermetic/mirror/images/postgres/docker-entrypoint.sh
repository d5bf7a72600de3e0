#!/usr/bin/env bash
# The postgres look-alike's entrypoint, written for this project from the behaviour the
# specification describes (scripts/hermetic/mirror/spec/docker-hub.ts): on the first start
# with an empty data folder it creates the cluster as POSTGRES_USER, POSTGRES_PASSWORD and
# POSTGRES_DB ask, runs /docker-entrypoint-initdb.d, and then starts the server; later starts
# skip all that. Run as root it steps down to `postgres` with gosu first.
# docker-ensure-initdb.sh sources it for the same initialisation without the server.
set -Eeo pipefail

# Reads NAME or NAME_FILE (a Docker secret) into NAME; both at once is an error.
read_setting() {
	local name=$1 fallback=${2:-} file_name="${1}_FILE"
	local value=${!name:-} file=${!file_name:-}
	if [ -n "$value" ] && [ -n "$file" ]; then
		printf >&2 'error: both %s and %s are set (but are exclusive)\n' "$name" "$file_name"
		exit 1
	fi
	if [ -n "$file" ]; then
		value=$(<"$file")
	fi
	export "$name"="${value:-$fallback}"
	unset "$file_name"
}

is_sourced() {
	[ "${#FUNCNAME[@]}" -ge 2 ] && [ "${FUNCNAME[0]}" = is_sourced ] && [ "${FUNCNAME[1]}" = source ]
}

# Options that only print something: run them as given, without any set-up.
wants_no_setup() {
	local arg
	for arg; do
		case "$arg" in
		-'?' | --help | --describe-config | -V | --version) return 0 ;;
		esac
	done
	return 1
}

has_database() {
	[ -s "$PGDATA/PG_VERSION" ]
}

# As root: the folders postgres needs, owned by it (a bind mount may bring other owners).
prepare_folders() {
	mkdir -p "$PGDATA"
	chmod 00700 "$PGDATA" || :
	mkdir -p /var/run/postgresql || :
	chmod 03775 /var/run/postgresql || :
	if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then
		mkdir -p "$POSTGRES_INITDB_WALDIR"
		if [ "$(id -u)" = 0 ]; then
			find "$POSTGRES_INITDB_WALDIR" \! -user postgres -exec chown postgres '{}' +
		fi
		chmod 700 "$POSTGRES_INITDB_WALDIR"
	fi
	if [ "$(id -u)" = 0 ]; then
		find "$PGDATA" \! -user postgres -exec chown postgres '{}' +
		find /var/run/postgresql \! -user postgres -exec chown postgres '{}' +
	fi
}

# Data in the layout of the images before 18 (a volume at /var/lib/postgresql/data): the
# cluster this image would create beside it would silently not be that data.
refuse_old_layout() {
	[ "$PGDATA" = "/var/lib/postgresql/$PG_MAJOR/docker" ] || return 0
	local found=() candidate
	for candidate in /var/lib/postgresql /var/lib/postgresql/data /var/lib/postgresql/*/docker; do
		[ "$candidate" != "$PGDATA" ] && [ -s "$candidate/PG_VERSION" ] && found+=("$candidate")
	done
	if [ "${#found[@]}" -eq 0 ] && mountpoint -q /var/lib/postgresql/data 2>/dev/null; then
		found+=('/var/lib/postgresql/data (unused mount/volume)')
	fi
	[ "${#found[@]}" -gt 0 ] || return 0
	{
		echo 'Error: in 18+, these Docker images are configured to store database data in a'
		echo "       folder per major version, $PGDATA here, under one volume at"
		echo '       /var/lib/postgresql. Data was found where older images kept it:'
		printf '         - %s\n' "${found[@]}"
		echo
		echo '       Mount a single volume at /var/lib/postgresql (not .../data), and move or'
		echo '       upgrade the old data into it. The reasons and the ways to upgrade:'
		echo '         https://github.com/docker-library/postgres/pull/1259'
		echo '         https://github.com/docker-library/postgres/issues/37'
	} >&2
	exit 1
}

require_password() {
	if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
		cat >&2 <<-'MESSAGE'
			Error: Database is uninitialized and superuser password is not specified.
			       You must specify POSTGRES_PASSWORD to a non-empty value for the
			       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

			       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
			       connections without a password. This is *not* recommended.

			       See PostgreSQL documentation about "trust":
			       https://www.postgresql.org/docs/current/auth-trust.html
		MESSAGE
		exit 1
	fi
	if [ "$POSTGRES_HOST_AUTH_METHOD" = trust ]; then
		cat >&2 <<-'MESSAGE'
			********************************************************************************
			WARNING: POSTGRES_HOST_AUTH_METHOD has been set to "trust". Every connection,
			         from any address, is let in without a password, as any user,
			         superusers included. Use it for throwaway tests only; otherwise set
			         POSTGRES_PASSWORD (and leave POSTGRES_HOST_AUTH_METHOD unset).
			********************************************************************************
		MESSAGE
	fi
}

# initdb, with a passwd entry faked by nss_wrapper when the user (docker run --user) has none.
create_cluster() {
	if ! getent passwd "$(id -u)" >/dev/null; then
		local wrapper
		for wrapper in /usr/lib/*/libnss_wrapper.so; do
			[ -e "$wrapper" ] || continue
			NSS_WRAPPER_PASSWD=$(mktemp) NSS_WRAPPER_GROUP=$(mktemp)
			export LD_PRELOAD=$wrapper NSS_WRAPPER_PASSWD NSS_WRAPPER_GROUP
			printf 'postgres:x:%s:%s:PostgreSQL:%s:/bin/false\n' "$(id -u)" "$(id -g)" "$PGDATA" >"$NSS_WRAPPER_PASSWD"
			printf 'postgres:x:%s:\n' "$(id -g)" >"$NSS_WRAPPER_GROUP"
			break
		done
	fi
	local args=()
	if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then
		args+=(--waldir "$POSTGRES_INITDB_WALDIR")
	fi
	eval 'initdb --username="$POSTGRES_USER" --pwfile=<(printf "%s\n" "$POSTGRES_PASSWORD") "${args[@]}" '"$POSTGRES_INITDB_ARGS"
	if [ -n "${LD_PRELOAD:-}" ]; then
		rm -f "$NSS_WRAPPER_PASSWD" "$NSS_WRAPPER_GROUP"
		unset LD_PRELOAD NSS_WRAPPER_PASSWD NSS_WRAPPER_GROUP
	fi
}

# Lets clients from other hosts in, with the method asked for or the password hashing the
# server uses (scram-sha-256); connections over the socket keep initdb's trust.
allow_remote_clients() {
	{
		echo
		if [ "$POSTGRES_HOST_AUTH_METHOD" = trust ]; then
			echo '# warning trust is enabled for all connections'
			echo '# see https://www.postgresql.org/docs/current/auth-trust.html'
		fi
		echo "host all all all ${POSTGRES_HOST_AUTH_METHOD:-$(postgres -C password_encryption)}"
	} >>"$PGDATA/pg_hba.conf"
}

run_psql() {
	psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc "$@"
}

start_socket_server() {
	NOTIFY_SOCKET='' PGUSER="${PGUSER:-$POSTGRES_USER}" \
		pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p ${PGPORT:-5432}" -w start
}

stop_socket_server() {
	PGUSER="${PGUSER:-$POSTGRES_USER}" pg_ctl -D "$PGDATA" -m fast -w stop
}

create_database() {
	local exists
	exists=$(run_psql --dbname postgres --set db="$POSTGRES_DB" --tuples-only <<-'SQL'
		SELECT 1 FROM pg_database WHERE datname = :'db';
	SQL
	)
	if [ -z "${exists// /}" ]; then
		run_psql --dbname postgres --set db="$POSTGRES_DB" <<-'SQL'
			CREATE DATABASE :"db";
		SQL
		echo
	fi
}

# Each file of /docker-entrypoint-initdb.d, in name order, by its kind.
run_init_files() {
	echo
	local file
	for file; do
		case "$file" in
		*.sh)
			if [ -x "$file" ]; then
				echo "$0: running $file"
				"$file"
			else
				echo "$0: sourcing $file"
				# shellcheck disable=SC1090
				. "$file"
			fi
			;;
		*.sql) echo "$0: running $file"; run_psql --dbname "$POSTGRES_DB" <"$file" ;;
		*.sql.gz) echo "$0: running $file"; gunzip -c "$file" | run_psql --dbname "$POSTGRES_DB" ;;
		*.sql.xz) echo "$0: running $file"; xzcat "$file" | run_psql --dbname "$POSTGRES_DB" ;;
		*.sql.zst) echo "$0: running $file"; zstd -dc "$file" | run_psql --dbname "$POSTGRES_DB" ;;
		*) echo "$0: ignoring $file" ;;
		esac
		echo
	done
}

read_settings() {
	read_setting POSTGRES_PASSWORD
	read_setting POSTGRES_USER postgres
	read_setting POSTGRES_DB "$POSTGRES_USER"
	read_setting POSTGRES_INITDB_ARGS
	export POSTGRES_HOST_AUTH_METHOD="${POSTGRES_HOST_AUTH_METHOD:-}"
}

# The whole first start, without the final server (docker-ensure-initdb.sh stops here too).
initialize() {
	refuse_old_layout
	require_password
	create_cluster
	allow_remote_clients
	start_socket_server
	create_database
	run_init_files /docker-entrypoint-initdb.d/*
	stop_socket_server
	unset PGPASSWORD
	echo
	echo 'PostgreSQL init process complete; ready for start up.'
	echo
}

main() {
	if [ "${1:0:1}" = '-' ]; then
		set -- postgres "$@"
	fi
	if [ "$1" = postgres ] && ! wants_no_setup "$@"; then
		prepare_folders
		if [ "$(id -u)" = 0 ]; then
			exec gosu postgres "${BASH_SOURCE[0]}" "$@"
		fi
		read_settings
		if has_database; then
			echo
			echo 'PostgreSQL Database directory appears to contain a database; Skipping initialization'
			echo
		else
			initialize
		fi
	fi
	exec "$@"
}

if ! is_sourced; then
	main "$@"
fi
