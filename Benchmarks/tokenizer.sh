#!/usr/bin/env bash
# Tokenizer benchmark: glassbox vs Hugging Face tokenizers, side by side in the same run.
#   1. training a 32k byte-level BPE (Llama-3 regex) on ~20 MB of multilingual text, 1 and 2 threads
#   2. batch encoding (~3.7 MB, 33 languages) on 1 and 2 threads
# Wall time, CPU time (user+sys) and peak RSS (/usr/bin/time -v) of each whole process, plus the encode-only time each
# side measures around its batch call. Also checks that both learned the same merges.
# Needs: .build/release/glassbox (`make build`), python3 with tokenizers, /usr/bin/time.
# Usage: bash Benchmarks/tokenizer.sh [MEGABYTES]   (output under bench-out/tokenizer/)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/glassbox
OUT=bench-out/tokenizer
MB=${1:-20}
[ -x "$BIN" ] || { echo "error: $BIN missing; run 'make build' first" >&2; exit 1; }
python3 -c "import tokenizers" || { echo "error: python3 -c 'import tokenizers' failed; pip install tokenizers" >&2; exit 1; }
mkdir -p "$OUT"
python3 Benchmarks/tokenizer_bench.py corpus "$OUT" "$MB"
for i in 1 2 3 4; do cat "$OUT/eval.txt"; done > "$OUT/encode.txt"

# measure NAME CMD... : runs CMD under /usr/bin/time -v; prints "NAME wall_s peak_MiB" and keeps stdout in $OUT/NAME.out
measure() {
  local name=$1; shift
  /usr/bin/time -v "$@" > "$OUT/$name.out" 2> "$OUT/$name.time"
  python3 - "$OUT/$name.time" "$name" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", text)
h, m, s = wall.groups()
seconds = int(h or 0) * 3600 + int(m) * 60 + float(s)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
cpu = sum(float(re.search(rf"{k} time \(seconds\): ([\d.]+)", text).group(1)) for k in ("User", "System"))
print(f"{sys.argv[2]:<28} wall {seconds:7.2f} s   cpu {cpu:7.2f} s   peak {rss:7.1f} MiB")
PY
}

echo "== training 32000 tokens on $MB MB (date $(date -u +%F), $(nproc) cores, shared machine)"
for t in 1 2; do
  RAYON_NUM_THREADS=$t measure "train-tokenizers-t$t" python3 Benchmarks/tokenizer_bench.py train "$OUT/train.txt" 32000 "$OUT/hf-t$t"
  measure "train-glassbox-t$t" "$BIN" tokenizer train --data "$OUT/train.txt" --vocab-size 32000 \
    --special-tokens '<s>,</s>' --threads "$t" --out "$OUT/gb-t$t"
  python3 Benchmarks/tokenizer_bench.py compare "$OUT/hf-t$t/tokenizer.json" "$OUT/gb-t$t/tokenizer.json"
done
cmp -s "$OUT/gb-t1/tokenizer.json" "$OUT/gb-t2/tokenizer.json" && echo "glassbox: identical tokenizer.json on 1 and 2 threads"

echo "== batch encoding $(wc -c < "$OUT/encode.txt") bytes, $(wc -l < "$OUT/encode.txt") lines with the tokenizers-trained 32k tokenizer"
for t in 1 2; do
  RAYON_NUM_THREADS=$t measure "encode-tokenizers-t$t" python3 Benchmarks/tokenizer_bench.py encode "$OUT/hf-t1/tokenizer.json" "$OUT/encode.txt"
  echo "   encode only: $(cat "$OUT/encode-tokenizers-t$t.out")"
  measure "encode-glassbox-t$t" "$BIN" tokenize "$OUT/hf-t1" --file "$OUT/encode.txt" --threads "$t" --stats
  echo "   encode only: $(cat "$OUT/encode-glassbox-t$t.out")"
done
