#!/usr/bin/env bash
# `make demo`: the main job, end to end. Build the eight-language demo model from Recipes/demo.toml,
# signed as it is built, verify it, try it, tamper with a copy, and reproduce it bit for bit on another thread count.
# The release stays in out/demo/ for you to look at; the store is a throw-away one ($GLASSBOX_HOME).
set -euo pipefail
BIN=$(realpath "${1:-.build/release/glassbox}")
[ -x "$BIN" ] || { echo "error: $BIN is not built; run 'make build'" >&2; exit 1; }
cd "$(dirname "$0")/.."
WORK=$(mktemp -d /tmp/glassbox-demo.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export GLASSBOX_HOME="$WORK/store"
RELEASE=out/demo/eu8-demo-0.1.0
step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }
rm -rf out/demo && mkdir -p out/demo

step glassbox recipe check Recipes/demo.toml
"$BIN" recipe check Recipes/demo.toml
step glassbox recipe plan Recipes/demo.toml
"$BIN" recipe plan Recipes/demo.toml

step glassbox keygen --out "$WORK/provider"
"$BIN" keygen --out "$WORK/provider"

step glassbox build Recipes/demo.toml --out $RELEASE --threads 2 --key provider.pem
"$BIN" build Recipes/demo.toml --out "$RELEASE" --threads 2 --key "$WORK/provider.pem"
step "glassbox build … again   (every step is cached now)"
"$BIN" build Recipes/demo.toml --out "$RELEASE.again" --threads 2 --key "$WORK/provider.pem" | tail -4
cmp "$RELEASE/recipe.lock.json" "$RELEASE.again/recipe.lock.json" && echo "same lock file"
rm -rf "$RELEASE.again" "$RELEASE.again.build.log.jsonl"

step glassbox verify $RELEASE --key provider.pub
"$BIN" verify "$RELEASE" --key "$WORK/provider.pub"

step "flip one byte of model.safetensors in a copy, then glassbox verify   (exit status 3 = verification failed)"
cp -r "$RELEASE" "$WORK/tampered"
printf '\x01' | dd of="$WORK/tampered/model.safetensors" bs=1 seek=4000 conv=notrunc status=none
set +e
"$BIN" verify "$WORK/tampered" --key "$WORK/provider.pub"
status=$?
set -e
echo "exit status: $status"
[ "$status" -eq 3 ] || { echo "error: verify on a tampered copy must exit 3 (verification failed), got $status" >&2; exit 1; }

step glassbox generate $RELEASE --prompt "Dobrý den" --max-tokens 40 --temperature 0.8 --seed 7
"$BIN" generate "$RELEASE" --prompt "Dobrý den" --max-tokens 40 --temperature 0.8 --seed 7
step glassbox eval $RELEASE
"$BIN" eval "$RELEASE"

step glassbox reproduce $RELEASE --data-dir Recipes --threads 1 --key provider.pub
"$BIN" reproduce "$RELEASE" --data-dir Recipes --threads 1 --key "$WORK/provider.pub"

printf '\ndemo finished: the release is in %s (config.json, model.safetensors, tokenizer.json, recipe.lock.json, eval/, training/, data/stats.json, SHA256SUMS, provenance.json, model.sig).\n' "$RELEASE"
