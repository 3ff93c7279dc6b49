#!/usr/bin/env bash
# Benchmark: `glassbox verify` of a 2 GiB release versus `openssl dgst -sha256` (per core used) and
# `sha256sum -c`, side by side in one run (the machine may be shared: read the ratios, not the times).
# "GB per CPU-s" (bytes / (user + system time)) is the per-core throughput, which load does not change.
#
# usage: bash Benchmarks/verify.sh [SIZE_MIB] [SHARDS]     (default 2048 MiB in 4 safetensors shards)
# Needs: a built glassbox (make build), hyperfine, openssl, coreutils, python3. Uses $TMPDIR (2 GiB).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${GLASSBOX:-.build/release/glassbox}
SIZE_MIB=${1:-2048}
SHARDS=${2:-4}
[ -x "$BIN" ] || { echo "error: $BIN not found; run 'make build' first" >&2; exit 1; }
for tool in hyperfine openssl sha256sum python3; do
  command -v $tool >/dev/null || { echo "error: $tool is not installed" >&2; exit 1; }
done
WORK=$(mktemp -d "${TMPDIR:-/tmp}/glassbox-verify-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
REL="$WORK/release"
mkdir -p "$REL"

# A release of SHARDS valid safetensors files (one U8 tensor each, random bytes) + small files.
python3 - "$REL" "$SIZE_MIB" "$SHARDS" <<'PY'
import json, os, struct, sys
rel, size_mib, shards = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
per = size_mib * 1024 * 1024 // shards
chunk = os.urandom(16 * 1024 * 1024)
for i in range(shards):
    header = json.dumps({"weight": {"dtype": "U8", "shape": [per], "data_offsets": [0, per]}}).encode()
    header += b" " * (-len(header) % 8)
    with open(os.path.join(rel, f"model-{i + 1:05d}-of-{shards:05d}.safetensors"), "wb") as f:
        f.write(struct.pack("<Q", len(header)) + header)
        left = per
        while left:
            n = min(left, len(chunk)); f.write(chunk[:n]); left -= n
for name, text in [("config.json", "{}\n"), ("README.md", "# bench\n")]:
    open(os.path.join(rel, name), "w").write(text)
PY
"$BIN" keygen --name "$WORK/key" >/dev/null
"$BIN" sign "$REL" --key "$WORK/key.pem" >/dev/null
BYTES=$(du -sb "$REL" | cut -f1)
CORES=$(nproc)
USED=$(( SHARDS < CORES ? SHARDS : CORES ))
echo "release: $(( BYTES / 1048576 )) MiB in $SHARDS shards; $CORES cores, glassbox can use $USED (one per file)"
cat "$REL"/*.safetensors > /dev/null   # warm the page cache: we measure hashing, not the disk

hyperfine --warmup 1 --runs ${RUNS:-3} --export-json "$WORK/h.json" \
  -n "glassbox verify --key" "$BIN verify $REL --key $WORK/key.pub" \
  -n "glassbox verify (SHA256SUMS)" "$BIN verify $REL" \
  -n "glassbox verify --threads 1" "$BIN verify $REL --threads 1" \
  -n "openssl dgst -sha256 (1 process)" "openssl dgst -sha256 $REL/*.safetensors $REL/*.json $REL/README.md" \
  -n "openssl dgst -sha256 (xargs -P $CORES)" "ls $REL/* | xargs -P $CORES -n 1 openssl dgst -sha256" \
  -n "sha256sum -c" "cd $REL && sha256sum -c --quiet SHA256SUMS"

python3 - "$WORK/h.json" "$BYTES" "$USED" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
runs = {r["command"]: r["mean"] for r in results}
cpu = {r["command"]: r["user"] + r["system"] for r in results}
size, used = int(sys.argv[2]) / 1e9, int(sys.argv[3])
gb = {k: size / v for k, v in runs.items()}
per_cpu = {k: size / v for k, v in cpu.items()}
print(f"{'command':40s} {'wall':>8s} {'GB/s':>7s} {'CPU s':>7s} {'GB per CPU-s':>13s}")
for k in runs:
    print(f"{k:40s} {runs[k]:7.3f}s {gb[k]:7.2f} {cpu[k]:7.3f} {per_cpu[k]:13.2f}")
one = "openssl dgst -sha256 (1 process)"
for name in ("glassbox verify --key", "glassbox verify (SHA256SUMS)"):
    print(f"{name}: wall {gb[name] / (gb[one] * used):.2f}x openssl per core used ({used}); "
          f"CPU efficiency {per_cpu[name] / per_cpu[one]:.2f}x openssl; {gb[name] / gb['sha256sum -c']:.2f}x sha256sum -c")
print(f"like for like, one core: glassbox verify --threads 1 = {gb['glassbox verify --threads 1'] / gb[one]:.2f}x one openssl process (wall)")
PY
