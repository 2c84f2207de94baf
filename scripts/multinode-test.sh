#!/usr/bin/env bash
# Two app nodes behind nginx, on one PostgreSQL and one Redis, all on loopback: checks that the nodes
# agree with each other (issue 8, point 5). Prints "ok NAME" or "failed NAME" per check and ends with
# "multinode: N passed, N failed"; exits non-zero when a check failed.
#
#   scripts/multinode-test.sh              publishes a Release build first
#   scripts/multinode-test.sh --no-build   publishes the Debug build that `dotnet build` left (test.sh)
#
# ALMANAC_TEST_POSTGRES (a connection string to a throw-away cluster, as test.sh passes it) and
# ALMANAC_TEST_REDIS (host:port) reuse running servers: the script makes its own database and Redis
# key prefix in them. Without them it starts its own PostgreSQL (scripts/test-postgres.sh) and Redis.
# Needs dotnet, curl, psql, redis-server and nginx (Debian packages).
set -uo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

configuration=Release
build_args=()
if [ "${1:-}" = "--no-build" ]; then configuration=Debug build_args=(--no-build); fi

tmp=$(mktemp -d /tmp/almanac-multinode.XXXXXX)
chmod 711 "$tmp" # PostgreSQL runs as its own user when this runs as root, nginx workers as nobody
pids=()
own_pg="" own_redis_port=""
passed=0 failed=0

cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
  done
  if [ -n "$own_pg" ]; then scripts/test-postgres.sh stop "$own_pg"; fi
  if [ -n "$own_redis_port" ]; then redis-cli -p "$own_redis_port" shutdown nosave >/dev/null 2>&1; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

check() { # NAME STATUS [DETAIL]: records one check
  if [ "$2" -eq 0 ]; then
    echo "ok $1"; passed=$((passed + 1))
  else
    echo "failed $1${3:+: $3}"; failed=$((failed + 1))
  fi
}

finish() {
  if [ "$failed" -gt 0 ]; then # what the nodes had to say about it
    local log
    for log in "$tmp"/node-*.log; do
      [ -f "$log" ] && grep -iE "warn|fail|error|exception" "$log" | tail -5 | sed "s|^|  ${log##*/}: |"
    done
  fi
  echo "multinode: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

give_up() { # the setup failed: one failed check, with the logs that say why
  check "multinode.setup" 1 "$1"
  local log
  for log in "$tmp"/*.log "$tmp"/nginx/error.log; do
    [ -s "$log" ] && { echo "--- $log"; tail -20 "$log"; }
  done
  finish
}

taken_ports=" "
free_port() { # a loopback port nobody listens on, different from the ones taken before
  local port
  for _ in $(seq 100); do
    port=$((20000 + RANDOM % 30000))
    [[ "$taken_ports" == *" $port "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then taken_ports+="$port "; echo "$port"; return 0; fi
  done
  return 1
}

# Status code of one GET (000 when there was no answer); extra curl arguments after the URL.
status() { curl -s -o /dev/null -w '%{http_code}' -m 10 "$@"; }

wait_ready() { # URL SECONDS: until /readyz answers 200
  local deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    [ "$(status "$1/readyz")" = 200 ] && return 0
    sleep 0.5
  done
  return 1
}

# --- PostgreSQL and Redis ---------------------------------------------------------------------
database="almanac_multinode_$$"
if [ -n "${ALMANAC_TEST_POSTGRES:-}" ]; then
  pg_port=$(grep -oiE '(^|;)Port=[0-9]+' <<<"$ALMANAC_TEST_POSTGRES" | grep -oE '[0-9]+')
else
  pg_port=$(free_port) && own_pg="$tmp/pg" \
    && scripts/test-postgres.sh start "$own_pg" "$pg_port" >/dev/null 2>"$tmp/postgres.log" \
    || give_up "could not start PostgreSQL"
fi
sql() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d "$database" -X -q -At -v ON_ERROR_STOP=1 -c "$1"; }
psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -X -q -c "CREATE DATABASE $database" >"$tmp/psql.log" 2>&1 \
  || give_up "could not create the database"
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$database"

if [ -n "${ALMANAC_TEST_REDIS:-}" ]; then
  redis=$ALMANAC_TEST_REDIS
else
  own_redis_port=$(free_port) && mkdir "$tmp/redis" \
    && redis-server --port "$own_redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$tmp/redis" --daemonize yes \
      --logfile "$tmp/redis.log" >/dev/null && sleep 0.5 && redis-cli -p "$own_redis_port" ping 2>/dev/null | grep -q PONG \
    || give_up "could not start Redis"
  redis="127.0.0.1:$own_redis_port"
fi

# --- The app: published once, migrated with the CLI, two nodes --------------------------------
dotnet publish src/Almanac.Web -c "$configuration" "${build_args[@]}" -o "$tmp/web" -v quiet -nologo >"$tmp/publish.log" 2>&1 \
  && dotnet publish src/Almanac.Cli -c "$configuration" "${build_args[@]}" -o "$tmp/cli" -v quiet -nologo >>"$tmp/publish.log" 2>&1 \
  || give_up "dotnet publish failed"

port_a=$(free_port) && port_b=$(free_port) && port_nginx=$(free_port) || give_up "no free ports"
node_a="http://127.0.0.1:$port_a" node_b="http://127.0.0.1:$port_b" site="http://127.0.0.1:$port_nginx"
export Database__Provider=Postgres ConnectionStrings__Almanac="$connection" ConnectionStrings__Redis="$redis" \
  Caching__RedisPrefix="almanac-multinode-$$:" Site__BaseUrl="$site" Publishing__PollSeconds=1 \
  ASPNETCORE_ENVIRONMENT=Production DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

(cd "$tmp" && dotnet cli/almanac.dll db migrate) >"$tmp/cli.log" 2>&1 || give_up "almanac db migrate failed"
admin_password="multinode admin passphrase $$"
(cd "$tmp" && dotnet cli/almanac.dll user add multinode-admin --email admin@multinode.test --role admin --password-stdin \
  <<<"$admin_password") >>"$tmp/cli.log" 2>&1 || give_up "almanac user add failed"

start_node() { # NAME PORT: one app node in the background, its pid in node_pid
  (cd "$tmp/web" && ASPNETCORE_URLS="http://127.0.0.1:$2" exec dotnet Almanac.Web.dll) >"$tmp/$1.log" 2>&1 &
  node_pid=$!
  pids+=("$node_pid")
}
# Node A first: on a database without stories it loads the samples, which B must then find.
start_node node-a "$port_a"; pid_a=$node_pid
wait_ready "$node_a" 90 || give_up "node A did not get ready"
start_node node-b "$port_b"
wait_ready "$node_b" 90 || give_up "node B did not get ready"

# --- nginx in front, as the current user, everything in the temp folder -----------------------
mkdir -p "$tmp/nginx"
[ "$(id -u)" -eq 0 ] && nginx_user="user nobody nogroup;" || nginx_user=""
cat >"$tmp/nginx/nginx.conf" <<EOF
$nginx_user
daemon off;
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 256; }
http {
    access_log $tmp/nginx/access.log;
    client_body_temp_path $tmp/nginx/body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;
    upstream almanac {
        server 127.0.0.1:$port_a max_fails=1 fail_timeout=10s;
        server 127.0.0.1:$port_b max_fails=1 fail_timeout=10s;
    }
    server {
        listen 127.0.0.1:$port_nginx;
        location / {
            proxy_pass http://almanac;
            proxy_next_upstream error timeout http_502;
            proxy_connect_timeout 1s;
            proxy_read_timeout 30s;
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
        }
    }
}
EOF
"$(command -v nginx || echo /usr/sbin/nginx)" -e "$tmp/nginx/error.log" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" >"$tmp/nginx.log" 2>&1 &
pids+=($!)
wait_ready "$site" 20 || give_up "nginx did not answer"

# --- a. every part answers /readyz -------------------------------------------------------------
ready=0
for url in "$node_a" "$node_b" "$site"; do
  [ "$(status "$url/readyz")" = 200 ] || ready=1
done
check "multinode.readyz-on-both-nodes-and-nginx" $ready

# --- c. sign-in on node A, valid on node B ------------------------------------------------------
jar="$tmp/cookies.txt"
form_token() { # URL: the anti-forgery token of the first form on the page (sets cookies in the jar)
  curl -s -m 10 -b "$jar" -c "$jar" "$1" | grep -oE 'name="__RequestVerificationToken" type="hidden" value="[^"]+"' | head -1 | sed -E 's/.*value="([^"]+)"/\1/'
}
token=$(form_token "$node_a/account/sign-in")
location=$(curl -s -o /dev/null -m 10 -b "$jar" -c "$jar" -w '%{redirect_url}' \
  --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Login=multinode-admin" \
  --data-urlencode "Password=$admin_password" "$node_a/account/sign-in")
signed_in=1
[ "$location" = "$node_a/admin" ] && [ "$(status -b "$jar" "$node_a/admin")" = 200 ] && signed_in=0
check "multinode.sign-in-on-node-a" $signed_in "answered with a redirect to '$location'"
[ "$(status "$node_b/admin")" = 302 ] && [ "$(status -b "$jar" "$node_b/admin")" = 200 ]
check "multinode.sign-in-valid-on-node-b" $? "node B did not open /admin with node A's cookie"

# --- b. a story changed through node A is shown changed by node B -------------------------------
# The change goes through the real newsroom on node A, which evicts the story's cached page.
# Today that is closing the story's comments in /admin/comments; once the story editor
# (/admin/stories/{id}) is merged, editing the story there is the closer test: adapt these two.
change_story() { # NODE_URL ID SLUG
  local token
  token=$(form_token "$1/admin/comments")
  [ -n "$token" ] && [ "$(status -b "$jar" -c "$jar" --data-urlencode "__RequestVerificationToken=$token" \
    --data-urlencode "slug=$3" --data-urlencode "closed=true" "$1/admin/comments?handler=Close")" = 302 ]
}
changed_marker="Comments are closed on this story."

cache_hits() { # NODE_URL: the node's output-cache hits so far
  curl -s -m 10 "$1/metrics" | grep -E '^almanac_output_cache_requests_total\{[^}]*result="hit"' | awk '{ s += $2 } END { print s + 0 }'
}
IFS='|' read -r edited_id edited_slug < <(sql "SELECT \"Id\", \"Slug\" FROM \"Stories\" WHERE \"Status\" = 'Published' AND NOT \"CommentsClosed\" ORDER BY \"Id\" LIMIT 1")
hits_before=$(cache_hits "$node_b")
curl -s -m 10 -o "$tmp/before.html" "$node_b/on-this-day/$edited_slug"
curl -s -m 10 -o /dev/null "$node_b/on-this-day/$edited_slug"
hits_after=$(cache_hits "$node_b")
[ -n "$edited_slug" ] && [ "$hits_after" -gt "$hits_before" ] && ! grep -qF "$changed_marker" "$tmp/before.html"
check "multinode.node-b-caches-the-story" $? "story '$edited_slug': cache hits on node B went from $hits_before to $hits_after"
change_story "$node_a" "$edited_id" "$edited_slug"
check "multinode.story-changed-through-node-a" $?
curl -s -m 10 -o "$tmp/after-b.html" "$node_b/on-this-day/$edited_slug"
grep -qF "$changed_marker" "$tmp/after-b.html"
check "multinode.node-b-shows-the-change-at-once" $? "node B: $(grep -oE "comments-[a-z]+|Leave a comment" "$tmp/after-b.html" | sort -u | tr "\n" " "); node A: $(curl -s -m 10 "$node_a/on-this-day/$edited_slug" | grep -oE "comments-[a-z]+|Leave a comment|closed" | sort -u | tr "\n" " ")"

# --- d. a scheduled story goes live once, whichever node's scheduler sees it first --------------
scheduled_id=$(sql "SELECT \"Id\" FROM \"Stories\" WHERE \"Status\" = 'Published' AND \"Id\" <> ${edited_id:-0} ORDER BY \"Id\" DESC LIMIT 1")
scheduled_slug=$(sql "SELECT \"Slug\" FROM \"Stories\" WHERE \"Id\" = ${scheduled_id:-0}")
sql "UPDATE \"Stories\" SET \"Status\" = 'Scheduled', \"PublishedAtUtc\" = NULL,
       \"PublishAtUtc\" = (now() AT TIME ZONE 'UTC') + interval '5 seconds' WHERE \"Id\" = ${scheduled_id:-0}" >/dev/null
hidden=0
for url in "$node_a" "$node_b"; do
  [ "$(status "$url/on-this-day/$scheduled_slug")" = 404 ] || hidden=1
done
check "multinode.scheduled-story-hidden-before-its-time" $hidden
deadline=$((SECONDS + 30)) live=1
while [ $SECONDS -lt $deadline ]; do
  if [ "$(status "$node_a/on-this-day/$scheduled_slug")" = 200 ] && [ "$(status "$node_b/on-this-day/$scheduled_slug")" = 200 ]; then live=0; break; fi
  sleep 1
done
check "multinode.scheduled-story-live-on-both-nodes" $live "story $scheduled_id ('$scheduled_slug') is not public 30 s later"
sleep 3 # a few more polls of both schedulers, which must not publish it again
publishes=$(sql "SELECT count(*) FROM \"AuditLog\" WHERE \"Action\" = 'story.publish' AND \"Subject\" = 'story:$scheduled_id'" 2>&1)
[ "$publishes" = 1 ]
check "multinode.scheduled-story-published-exactly-once" $? "$publishes audit rows"

# --- e. node A stops: the site keeps serving through node B --------------------------------------
kill -TERM "$pid_a"
for _ in $(seq 100); do kill -0 "$pid_a" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid_a" 2>/dev/null
check "multinode.node-a-stops-on-sigterm" $((1 - $?))
serving=0 codes=""
for path in / "/on-this-day/$edited_slug" /readyz / /feed.atom / /readyz /; do
  code=$(status "$site$path"); codes+="$code "
  [ "$code" = 200 ] || serving=1
done
check "multinode.site-serves-without-node-a" $serving "status codes through nginx: $codes"

finish
