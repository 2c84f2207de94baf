#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests, on loopback, in a temporary folder.
#   scripts/test-postgres.sh start DIR PORT   initialises DIR and starts the server on 127.0.0.1:PORT
#   scripts/test-postgres.sh stop DIR         stops it (the caller removes DIR)
#   scripts/test-postgres.sh restart DIR [S]  stops it (fast shutdown), waits S seconds (default 0), starts it again
# Uses Debian's postgresql package; as root the server runs as the `postgres` user, since
# PostgreSQL refuses to run as root.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
run() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

server() { # DIR PORT: starts the initialised cluster in DIR
  run "$bin/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $2 -k $1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
    || { cat "$1/server.log" >&2; exit 1; }
}

case "$1" in
  start)
    dir=$2 port=$3
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    run "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    server "$dir" "$port"
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  restart)
    run "$bin/pg_ctl" -D "$2/data" -m fast -w stop >/dev/null
    sleep "${3:-0}"
    server "$2" "$(cat "$2/port")"
    ;;
  stop)
    run "$bin/pg_ctl" -D "$2/data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start DIR PORT | stop DIR | restart DIR [SECONDS]" >&2; exit 2
    ;;
esac
