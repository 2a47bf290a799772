#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 on 127.0.0.1 for the test suite and prints its connection string.
# Usage: .ci/postgres.sh start DIR   (prints the connection string on stdout)
#        .ci/postgres.sh stop DIR
# PostgreSQL refuses to run as root, so the server runs as the 'postgres' system user in a temp data dir.
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?data directory}
bin=/usr/lib/postgresql/15/bin

if [ "$cmd" = stop ]; then
  [ -f "$dir/data/postmaster.pid" ] && su postgres -s /bin/sh -c "$bin/pg_ctl -D '$dir/data' -m fast stop" >/dev/null 2>&1 || true
  exit 0
fi

if [ ! -x "$bin/postgres" ]; then
  echo "installing PostgreSQL 15 (Debian package postgresql)" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2
  # The Debian package starts its own cluster on 5432; we do not use it.
  (pg_ctlcluster 15 main stop 2>/dev/null || true) >&2
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
mkdir -p "$dir"
chown postgres "$dir"
su postgres -s /bin/sh -c "$bin/initdb -D '$dir/data' -U postgres -A trust -E UTF8 --no-instructions" >/dev/null
cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
shared_buffers = 256MB
fsync = on
synchronous_commit = on
CONF
su postgres -s /bin/sh -c "$bin/pg_ctl -D '$dir/data' -l '$dir/log' -w start" >/dev/null
su postgres -s /bin/sh -c "psql -h 127.0.0.1 -p $port -U postgres -qc 'CREATE DATABASE uniretail_test'" >/dev/null
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=uniretail_test;Maximum Pool Size=200"
