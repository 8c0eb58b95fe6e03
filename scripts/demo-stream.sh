#!/usr/bin/env bash
# Starts the push server on the bundled demo campaign with a throwaway database, plays a short
# scripted GM session against it, and prints the SSE stream a player display would read.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(swift build --show-bin-path)/bulkhead"
work="$(mktemp -d)"
log="$work/server.log"
cleanup() {
  [ -n "${stream_pid:-}" ] && kill "$stream_pid" 2>/dev/null || true
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$bin" serve --port 0 --db "$work/demo.sqlite" >"$log" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 50); do grep -q "serving" "$log" && break; sleep 0.1; done
url="$(grep -o 'http://[0-9.:]*/' "$log" | head -1)"
[ -n "$url" ] || { cat "$work/server.err"; exit 1; }
echo "== $(head -1 "$log")"

printf 'demo-password\n' | "$bin" accounts add demo --db "$work/demo.sqlite" --password-stdin >/dev/null
token="$(curl -fsS -X POST "${url}api/auth/login" -d '{"username":"demo","password":"demo-password"}' |
  sed 's/.*"token":"\([0-9a-f]*\)".*/\1/')"

echo "== the stream a player display reads (${url}api/active-view/stream/), payloads cut at 160 characters:"
curl -sN "${url}api/active-view/stream/" | while IFS= read -r line; do printf '   %s\n' "${line:0:160}"; done &
stream_pid=$!
sleep 1

gm() {
  echo "== GM: $1 $2"
  curl -fsS -X POST -H "Authorization: Bearer $token" "${url}api/gm/$1/" -d "$2" >/dev/null
  sleep "${DEMO_PAUSE:-1.5}"
}
gm switch-view '{"view_type":"ENCOUNTER","location_slug":"kestrel_dawn"}'
gm encounter/toggle-room '{"room_id":"bridge","visible":true}'
gm encounter/place-token '{"type":"player","name":"Sallow","x":3,"y":3}'
gm encounter/set-door-status '{"connection_id":"d1_bridge_galley","door_status":"LOCKED"}'
gm encounter/toggle-portrait '{"npc_id":"oona_reyes"}'
gm ship-status/toggle '{"system":"engines","status":"CRITICAL","condition":12}'
gm broadcast '{"content":"HULL BREACH ON DECK 2","priority":"CRITICAL"}'
echo "== broadcasts: $(curl -fsS "${url}api/messages/")"
gm switch-view '{"view_type":"STANDBY"}'
echo "== done"
