#!/usr/bin/env bash
# Single-stream Q8_0 decode speed: `glassbox generate --variant q8_0` against llama.cpp's Q8_0
# (llama-cpp-python), the same GGUF file, the same prompt ids, the same threads, side by side (issue #25).
#
#   bash Benchmarks/decode_q8.sh                    # models M and nano, threads 1 2, 5 runs each
#   MODELS="nano" THREADS=2 RUNS=3 bash Benchmarks/decode_q8.sh
#
# Models: M is Benchmarks/decode.sh's seeded random tied LlamaForCausalLM (hidden 512, 8 layers, MLP
# 1376, vocabulary 16384; XS and S have MLP widths that are not multiples of 32, so no Q8_0); nano is
# the flagship release Releases/eu24-nano-0.1 (or NANO=DIR). The Q8_0 file is written by
# `glassbox export gguf --type q8_0` (byte-identical to the gguf package's quantizer) and both tools
# run that one file. Python environments as in Benchmarks/decode.sh (PY_TORCH=…, PY_LLAMA=…). Greedy,
# NEW new tokens, no EOS stop, llama.cpp with an F32 KV cache; glassbox's figure is `generate --json`'s
# tokens/s after the prompt (sampling included), llama.cpp's its timed llama_decode calls after the
# prompt (sampling excluded). Runs alternate; best and median of RUNS, ratio of medians. The ids column
# says whether the two Q8_0 greedy continuations agree (their float sums run in different orders, so
# a near-tie may go either way: they are not expected to be bit-identical).
source "$(dirname "$0")/common.sh"
MODELS=${MODELS:-M nano}
NANO=${NANO:-Releases/eu24-nano-0.1}
THREADS=${THREADS:-1 2}
RUNS=${RUNS:-5}
NEW=${NEW:-128}
OMP_POLICY=${OMP_POLICY:-passive}
printf "%-5s %-7s %18s %18s %7s  %s\n" model threads "glassbox best/med" "llama.cpp best/med" ratio ids
for name in $MODELS; do
    model="$WORK/$name"
    if [ "$name" = nano ]; then
        cp -r "$NANO" "$model"
        chmod -R u+w "$model"
    else
        "$PY_TORCH" Benchmarks/decode_reference.py make-model "$model" "$name" >/dev/null 2>&1
    fi
    [ -f "$model/model-q8_0.gguf" ] || "$BIN" export gguf "$model" --type q8_0 --out-file "$model/model-q8_0.gguf" >/dev/null
    prompt=$("$BIN" generate "$model" --variant q8_0 --prompt "Dobrý den, jak se máte?" --max-tokens 1 --json --threads 1 |
        python3 -c 'import json, sys; print(json.dumps(json.load(sys.stdin)["prompt_ids"]))')
    for t in $THREADS; do
        : > "$WORK/ours" ; : > "$WORK/theirs"
        for _ in $(seq "$RUNS"); do
            "$BIN" generate "$model" --variant q8_0 --prompt "Dobrý den, jak se máte?" --max-tokens "$NEW" --ignore-eos --threads "$t" --json >> "$WORK/ours"
            OMP_WAIT_POLICY=$OMP_POLICY "$PY_LLAMA" Benchmarks/decode_reference.py llamacpp "$model/model-q8_0.gguf" "$t" "$NEW" "$prompt" 2>/dev/null >> "$WORK/theirs"
        done
        python3 - "$name" "$t" "$WORK/ours" "$WORK/theirs" <<'PY'
import json, statistics, sys
name, t = sys.argv[1], sys.argv[2]
ours = [json.loads(l) for l in open(sys.argv[3])]
theirs = [json.loads(l) for l in open(sys.argv[4])]
a = [o["generation_tokens_per_second"] for o in ours]
b = [x["tokens_per_second"] for x in theirs]
mine, other = ours[0]["generated_ids"], theirs[0]["generated_ids"]
stable = all(o["generated_ids"] == mine for o in ours) and all(x["generated_ids"] == other for x in theirs)
first = next((i for i, (x, y) in enumerate(zip(mine, other)) if x != y), None)
ids = "same ids" if first is None else f"agree on the first {first} of {len(mine)}"
ids += "" if stable else " (RUNS DIFFER)"
ma, mb = statistics.median(a), statistics.median(b)
print(f"{name:5s} {t:7s} {max(a):8.0f}/{ma:<8.0f} {max(b):8.0f}/{mb:<8.0f} {ma / mb:6.2f}×  {ids}")
PY
    done
done
