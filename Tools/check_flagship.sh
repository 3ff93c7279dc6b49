#!/usr/bin/env bash
# `make test`'s check of the committed flagship release, Releases/eu24-nano-0.1 (run by `make flagship`):
#  1. `glassbox verify --key Releases/keys/eu24-nano.pub`: the signature and every file's digest;
#  2. `glassbox comply --check`: every EU AI Act obligation that applies is met by a document;
#  3. `glassbox reproduce`: the release rebuilt from its recipe without any cache (fresh store), every
#     step's artifacts compared bit for bit with the committed lock, the signature checked with the
#     public key (never re-made: the private key is not in the repository).
# A change that moves a bit of the release makes step 3 fail: rebuild and re-sign the release in the
# same change (Docs/releases.md says how).
# Usage: bash Tools/check_flagship.sh [path/to/glassbox] [threads]
set -euo pipefail
BIN=$(realpath "${1:-.build/release/glassbox}")
THREADS=${2:-$(nproc)}
cd "$(dirname "$0")/.."
RELEASE=Releases/eu24-nano-0.1
KEY=Releases/keys/eu24-nano.pub
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export GLASSBOX_HOME="$WORK/store"
bash Tools/make_partner_repository.sh "$WORK/partner" >/dev/null
echo "== verify $RELEASE"
"$BIN" verify "$RELEASE" --key "$KEY"
echo "== comply --check $RELEASE"
"$BIN" comply "$RELEASE" --check
echo "== reproduce $RELEASE (no cache, $THREADS threads)"
start=$SECONDS
"$BIN" reproduce "$RELEASE" --data-dir "$WORK/partner" --key "$KEY" --threads "$THREADS"
echo "flagship release reproduced bit for bit in $((SECONDS - start)) s"
