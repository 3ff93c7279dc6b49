#!/usr/bin/env bash
# Generation and evaluation speed of glassbox against transformers (torch CPU), same model, same threads.
#
#   bash Benchmarks/generate.sh            # sizes "small" and "medium", threads 1 and 2
#   SIZES=small THREADS=1 bash Benchmarks/generate.sh
#
# For each size, a seeded random LlamaForCausalLM is written by transformers (Benchmarks/generate_reference.py).
# Generation: greedy, 128 new tokens after the same prompt, no EOS stop; glassbox `generate --json` reports
# generation tokens/s (after the prompt), transformers `generate` is timed after one warm-up call; the
# generated ids must be identical (a speed-up that changes results is a bug).
# Evaluation: glassbox `eval` on 64 corpus documents of ~2000 bytes with --context 256 --stride 256
# (tokens forwarded per second) against one batched transformers forward of 8 × 256 tokens.
# Needs the release binary (built with `make build` if absent) and python3 with torch + transformers.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/glassbox
[ -x "$BIN" ] || make build
SIZES=${SIZES:-small medium}
THREADS=${THREADS:-1 2}
NEW=${NEW:-128}
CORPUS=${GLASSBOX_CORPUS:-../shared/corpus}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 Benchmarks/eval_documents.py "$CORPUS" "$WORK/eval.jsonl" 16
echo "date: $(date -u +%Y-%m-%d) host: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-7s %-7s %-10s %12s %12s %7s  %s\n" size threads what glassbox transformers ratio note
for size in $SIZES; do
    model="$WORK/$size"
    python3 Benchmarks/generate_reference.py make-model "$model" "$size" >/dev/null 2>&1
    for t in $THREADS; do
        ours=$("$BIN" generate "$model" --prompt "Dobrý den, jak se máte?" --max-tokens "$NEW" --ignore-eos --threads "$t" --json)
        ref=$(python3 Benchmarks/generate_reference.py generate "$model" "$t" "$NEW" 2>/dev/null)
        python3 - "$size" "$t" "$ours" "$ref" <<'PY'
import json, sys
size, t, ours, ref = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
same = "same ids" if ours["generated_ids"] == ref["generated_ids"] else "IDS DIFFER"
a, b = ours["generation_tokens_per_second"], ref["tokens_per_second"]
print(f"{size:7s} {t:7s} {'generate':10s} {a:12.1f} {b:12.1f} {a / b:7.2f}  {same}")
PY
        ours=$("$BIN" eval "$model" --data "$WORK/eval.jsonl" --context 256 --stride 256 --threads "$t" 2>&1 >/dev/null \
            | sed -n 's/.*(\([0-9.]*\) tokens\/s).*/\1/p')
        ref=$(python3 Benchmarks/generate_reference.py forward "$model" "$t" 8 256 2>/dev/null)
        python3 - "$size" "$t" "$ours" "$ref" <<'PY'
import json, sys
size, t, ours, ref = sys.argv[1], sys.argv[2], float(sys.argv[3]), json.loads(sys.argv[4])["tokens_per_second"]
print(f"{size:7s} {t:7s} {'eval':10s} {ours:12.1f} {ref:12.1f} {ours / ref:7.2f}  tokens forwarded/s")
PY
    done
done
