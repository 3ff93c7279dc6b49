#!/usr/bin/env bash
# `make demo`: a tour of Glassbox on its flagship, Recipes/eu24-nano.toml (33 European languages) and
# its committed, signed release Releases/eu24-nano-0.1. Each part says in one line what it proves.
# What it builds stays in out/demo/ for you to look at; the store is a throw-away one ($GLASSBOX_HOME).
set -euo pipefail
BIN=$(realpath "${1:-.build/release/glassbox}")
[ -x "$BIN" ] || { echo "error: $BIN is not built; run 'make build'" >&2; exit 1; }
cd "$(dirname "$0")/.."
WORK=$(mktemp -d /tmp/glassbox-demo.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
export GLASSBOX_HOME="$WORK/store"
RECIPE=Recipes/eu24-nano.toml
COMMITTED=Releases/eu24-nano-0.1
PUBLIC=Releases/keys/eu24-nano.pub
BUILT=out/demo/eu24-nano-0.1
THREADS=$(nproc)
START=$SECONDS
part() { printf '\n\033[1m== %s\033[0m\n   %s\n' "$1" "$2"; }
run() { printf '\033[1m$ %s\033[0m\n' "$*"; "$@"; }
# The partner's private repository of the one non-redistributable source, as an auditor would have it.
bash Tools/make_partner_repository.sh "$WORK/partner" >/dev/null
rm -rf out/demo && mkdir -p out/demo

part "1. Check the recipe" \
     "every input is named and pinned: 34 sources in 33 languages, tokenizer, model, training, evaluation, compliance facts"
run "$BIN" recipe check "$RECIPE"
run "$BIN" recipe plan "$RECIPE"

part "2. Build it" \
     "Glassbox's own tokenizer, training and evaluation cores turn the recipe into a release (about 3 minutes on 2 cores)"
run "$BIN" build "$RECIPE" --out "$BUILT" --data-dir "$WORK/partner" --threads "$THREADS"
if cmp -s "$BUILT/recipe.lock.json" "$COMMITTED/recipe.lock.json"; then
  echo "   → the lock of this build is byte-identical to the committed release's: same bits on this machine"
else
  echo "error: this build's lock differs from $COMMITTED/recipe.lock.json" >&2; exit 1
fi

part "3. Verify the committed release" \
     "its signature is the provider's and every file is the one that was signed"
run "$BIN" verify "$COMMITTED" --key "$PUBLIC"

part "4. Tamper with a copy" \
     "one flipped byte in the weights is caught: verify exits with status 3"
cp -r "$COMMITTED" "$WORK/tampered"
printf '\x01' | dd of="$WORK/tampered/model.safetensors" bs=1 seek=4000 conv=notrunc status=none
set +e
"$BIN" verify "$WORK/tampered" --key "$PUBLIC"
status=$?
set -e
[ "$status" = 3 ] || { echo "error: verify of the tampered copy exited $status, expected 3" >&2; exit 1; }
echo "   → exit status 3, as it must be"

part "5. Reproduce the committed release" \
     "rebuilt from its recipe without any cache, every step's artifacts compared bit for bit with the lock"
run "$BIN" reproduce "$COMMITTED" --data-dir "$WORK/partner" --key "$PUBLIC" --threads "$THREADS"

part "6. Generate in three languages" \
     "the release is a working Llama model (a nano one: expect word salad, in the right script)"
for prompt in "Dobrý den" "Guten Tag" "Добрий день"; do
  run "$BIN" generate "$COMMITTED" --prompt "$prompt" --max-tokens 24 --temperature 0.8 --seed 7
done

part "7. Per-language evaluation" \
     "bits per byte on held-out text of every language, measured by the build and recorded in eval/results.json"
run "$BIN" eval "$COMMITTED"

part "8. The EU AI Act checklist" \
     "each obligation that applies, and what in the release meets it (documents generated from the recorded facts)"
run "$BIN" comply "$COMMITTED"

printf '\ndemo finished in %d s. Your build is in %s; the model card is %s/README.md.\n' \
  $((SECONDS - START)) "$BUILT" "$COMMITTED"
