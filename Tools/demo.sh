#!/usr/bin/env bash
# `make demo`: a real job with the commands that exist today — hash a directory like sha256sum,
# put it in a throw-away store ($GLASSBOX_HOME), check the store, recreate the tree, verify it.
set -euo pipefail
BIN=$(realpath "${1:-.build/release/glassbox}")
[ -x "$BIN" ] || { echo "error: $BIN is not built; run 'make build'" >&2; exit 1; }
cd "$(dirname "$0")/.."
WORK=$(mktemp -d /tmp/glassbox-demo.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export GLASSBOX_HOME="$WORK/store"
step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

# The job: the package's own Sources/ and Docs/ plus a generated 64 MiB "weights" file.
mkdir -p "$WORK/release"
cp -r Sources Docs "$WORK/release/"
dd if=/dev/urandom of="$WORK/release/model.bin" bs=1M count=64 status=none
cd "$WORK"

step glassbox hash release/model.bin release/Docs
"$BIN" hash release/model.bin release/Docs
step "glassbox hash --threads 2 release > SHA256SUMS   (and the same with sha256sum)"
"$BIN" hash --threads 2 release > SHA256SUMS
find release -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum > SHA256SUMS.coreutils
cmp SHA256SUMS SHA256SUMS.coreutils && echo "identical to sha256sum: $(wc -l < SHA256SUMS) lines"

step glassbox store import release
DIGEST=$("$BIN" store import release)
echo "$DIGEST"
step glassbox store ls
"$BIN" store ls > listing.txt
head -5 listing.txt
echo "…"
step glassbox store fsck
"$BIN" store fsck

step glassbox store export "$DIGEST" copy
"$BIN" store export "$DIGEST" copy
step "glassbox hash --check SHA256SUMS.copy --quiet   (the list with release/ renamed copy/)"
sed 's|  release/|  copy/|' SHA256SUMS > SHA256SUMS.copy
"$BIN" hash --check SHA256SUMS.copy --quiet && echo "all $(wc -l < SHA256SUMS.copy) files verified"

step "glassbox store put scratch.bin; glassbox store gc --keep demo.lock.json   (the lock names only the tree)"
echo "{\"keep\": \"$DIGEST\"}" > demo.lock.json
head -c 1000000 /dev/urandom > scratch.bin
"$BIN" store put scratch.bin
"$BIN" store gc --keep demo.lock.json

step "flip one byte of a stored object, then glassbox store fsck   (exit status 3 = verification failed)"
OBJECT=$(find "$GLASSBOX_HOME/objects" -type f -size +1M | head -1)
chmod u+w "$OBJECT"
printf '\x00' | dd of="$OBJECT" bs=1 seek=1000 conv=notrunc status=none
set +e
"$BIN" store fsck
echo "exit status: $?"
set -e
printf '\ndemo finished; the throw-away store %s is removed now.\n' "$GLASSBOX_HOME"
