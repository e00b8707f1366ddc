#!/usr/bin/env bash
# Part of `make test`: the Debian package `make dist` built, installed with dpkg on this machine,
# its binary started from an empty directory (no target/site anywhere near it), /healthz, a page
# and a hashed wasm asset checked, then the package purged again.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls -t target/debian/ecs-panel_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "dist-check: no package in target/debian (run make dist)"; exit 1; }
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
# The check installs and then purges the package: never on a machine where it is really installed.
if dpkg -s ecs-panel >/dev/null 2>&1; then
  echo "dist-check: ecs-panel is installed on this machine; the check would replace and purge it."
  echo "            Run it where the package is not installed (CI's machine is such a one)."
  exit 1
fi
ADDR=127.0.0.1:3290
scratch=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  $SUDO dpkg --purge ecs-panel >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT

echo "==> dpkg -i $deb"
$SUDO dpkg -i "$deb" >/dev/null
test -x /usr/bin/ecs-panel
test -f /etc/ecs-panel/ecs-panel.env
test -f /lib/systemd/system/ecs-panel.service || test -f /usr/lib/systemd/system/ecs-panel.service

echo "==> /usr/bin/ecs-panel from an empty directory"
cd "$scratch"
# As the unit runs it: an unprivileged user (DynamicUser) with its state and runtime directories.
mkdir -p "$scratch/state" "$scratch/run"
as_service=()
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
  chmod 755 "$scratch"
  chown nobody "$scratch/state" "$scratch/run"
  as_service=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups)
fi
# The packaged configuration, with a port and a session file of this check's own.
set -a
# shellcheck disable=SC1091
. /etc/ecs-panel/ecs-panel.env
set +a
ECS_PANEL_LISTEN=$ADDR ECS_PANEL_SESSION_STORE="sqlite://$scratch/state/sessions.db" \
  ECS_PANEL_DATABASE_URL="sqlite://$scratch/state/panel.db" \
  RUNTIME_DIRECTORY="$scratch/run" "${as_service[@]}" /usr/bin/ecs-panel >"$scratch/panel.log" 2>&1 &
pid=$!
for _ in $(seq 100); do
  curl -fsS "http://$ADDR/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done
fail() { echo "dist-check: $*"; cat "$scratch/panel.log"; exit 1; }
curl -fsS "http://$ADDR/healthz" | grep -q '"status"' || fail "/healthz did not answer"
page=$(curl -fsS "http://$ADDR/login") || fail "/login did not answer"
grep -q 'Sign in' <<<"$page" || fail "/login is not the sign-in page"
wasm=$(grep -o '/pkg/[^"]*\.wasm' <<<"$page" | head -1)
[ -n "$wasm" ] || fail "the page names no wasm"
headers=$(curl -sS -o /dev/null -D - -H 'Accept-Encoding: br, gzip' "http://$ADDR$wasm")
grep -qi '^content-type: application/wasm' <<<"$headers" || fail "$wasm: wrong type: $headers"
grep -qi '^content-encoding: br' <<<"$headers" || fail "$wasm: not served as brotli"
grep -qi '^cache-control: .*immutable' <<<"$headers" || fail "$wasm: not immutable"
etag=$(grep -i '^etag:' <<<"$headers" | cut -d' ' -f2 | tr -d '\r')
[ -n "$etag" ] || fail "$wasm: no ETag"
again=$(curl -sS -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: br, gzip' -H "If-None-Match: $etag" "http://$ADDR$wasm")
[ "$again" = 304 ] || fail "$wasm: If-None-Match answered $again, not 304"
plain=$(curl -sS -o /dev/null -D - -H 'Accept-Encoding: identity' "http://$ADDR$wasm")
grep -qi '^content-encoding' <<<"$plain" && fail "$wasm: encoded for a client that accepts none"
test -f "$scratch/run/site/hash.txt" || fail "the hash list is not in RUNTIME_DIRECTORY"
echo "dist-check: installed package serves /healthz, /login and $wasm (brotli, immutable, ETag and 304, plain when asked)"
