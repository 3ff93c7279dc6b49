#!/usr/bin/env bash
# Training throughput: Glassbox (`glassbox train-bench`) vs PyTorch CPU (transformers LlamaForCausalLM,
# sdpa attention, AdamW, clip 1.0), side by side, same thread count, sizes XS/S/M of issue #7, plus
# the matmul kernel's GFLOP/s. Builds nothing itself: run `make build` first (or this calls it).
# Usage: bash Benchmarks/train.sh [sizes (default "XS S M")] [threads (default "1 2")] [steps (default 3)]
# BASELINE=/path/to/older/glassbox adds that binary's tokens/s (same run) and checks that both binaries
# end with the same weights_digest (a speed-up must not change a bit).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/glassbox
[ -x "$BIN" ] || make build
SIZES=${1:-"XS S M"}
THREADS=${2:-"1 2"}
STEPS=${3:-3}
echo "# $(date -u +%Y-%m-%dT%H:%MZ)  $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
echo "# size threads | glassbox tok/s | pytorch tok/s | ratio | glassbox peak MiB | pytorch peak MiB"
for size in $SIZES; do
  for t in $THREADS; do
    g=$("$BIN" train-bench --size "$size" --threads "$t" --steps "$STEPS")
    p=$(OMP_NUM_THREADS=$t python3 Benchmarks/train_torch.py "$size" "$t" "$STEPS" 2>/dev/null)
    b='{}'
    [ -n "${BASELINE:-}" ] && b=$("$BASELINE" train-bench --size "$size" --threads "$t" --steps "$STEPS")
    python3 - "$size" "$t" "$g" "$p" "$b" <<'PY'
import json, sys
size, t, g, p, b = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4]), json.loads(sys.argv[5])
extra = ""
if b:
    same = "same digest" if b.get("weights_digest") == g.get("weights_digest") else "DIGEST DIFFERS"
    extra = f" | baseline {b['tokens_per_second']:>8} ({b['tokens_per_second']/p['tokens_per_second']:4.2f}x), {same}"
print(f"{size:>4} {t:>2} | {g['tokens_per_second']:>8} | {p['tokens_per_second']:>8} | {g['tokens_per_second']/p['tokens_per_second']:5.2f}x"
      f" | {g['peak_rss_mib']:>6} | {p['peak_rss_mib']:>6}{extra}")
PY
  done
done
mhz=$(grep -m1 'cpu MHz' /proc/cpuinfo | cut -d: -f2 | xargs)
lanes=8; grep -q avx512f /proc/cpuinfo && lanes=16
for t in 1 2; do
  m=$("$BIN" train-bench --matmul --threads "$t" --matmul-size 1024)
  python3 - "$m" "$mhz" "$lanes" "$t" <<'PY'
import json, sys
m, mhz, lanes, t = json.loads(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
peak = t * mhz / 1000 * 2 * lanes * 2  # cores × GHz × 2 FMA units × lanes × 2 flops
print(f"matmul 1024³, {t} thread(s): {m['gflops']:.1f} GFLOP/s = {100 * m['gflops'] / peak:.0f}% of {peak:.1f} "
      f"(= {t} × {mhz/1000:.3f} GHz × 2 FMA × {lanes} lanes × 2)")
PY
done
