#!/usr/bin/env bash
# Dependency audit: cargo-deny (advisories, licenses, bans, sources) with the vendored RustSec
# advisory database in deny/advisory-db, so nothing is downloaded here. cargo-deny reads its
# database from a git checkout, so the snapshot is committed into a throwaway local repository
# (dated as the snapshot, so cargo-deny's staleness check sees its real age).
set -euo pipefail
cd "$(dirname "$0")/.."

snapshot=deny/advisory-db
read -r rev date < "$snapshot/SNAPSHOT"
# cargo-deny names the checkout of https://github.com/rustsec/advisory-db like this.
db=target/advisory-dbs/advisory-db-3157b0e258782691
if [[ "$(cat "$db/.snapshot" 2>/dev/null)" != "$rev" ]]; then
  rm -rf "$db"
  mkdir -p "$db"
  cp -r "$snapshot"/. "$db"/
  (
    cd "$db"
    git init -q
    git add -A
    GIT_AUTHOR_DATE="$date" GIT_COMMITTER_DATE="$date" \
      git -c user.name=ecs-panel -c user.email=ci@localhost commit -qm "advisory-db $rev"
    echo "$rev" > .snapshot
  )
fi
# cargo-deny reads `cargo metadata` for every target in Cargo.lock, platform-specific crates
# included, which no build here needs: fetch them first (crates.io only; the check stays offline).
cargo fetch --locked
# All four checks; the database path comes from deny.toml's db-path.
cargo deny --offline check advisories licenses bans sources
