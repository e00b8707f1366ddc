# ECS Panel — the two commands: `make run` (demo mode) and `make test` (everything CI runs).
# Each installs what is missing first (scripts/setup.sh) and is safe to repeat.

SHELL := /bin/bash
# Tools installed by setup: cargo's bin dir and npm's wasm-opt (binaryen) must be on PATH;
# scripts/bin/wasm-opt passes the split build's tiny chunks by and hands the rest to npm's.
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/scripts/bin:$(CURDIR)/end2end/node_modules/.bin:$(PATH)
# The cfg cargo-leptos uses for debug builds; using it everywhere keeps one set of artifacts.
# Release builds use it too: type-erased views make the wasm a third smaller (840 → 539 KB
# brotli, measured), and server and browser must render alike.
DEV_RUSTFLAGS := --cfg erase_components

# The release build `make run`, `make dist` and the benchmarks use: every page a lazy wasm chunk
# (--split), files named by their hash (cached for good) and precompressed, all of it inside the
# binary (embed-site), which then runs from any directory. The hash list goes into the site, so it
# is embedded with it.
RELEASE_BUILD := RUSTFLAGS="$(DEV_RUSTFLAGS)" LEPTOS_HASH_FILES=true LEPTOS_HASH_FILE_NAME=../site/hash.txt \
	cargo leptos build --release --precompress --split --bin-features embed-site

.PHONY: run dev test setup lint audit unit e2e fmt bench bench-metrics bench-load soak fresh-check stress-tests release dist dist-check

## Build the release panel and serve it in demo mode on http://127.0.0.1:3000
run:
	scripts/setup.sh
	$(RELEASE_BUILD)
	target/server-release/ecs-panel

release:
	$(RELEASE_BUILD)

## A Debian package (binary with its site, systemd unit, /etc/ecs-panel/ecs-panel.env) in
## target/debian/
dist:
	scripts/setup.sh dist
	$(RELEASE_BUILD)
	cargo deb -p server --profile server-release --no-build --output target/debian/

# Installs the package with dpkg, runs the installed binary, checks it, purges it.
dist-check:
	scripts/dist-check.sh

## Rebuild and reload on every change (debug build)
dev:
	scripts/setup.sh
	cargo leptos watch

## Everything CI runs: formatting, clippy (ssr and hydrate), dependency audit, unit/integration
## tests, end-to-end
test:
	scripts/setup.sh test
	$(MAKE) lint audit unit e2e dist dist-check

## The two commands as a new user meets them: a clean clone of HEAD with empty cargo and npm
## caches and a cold target; `make test`, then `make run` until it serves. Prints the times.
fresh-check:
	scripts/fresh-check.sh

# cargo-deny against the vendored RustSec database (deny/advisory-db): advisories, licenses,
# banned and unknown sources.
audit:
	scripts/audit.sh

lint:
	cargo fmt --all --check
	RUSTFLAGS="$(DEV_RUSTFLAGS)" cargo clippy -p app -p ecs-simulator -p server --all-targets --features app/ssr -- -D warnings
	RUSTFLAGS="$(DEV_RUSTFLAGS)" cargo clippy -p app -p frontend --all-targets --target wasm32-unknown-unknown --features app/hydrate -- -D warnings

# Tests run in parallel: the route list is generated once per process (http_stack::route_list),
# which was what parked concurrent SSR renders (leptos issue #4773). `make stress-tests` proves it.
unit:
	RUSTFLAGS="$(DEV_RUSTFLAGS)" cargo test -p app -p ecs-simulator -p server --features app/ssr

## The HTTP test binaries 50 times over, tests in parallel, each run time-limited: hangs and
## failures counted (STRESS_ROUNDS=10 for a shorter run).
STRESS_ROUNDS ?= 50
stress-tests:
	scripts/stress-tests.sh $(STRESS_ROUNDS)

# The panel runs in demo mode with an in-memory session store; the journeys reach the embedded
# simulator's control API (/__sim) at a fixed loopback address. Its log of the whole run is kept
# and swept for the secrets the journeys used (scripts/secret-sweep.sh).
e2e: export ECS_PANEL_SESSION_STORE = memory
e2e: export ECS_PANEL_DATABASE_URL = sqlite::memory:
e2e: export ECS_PANEL_SIM_ADDR = 127.0.0.1:3089
e2e: export ECS_SIM_BOOT_SECONDS = 3
e2e: export ECS_PANEL_LOG = info,app=debug,server=debug
e2e:
	rm -f end2end/test-results/secret-hits.txt end2end/test-results/made-tokens.txt
	mkdir -p target
	set -o pipefail; cargo leptos end-to-end --split 2>&1 | tee target/e2e.log || { \
	  echo '== the failed journeys, from target/e2e.log (cargo-leptos reports any failure as its own panic) =='; \
	  grep -E '✘|^ +[0-9]+\) |Error:' target/e2e.log | tail -60; exit 1; }
	@grep -E '^ +[0-9]+ flaky' -A12 target/e2e.log | grep -v DEBUG || true
	scripts/secret-sweep.sh target/e2e.log

fmt:
	cargo fmt --all

# Server time of a list page for a large account: the panel in-process (demo mode, simulator with
# 1,000 extra servers), signed in with the demo API token, 200 sequential GETs per scenario.
# Built with the server-release profile, the one `make run` ships: optimised code, thin LTO, a build
# that stays quick on two cores (the wasm-sized `release` profile, opt-level z with fat LTO, would
# measure a slower binary than the one deployed, and a debug build would measure nothing useful).
# Page and options: make bench BENCH_ARGS="/ --requests 500"
BENCH_ARGS ?=
bench:
	cargo run -p server --profile server-release --example bench_list -- $(BENCH_ARGS)

# Server time and bytes of a metrics page with 30 days of 5-minute data (down-sampled on the server).
bench-metrics:
	cargo run -p server --profile server-release --example bench_list -- /servers/ec200401/metrics?range=30d --query-path /servers/ec200401/metrics?range=24h --extra-servers 0

# The load figures of issue #9 side by side (panel overhead vs direct, SSR by account size, bytes
# shipped, RSS, time to interactive, hidden tab), with oha; prints figures and targets.
bench-load:
	scripts/setup.sh bench
	scripts/bench.py

# 32 simulated users for 5 minutes against the release build: zero 5xx, RSS trend printed.
soak:
	scripts/setup.sh bench
	scripts/soak.py
