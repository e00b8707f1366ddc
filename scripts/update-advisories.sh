#!/usr/bin/env bash
# Maintainers only (never run by `make test`): refreshes the vendored RustSec advisory database
# in deny/advisory-db from github.com/rustsec/advisory-db, then runs the audit. Commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone -q --depth 1 https://github.com/rustsec/advisory-db "$tmp/db"
rm -rf deny/advisory-db
mkdir -p deny/advisory-db
git -C "$tmp/db" archive HEAD crates rust LICENSE.txt README.md | tar -x -C deny/advisory-db
git -C "$tmp/db" log -1 --format="%H %cI" > deny/advisory-db/SNAPSHOT
scripts/audit.sh
