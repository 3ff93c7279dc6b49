#!/usr/bin/env bash
# Memory and speed of inference against an earlier glassbox binary (and llama.cpp F32's memory), same
# models, same threads, side by side in one run (issue #24: decode speed kept, memory no worse).
#
#   BASELINE=/path/to/older/glassbox bash Benchmarks/inference_memory.sh
#   SIZES="M" THREADS=2 RUNS=5 BASELINE=… bash Benchmarks/inference_memory.sh
#
# Models: Benchmarks/decode_reference.py's seeded random tied Llamas (XS/S/M, F32 safetensors), made
# with PY_TORCH (default .venv-bench/bin/python, see Benchmarks/decode.sh); llama.cpp's side runs when
# PY_LLAMA (default .venv-llamacpp/bin/python) and PY_GGUF can run (else it is left out).
# For each size and thread count, RUNS rounds alternate the two binaries over
#   generate: greedy, NEW new tokens after the same prompt, no EOS stop (`generate --json` tokens/s after
#             the prompt), peak RSS of the whole process (`/usr/bin/time -f %M`: loading included);
#   eval:     `eval` on 32 corpus documents of ~2000 bytes, --context 256 --stride 256 (tokens
#             forwarded/s from its summary line), peak RSS.
# The table gives medians of the speeds and the largest peak RSS, beside the weights' size. Both
# binaries must give the same generated ids and byte-identical eval output ("RESULTS DIFFER" otherwise).
source "$(dirname "$0")/common.sh"
BASELINE=${BASELINE:?set BASELINE to the glassbox binary to compare with}
SIZES=${SIZES:-S M}
THREADS=${THREADS:-1 2}
RUNS=${RUNS:-3}
NEW=${NEW:-128}
CORPUS=${GLASSBOX_CORPUS:-../shared/corpus}
python3 Benchmarks/eval_documents.py "$CORPUS" "$WORK/eval.jsonl" 8
# run NAME BINARY ARGS…: appends "seconds-or-rate rss_kib" lines and keeps stdout per run.
measure() {
    local out=$1; shift
    /usr/bin/time -f "%M" -o "$WORK/rss" "$@" > "$WORK/stdout" 2> "$WORK/stderr"
    echo "$(cat "$WORK/rss")" >> "$out.rss"
}
printf "%-4s %-7s %-9s %10s %14s %14s %14s %14s %16s  %s\n" size threads what weights "before tok/s" "after tok/s" \
    "before peak" "after peak" "llama.cpp peak" check
for size in $SIZES; do
    model="$WORK/$size"
    "$PY_TORCH" Benchmarks/decode_reference.py make-model "$model" "$size" >/dev/null 2>&1
    weights=$(stat -c %s "$model/model.safetensors")
    llama=""
    if "$PY_TORCH" Benchmarks/decode_reference.py to-gguf "$model" "$model/model-f32.gguf" >/dev/null 2>&1 \
        && [ -x "$PY_LLAMA" ]; then llama=yes; fi
    prompt=$("$PY_TORCH" Benchmarks/decode_reference.py prompt-ids "$model")
    for t in $THREADS; do
        rm -f "$WORK"/{before,after,llama}-*
        for _ in $(seq "$RUNS"); do
            for side in before after; do
                bin=$BIN; [ "$side" = before ] && bin=$BASELINE
                measure "$WORK/$side-gen" "$bin" generate "$model" --prompt "Dobrý den, jak se máte?" \
                    --max-tokens "$NEW" --ignore-eos --threads "$t" --json
                cat "$WORK/stdout" >> "$WORK/$side-gen.json"
                measure "$WORK/$side-eval" "$bin" eval "$model" --data "$WORK/eval.jsonl" --context 256 --stride 256 --threads "$t"
                sed -n 's/.*(\([0-9.]*\) tokens\/s).*/\1/p' "$WORK/stderr" >> "$WORK/$side-eval.rate"
                cp "$WORK/stdout" "$WORK/$side-eval.out"
            done
            if [ -n "$llama" ]; then
                OMP_WAIT_POLICY=passive /usr/bin/time -f "%M" -o "$WORK/rss" "$PY_LLAMA" Benchmarks/decode_reference.py \
                    llamacpp "$model/model-f32.gguf" "$t" "$NEW" "$prompt" > /dev/null 2>&1 && cat "$WORK/rss" >> "$WORK/llama-gen.rss"
            fi
        done
        cmp -s "$WORK/before-eval.out" "$WORK/after-eval.out" && evalsame=yes || evalsame=no
        python3 - "$size" "$t" "$weights" "$WORK" "$evalsame" <<'PY'
import json, os, statistics, sys
size, t, weights, work, evalsame = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5] == "yes"
def rss(name):
    path = f"{work}/{name}.rss"
    return max(int(l) for l in open(path)) / 1024 if os.path.exists(path) else None
mib = lambda v: "-" if v is None else f"{v:.1f} MiB"
gen = {s: [json.loads(l) for l in open(f"{work}/{s}-gen.json")] for s in ("before", "after")}
ids = {tuple(o["generated_ids"]) for s in gen for o in gen[s]}
rate = lambda s: statistics.median(o["generation_tokens_per_second"] for o in gen[s])
print(f"{size:4s} {t:7s} {'generate':9s} {weights / 2**20:6.1f} MiB {rate('before'):14.1f} {rate('after'):14.1f} "
      f"{mib(rss('before-gen')):>14s} {mib(rss('after-gen')):>14s} {mib(rss('llama-gen')):>16s}  "
      + ("same ids" if len(ids) == 1 else "RESULTS DIFFER"))
ev = {s: statistics.median(float(l) for l in open(f"{work}/{s}-eval.rate")) for s in ("before", "after")}
print(f"{size:4s} {t:7s} {'eval':9s} {weights / 2**20:6.1f} MiB {ev['before']:14.1f} {ev['after']:14.1f} "
      f"{mib(rss('before-eval')):>14s} {mib(rss('after-eval')):>14s} {'':>16s}  "
      + ("same results" if evalsame else "RESULTS DIFFER"))
PY
    done
done
