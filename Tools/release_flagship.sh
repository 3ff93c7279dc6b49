#!/usr/bin/env bash
# Rebuild and re-sign the committed flagship release, Releases/eu24-nano-0.1, from Recipes/eu24-nano.toml.
# Run it in the same change as anything that moves a bit of the release (Docs/releases.md).
#
#   bash Tools/release_flagship.sh PATH/TO/eu24-nano.pem [path/to/glassbox]
#
# The private key is never in the repository. Its public half must equal Releases/keys/eu24-nano.pub; if
# you sign with a new key (the old one is not yours), pass NEW_KEY=1 and the new public key is copied
# to Releases/keys/ (say so in the commit). The new release is built beside the old one and replaces it
# only when the build, the signature check and the checklist have passed.
set -euo pipefail
KEY=${1:?usage: bash Tools/release_flagship.sh PATH/TO/eu24-nano.pem [path/to/glassbox]}
KEY=$(realpath "$KEY")
BIN=$(realpath "${2:-.build/release/glassbox}")
cd "$(dirname "$0")/.."
[ -x "$BIN" ] || { echo "error: $BIN is not built; run 'make build'" >&2; exit 1; }
PUB=${KEY%.pem}.pub
[ -f "$PUB" ] || { echo "error: $PUB (the public half of $KEY) is missing" >&2; exit 1; }
if [ -f Releases/keys/eu24-nano.pub ] && ! cmp -s "$PUB" Releases/keys/eu24-nano.pub; then
  [ "${NEW_KEY:-0}" = 1 ] || { echo "error: $PUB differs from Releases/keys/eu24-nano.pub; sign with the release's key, or pass NEW_KEY=1 to change the key (and say so in the commit)" >&2; exit 1; }
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export GLASSBOX_HOME="$WORK/store"
bash Tools/make_partner_repository.sh "$WORK/data" >/dev/null
mkdir -p Releases/keys
"$BIN" build Recipes/eu24-nano.toml --out "$WORK/eu24-nano-0.1" --data-dir "$WORK/data" --key "$KEY" --threads "$(nproc)"
"$BIN" verify "$WORK/eu24-nano-0.1" --key "$PUB"
"$BIN" comply "$WORK/eu24-nano-0.1" --check
cp "$PUB" Releases/keys/eu24-nano.pub
rm -rf Releases/eu24-nano-0.1.old
[ -d Releases/eu24-nano-0.1 ] && mv Releases/eu24-nano-0.1 Releases/eu24-nano-0.1.old
cp -r "$WORK/eu24-nano-0.1" Releases/eu24-nano-0.1
rm -rf Releases/eu24-nano-0.1.old
echo "Releases/eu24-nano-0.1 rebuilt and signed; run 'bash Tools/check_flagship.sh' and commit it with the change"
