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
# The FMA peak is measured (`train-bench --fma-peak`: twelve independent 8-lane FMA chains per thread),
# not computed from /proc/cpuinfo: this VM reports its base clock, and the cores run faster.
mhz=$(grep -m1 'cpu MHz' /proc/cpuinfo | cut -d: -f2 | xargs)
for t in 1 2; do
  m=$("$BIN" train-bench --matmul --threads "$t" --matmul-size 1024)
  f=$("$BIN" train-bench --fma-peak --threads "$t")
  python3 - "$m" "$f" "$mhz" "$t" <<'PY'
import json, sys
m, f, mhz, t = json.loads(sys.argv[1]), json.loads(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
g, peak = m["gflops"], f["gflops"]
print(f"matmul 1024³, {t} thread(s): {g:.1f} GFLOP/s = {100 * g / peak:.0f}% of the measured FMA peak {peak:.1f} GFLOP/s "
      f"(= {peak / t / 32:.2f} GHz × 2 FMA × 8 lanes × 2 per core; /proc/cpuinfo says {mhz / 1000:.3f} GHz)")
PY
done
