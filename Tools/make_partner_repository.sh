#!/usr/bin/env bash
# Makes the git repository that stands in for a data partner's private repository in
# Recipes/eu24-nano.toml (source `partner-sl`, redistributable = false): a bare repository holding
# Recipes/data/partner-sl/*.txt in one commit with fixed author, committer, dates and message, so its
# commit id is the same on every machine and git version (the recipe pins it).
# Usage: bash Tools/make_partner_repository.sh DATA_DIR   → DATA_DIR/partner-sl (bare repository);
# prints the commit id. Give DATA_DIR to `glassbox build --data-dir` and `glassbox reproduce --data-dir`.
set -euo pipefail
out=${1:?usage: make_partner_repository.sh DATA_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_AUTHOR_NAME="Glassbox data partner" GIT_AUTHOR_EMAIL="partner@example.org"
export GIT_COMMITTER_NAME="$GIT_AUTHOR_NAME" GIT_COMMITTER_EMAIL="$GIT_AUTHOR_EMAIL"
export GIT_AUTHOR_DATE="2026-12-01T00:00:00+00:00" GIT_COMMITTER_DATE="2026-12-01T00:00:00+00:00"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
git -C "$work" init -q -b main src
cp "$root"/Recipes/data/partner-sl/*.txt "$work/src/"
git -C "$work/src" add -A
git -C "$work/src" commit -q -m "Partner texts (Slovenian), release 2026-12"
mkdir -p "$out"
if [ -e "$out/partner-sl" ]; then
  echo "error: $out/partner-sl already exists; remove it or choose another DATA_DIR" >&2
  exit 1
fi
git clone -q --bare "$work/src" "$out/partner-sl"
git -C "$out/partner-sl" rev-parse HEAD
