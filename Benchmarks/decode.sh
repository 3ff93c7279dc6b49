#!/usr/bin/env bash
# Single-stream decode speed of glassbox against llama.cpp F32 (llama-cpp-python), same model, same
# prompt ids, same threads, side by side in one run (issue #24).
#
#   bash Benchmarks/decode.sh                       # sizes XS S M, threads 1 2, 5 runs each
#   SIZES="S M" THREADS=2 RUNS=7 bash Benchmarks/decode.sh
#
# Needs the release binary (`make build`) and two Python environments (kept in the repo's ignored
# .venv* folders; llama-cpp-python compiles llama.cpp for 10–20 minutes on 2 cores):
#   python3 -m venv .venv-bench && .venv-bench/bin/pip install torch transformers safetensors gguf
#   python3 -m venv .venv-llamacpp && .venv-llamacpp/bin/pip install llama-cpp-python==0.3.36
# (override with PY_TORCH=… PY_LLAMA=…). For each size a seeded random tied LlamaForCausalLM is
# written by transformers (Benchmarks/decode_reference.py) and converted to an F32 GGUF. Greedy, NEW
# new tokens after the same prompt ids, no EOS stop, F32 weights and (llama.cpp) an F32 KV cache;
# glassbox `generate --json` reports generation tokens/s after the prompt (sampling included), the
# llama.cpp side times its llama_decode calls after the prompt (sampling excluded; its own perf
# counters read 0 through llama-cpp-python 0.3.36).
# Runs alternate glassbox / llama.cpp; the table gives best and median of RUNS and the ratio of the
# medians. Ids: glassbox's must equal transformers' and llama.cpp's must equal transformers' before a
# ratio is quoted ("IDS DIFFER" otherwise).
source "$(dirname "$0")/common.sh"
SIZES=${SIZES:-XS S M}
THREADS=${THREADS:-1 2}
RUNS=${RUNS:-5}
NEW=${NEW:-128}
# llama.cpp's OpenMP threads spin-wait by default; on a shared 2-core machine that collapses its
# 2-thread decode (4 tokens/s instead of ~100 on M, measured), so it runs with passive waiting.
OMP_POLICY=${OMP_POLICY:-passive}
printf "%-4s %-7s %18s %18s %7s  %s\n" size threads "glassbox best/med" "llama.cpp best/med" ratio ids
for size in $SIZES; do
    model="$WORK/$size"
    "$PY_TORCH" Benchmarks/decode_reference.py make-model "$model" "$size" >/dev/null 2>&1
    "$PY_TORCH" Benchmarks/decode_reference.py to-gguf "$model" "$model/model-f32.gguf" >/dev/null 2>&1
    prompt=$("$PY_TORCH" Benchmarks/decode_reference.py prompt-ids "$model")
    reference=$("$PY_TORCH" Benchmarks/decode_reference.py transformers "$model" "$NEW" 2>/dev/null)
    for t in $THREADS; do
        : > "$WORK/ours" ; : > "$WORK/theirs"
        for _ in $(seq "$RUNS"); do
            "$BIN" generate "$model" --prompt "Dobrý den, jak se máte?" --max-tokens "$NEW" --ignore-eos --threads "$t" --json >> "$WORK/ours"
            OMP_WAIT_POLICY=$OMP_POLICY "$PY_LLAMA" Benchmarks/decode_reference.py llamacpp "$model/model-f32.gguf" "$t" "$NEW" "$prompt" 2>/dev/null >> "$WORK/theirs"
        done
        python3 - "$size" "$t" "$prompt" "$reference" "$WORK/ours" "$WORK/theirs" <<'PY'
import json, statistics, sys
size, t, prompt, ref = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])["generated_ids"]
ours = [json.loads(l) for l in open(sys.argv[5])]
theirs = [json.loads(l) for l in open(sys.argv[6])]
a = [o["generation_tokens_per_second"] for o in ours]
b = [x["tokens_per_second"] for x in theirs]
same = all(o["prompt_ids"] == prompt and o["generated_ids"] == ref for o in ours)
same_ll = all(x["generated_ids"] == ref for x in theirs)
ids = "same ids" if same and same_ll else f"IDS DIFFER (glassbox {'=' if same else '≠'} transformers, llama.cpp {'=' if same_ll else '≠'} transformers)"
ma, mb = statistics.median(a), statistics.median(b)
print(f"{size:4s} {t:7s} {max(a):8.0f}/{ma:<8.0f} {max(b):8.0f}/{mb:<8.0f} {ma / mb:6.2f}×  {ids}")
PY
    done
done
