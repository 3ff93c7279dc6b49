#!/usr/bin/env bash
# `make test`'s check of the committed flagship release, Releases/eu24-nano-0.1 (run by `make flagship`):
#  1. `glassbox verify --key Releases/keys/eu24-nano.pub`: the signature and every file's digest;
#  2. `glassbox comply --check`: every EU AI Act obligation that applies is met by a document;
#  3. `glassbox reproduce`: the release rebuilt from its own recipe without any cache (a fresh store),
#     every step's artifacts compared bit for bit with the committed lock, the signature checked with
#     the public key (never re-made: the private key is not in the repository).
# A change that moves a bit of the release makes step 3 fail: rebuild and re-sign the release in the
# same change (Tools/release_flagship.sh; Docs/releases.md says how).
# Usage: bash Tools/check_flagship.sh [path/to/glassbox] [threads]
set -euo pipefail
BIN=$(realpath "${1:-.build/release/glassbox}")
THREADS=${2:-$(nproc)}
cd "$(dirname "$0")/.."
RELEASE=Releases/eu24-nano-0.1
KEY=Releases/keys/eu24-nano.pub
[ -x "$BIN" ] || { echo "error: $BIN is not built; run 'make build'" >&2; exit 1; }
[ -d "$RELEASE" ] || { echo "error: $RELEASE is missing; it is committed with the repository (git checkout -- Releases)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export GLASSBOX_HOME="$WORK/store"
# The auditor's data folder: the partner's repository at its pinned commit (the one source that is not
# redistributable, so not in the release) and the recipe's shipped text (the release's recipe.toml names
# it as data/…, relative to Recipes/).
bash Tools/make_partner_repository.sh "$WORK/data" >/dev/null
ln -s "$PWD/Recipes/data" "$WORK/data/data"
echo "== verify $RELEASE"
"$BIN" verify "$RELEASE" --key "$KEY"
echo "== comply --check $RELEASE"
"$BIN" comply "$RELEASE" --check
echo "== reproduce $RELEASE (no cache, $THREADS threads)"
start=$SECONDS
"$BIN" reproduce "$RELEASE" --data-dir "$WORK/data" --key "$KEY" --threads "$THREADS"
echo "flagship release reproduced bit for bit in $((SECONDS - start)) s"
