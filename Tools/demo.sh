#!/usr/bin/env bash
# `make demo`: a tour of Glassbox on its flagship recipe, Recipes/eu24-nano.toml (33 European languages).
# Each part says in one line what it proves. What it builds stays in out/demo/ for you to look at; the
# store and the signing key are throw-away ones ($GLASSBOX_HOME and a key in a temporary folder).
set -euo pipefail
BIN=$(realpath "${1:-.build/release/glassbox}")
[ -x "$BIN" ] || { echo "error: $BIN is not built; run 'make build'" >&2; exit 1; }
cd "$(dirname "$0")/.."
WORK=$(mktemp -d /tmp/glassbox-demo.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export GLASSBOX_HOME="$WORK/store"
RECIPE=Recipes/eu24-nano.toml
RELEASE=out/demo/eu24-nano-0.1
COMMITTED=Releases/eu24-nano-0.1
PUBLIC_KEY=Releases/keys/eu24-nano.pub
THREADS=$(nproc)
START=$SECONDS
part() { printf '\n\033[1m== %s\033[0m\n   %s\n' "$1" "$2"; }
run() { printf '\033[1m$ %s\033[0m\n' "$*"; "$@"; }
# The auditor's data folder: a copy of the partner's private repository (the one non-redistributable
# source, fetched at its pinned commit) and a link to the recipe's shipped text, which `reproduce` looks
# for there (the release's recipe.toml is not beside Recipes/data).
bash Tools/make_partner_repository.sh "$WORK/data" >/dev/null
ln -s "$PWD/Recipes/data" "$WORK/data/data"
"$BIN" keygen --name "$WORK/provider" >/dev/null
rm -rf out/demo && mkdir -p out/demo

part "1. Check the recipe" \
     "every input is named and pinned: 34 sources in 33 languages, tokenizer, model, training, evaluation, compliance facts"
run "$BIN" recipe check "$RECIPE"
run "$BIN" recipe plan "$RECIPE"

part "2. Build it, signed" \
     "Glassbox's own tokenizer, training and evaluation cores turn the recipe into a signed release (about 3 minutes of training on 2 quiet cores)"
run "$BIN" build "$RECIPE" --out "$RELEASE" --data-dir "$WORK/data" --key "$WORK/provider.pem" --threads "$THREADS"
echo "   your build against the committed one (Releases/eu24-nano-0.1, built on another machine):"
for file in recipe.lock.json model.safetensors tokenizer.json eval/results.json README.md; do
  cmp -s "$RELEASE/$file" "$COMMITTED/$file" || { echo "error: $file of your build differs from $COMMITTED/$file" >&2; exit 1; }
  echo "   $file: identical"
done

part "3. Verify the committed release" \
     "the signature is the provider's (the public key is in the repository), and every file is the one that was signed"
run "$BIN" verify "$COMMITTED" --key "$PUBLIC_KEY"

part "4. Tamper with a copy" \
     "one flipped byte in the weights is caught: verify exits with status 3"
cp -r "$COMMITTED" "$WORK/tampered"
printf '\x01' | dd of="$WORK/tampered/model.safetensors" bs=1 seek=4000 conv=notrunc status=none
set +e
"$BIN" verify "$WORK/tampered" --key "$PUBLIC_KEY"
status=$?
set -e
[ "$status" = 3 ] || { echo "error: verify of the tampered copy exited $status, expected 3" >&2; exit 1; }
echo "   → exit status 3, as it must be"

part "5. Reproduce the committed release" \
     "rebuilt from the release's own recipe without any cache, every step's artifacts compared bit for bit with its lock"
run "$BIN" reproduce "$COMMITTED" --data-dir "$WORK/data" --key "$PUBLIC_KEY" --threads "$THREADS"

part "6. Generate in three languages" \
     "the release is a working Llama model (a nano one: expect word salad, in the right script)"
for prompt in "Dobrý den" "Guten Tag" "Добрий день"; do
  run "$BIN" generate "$COMMITTED" --prompt "$prompt" --max-tokens 24 --temperature 0.8 --seed 7
done

part "7. Per-language evaluation" \
     "bits per byte on held-out text of every language, scored by Glassbox's own inference core"
run "$BIN" eval "$COMMITTED"

part "8. The EU AI Act checklist" \
     "each obligation that applies, and what in the release meets it (documents generated from the recorded facts)"
run "$BIN" comply "$COMMITTED" --check

printf '\ndemo finished in %d s; the release is in %s.\n' $((SECONDS - START)) "$RELEASE"
