#!/usr/bin/env bash
# Throughput of `glassbox data prepare` (decode, NFC, clean-up, line split, SHA-256 dedup, train/eval
# split, JSONL + stats.json) on the shared multilingual corpus, next to a plain-Python reference doing
# the same work. Reports MB/s of input per CPU-second (user+sys), so it is a per-core figure even on a
# busy machine. Needs: a built glassbox (`make build`), hyperfine, python3.
# Usage: bash Benchmarks/prepare.sh [corpus folder with one sub-folder per language]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.build/release/glassbox}
CORPUS=${1:-${GLASSBOX_CORPUS:-../shared/corpus}}
[ -x "$BIN" ] || { echo "error: $BIN not found; run 'make build' first" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "error: hyperfine is not installed (make deps)" >&2; exit 1; }
[ -d "$CORPUS" ] || { echo "error: corpus folder '$CORPUS' not found; pass one as the first argument" >&2; exit 1; }
mapfile -t SOURCES < <(find "$CORPUS" -mindepth 1 -maxdepth 1 -type d | sort)
BYTES=$(find "${SOURCES[@]}" -type f -exec cat {} + | wc -c)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "input: ${#SOURCES[@]} languages, $BYTES bytes"
hyperfine --warmup 1 --runs 5 --export-json "$WORK/result.json" \
  -n glassbox-line "$BIN data prepare ${SOURCES[*]} --force --out $WORK/g" \
  -n glassbox-paragraph "$BIN data prepare ${SOURCES[*]} --split paragraph --force --out $WORK/gp" \
  -n glassbox-no-nfc "$BIN data prepare ${SOURCES[*]} --normalization none --force --out $WORK/gn" \
  -n python-reference "python3 Benchmarks/prepare_reference.py $WORK/p ${SOURCES[*]}" > "$WORK/hyperfine.txt"
python3 - "$WORK/result.json" "$BYTES" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
size = int(sys.argv[2])
reference = next(r for r in results if r["command"] == "python-reference")
ref_cpu = reference["user"] + reference["system"]
print(f"{'command':<20} {'wall s':>8} {'cpu s':>8} {'MB/s per core':>14} {'vs python':>10}")
for r in results:
    cpu = r["user"] + r["system"]
    print(f"{r['command']:<20} {r['mean']:8.3f} {cpu:8.3f} {size / cpu / 1e6:14.1f} {ref_cpu / cpu:9.1f}x")
PY
