#!/usr/bin/env bash
# Installs what building and testing ECS Panel needs, and only what is missing: safe to run again.
#   scripts/setup.sh        tools to build and run (toolchain, wasm target, cargo-leptos,
#                           wasm-bindgen-cli, npm packages incl. wasm-opt)
#   scripts/setup.sh test   the above, plus cargo-deny, and Debian's chromium, redis-server and
#                           postgresql for the tests
#   scripts/setup.sh bench  the above, plus oha and chromium for the load figures
#   scripts/setup.sh dist   the above, plus cargo-deb (test installs it too)
# Everything comes from the package registries (rustup, crates.io, npm, Debian): cargo-leptos is
# built with `no_downloads`, so it can never fetch a tool from GitHub.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_DENY_VERSION=0.20.2     # the dependency audit (scripts/audit.sh), test only
OHA_VERSION=1.16.0            # the load tool of `make bench-load` and `make soak`
CARGO_DEB_VERSION=3.8.0       # `make dist` (and the package check of `make test`)
CARGO_LEPTOS_VERSION=0.3.10   # 0.3.11 needs rustc >= 1.96; our toolchain is pinned below that
BINARYEN_NPM=end2end/node_modules/.bin

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# The toolchain named in rust-toolchain.toml (RUSTUP_AUTO_INSTALL=0 here: install it ourselves).
toolchain=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
if ! rustup run "$toolchain" rustc --version >/dev/null 2>&1; then
  step "rustup toolchain $toolchain"
  rustup toolchain install "$toolchain" --profile minimal -c rustfmt -c clippy
fi
if ! rustup +"$toolchain" target list --installed | grep -qx wasm32-unknown-unknown; then
  step "wasm32-unknown-unknown target"
  rustup +"$toolchain" target add wasm32-unknown-unknown
fi
for c in rustfmt clippy; do
  rustup +"$toolchain" component list --installed | grep -q "^$c" || rustup +"$toolchain" component add "$c"
done

if [ "$(cargo leptos --version 2>/dev/null | awk '{print $2}')" != "$CARGO_LEPTOS_VERSION" ]; then
  step "cargo-leptos $CARGO_LEPTOS_VERSION (compiles for ~13 minutes, once)"
  cargo install --locked cargo-leptos --version "$CARGO_LEPTOS_VERSION" --features no_downloads
fi

# The CLI must match the wasm-bindgen library in Cargo.lock exactly. No --locked: its own lockfile
# pins a crate version the registry here does not serve.
wbg=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wbg" ]; then
  step "wasm-bindgen-cli $wbg"
  cargo install wasm-bindgen-cli --version "=$wbg"
fi

# npm packages: Playwright for the end-to-end tests and binaryen (wasm-opt) for release builds.
# Debian's binaryen is too old: its wasm-opt output never hydrates.
if [ ! -d end2end/node_modules ] || [ end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]; then
  step "npm ci (end2end/)"
  (cd end2end && npm ci --no-audit --no-fund)
fi

if [ "${1:-}" = bench ]; then
  if [ "$(oha --version 2>/dev/null | awk '{print $2}')" != "$OHA_VERSION" ]; then
    step "oha $OHA_VERSION (compiles for a few minutes, once)"
    cargo install --locked oha --version "$OHA_VERSION"
  fi
  if [ ! -x /usr/bin/chromium ]; then
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium
  fi
fi

if [ "${1:-}" = test ] || [ "${1:-}" = dist ]; then
  if [ "$(cargo deb --version 2>/dev/null | awk '{print $2}')" != "$CARGO_DEB_VERSION" ]; then
    step "cargo-deb $CARGO_DEB_VERSION (compiles for a few minutes, once)"
    cargo install --locked cargo-deb --version "$CARGO_DEB_VERSION"
  fi
fi

if [ "${1:-}" = test ]; then
  if [ "$(cargo deny --version 2>/dev/null | awk '{print $2}')" != "$CARGO_DENY_VERSION" ]; then
    step "cargo-deny $CARGO_DENY_VERSION (compiles for ~3 minutes, once)"
    cargo install --locked cargo-deny --version "$CARGO_DENY_VERSION"
  fi
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v redis-server >/dev/null || missing+=(redis-server)
  # The team-mode database tests start their own PostgreSQL (initdb + postgres, loopback only).
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    step "apt-get install ${missing[*]}"
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
  fi
fi
