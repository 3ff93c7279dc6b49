#!/usr/bin/env bash
# Benchmarks/hash.sh — glassbox hash against openssl dgst and sha256sum, in one run on the same files.
#
#   bash Benchmarks/hash.sh            # needs .build/release/glassbox (`make build`), hyperfine, /usr/bin/time
#   BENCH_DIR=/big/disk bash Benchmarks/hash.sh   # where the 4 GiB of scratch files go (default: mktemp in /tmp)
#
# 1. one 2 GiB file: glassbox hash --threads 1, openssl dgst -sha256, sha256sum (throughput, ratios)
# 2. 64 files of 32 MiB: glassbox hash --threads 1 vs --threads 2 (speed-up)
# 3. peak resident memory of glassbox hash on the 2 GiB file (/usr/bin/time -v)
# Files are read from the page cache (a warm-up run first), so this measures hashing, not the disk.
# The scratch files are deleted at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${GLASSBOX_BIN:-.build/release/glassbox}
RUNS=${RUNS:-5}
for tool in hyperfine openssl sha256sum python3; do
  command -v "$tool" >/dev/null || { echo "error: $tool is missing; run 'make deps'" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is missing; run 'make deps' (package 'time')" >&2; exit 1; }
[ -x "$BIN" ] || { echo "error: $BIN not built; run 'make build' first" >&2; exit 1; }

WORK=$(mktemp -d "${BENCH_DIR:-/tmp}/glassbox-hash-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
BIG="$WORK/big.bin"
MANY="$WORK/many"
echo "== generating 2 GiB + 64 x 32 MiB of random data in $WORK"
dd if=/dev/urandom of="$BIG" bs=16M count=128 status=none
mkdir -p "$MANY"
for i in $(seq -w 1 64); do dd if=/dev/urandom of="$MANY/part-$i.bin" bs=16M count=2 status=none; done

# The three tools must agree before anything is timed.
ours=$("$BIN" hash --no-progress "$BIG" | cut -c1-64)
ref=$(sha256sum "$BIG" | cut -c1-64)
ossl=$(openssl dgst -sha256 -r "$BIG" | cut -c1-64)
[ "$ours" = "$ref" ] && [ "$ours" = "$ossl" ] || { echo "error: digests differ: $ours $ref $ossl" >&2; exit 1; }
[ "$("$BIN" hash --threads 1 "$MANY")" = "$("$BIN" hash --threads 2 "$MANY")" ] || { echo "error: thread counts disagree" >&2; exit 1; }

echo "== one 2 GiB file"
hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/big.json" \
  -n "glassbox hash" "$BIN hash --threads 1 --no-progress $BIG" \
  -n "openssl dgst -sha256" "openssl dgst -sha256 $BIG" \
  -n "sha256sum" "sha256sum $BIG"

echo "== 64 files of 32 MiB"
hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/many.json" \
  -n "glassbox hash --threads 1" "$BIN hash --threads 1 --no-progress $MANY" \
  -n "glassbox hash --threads 2" "$BIN hash --threads 2 --no-progress $MANY"

echo "== peak memory"
/usr/bin/time -v "$BIN" hash --no-progress "$BIG" 2> "$WORK/time-big.txt" >/dev/null
/usr/bin/time -v "$BIN" hash --threads 2 --no-progress "$MANY" 2> "$WORK/time-many.txt" >/dev/null
/usr/bin/time -v "$BIN" hash --threads 1 --no-progress "$MANY" 2> "$WORK/time-many1.txt" >/dev/null

python3 - "$WORK" <<'PY'
import json, re, sys
work = sys.argv[1]
gib = 2 * 1024**3
def means(name):
    return {r["command"]: r["mean"] for r in json.load(open(f"{work}/{name}.json"))["results"]}
def field(name, label):
    text = open(f"{work}/time-{name}.txt").read()
    return re.search(re.escape(label) + r": ([\d.]+)", text).group(1)
def cpu(name):
    return float(field(name, "User time (seconds)")) + float(field(name, "System time (seconds)"))
def rss(name):
    text = open(f"{work}/time-{name}.txt").read()
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
big, many = means("big"), means("many")
g, o, s = big["glassbox hash"], big["openssl dgst -sha256"], big["sha256sum"]
t1, t2 = many["glassbox hash --threads 1"], many["glassbox hash --threads 2"]
print()
print("| measurement | result |")
print("| --- | --- |")
print(f"| 2 GiB file, glassbox hash (1 thread) | {g:.3f} s, {gib / g / 1e9:.2f} GB/s |")
print(f"| 2 GiB file, openssl dgst -sha256 | {o:.3f} s, {gib / o / 1e9:.2f} GB/s |")
print(f"| 2 GiB file, sha256sum | {s:.3f} s, {gib / s / 1e9:.2f} GB/s |")
print(f"| glassbox / openssl throughput | {o / g:.2f}x (target >= 0.9x) |")
print(f"| glassbox / sha256sum throughput | {s / g:.2f}x (target >= 3x) |")
print(f"| 64 x 32 MiB, --threads 1 | {t1:.3f} s, {gib / t1 / 1e9:.2f} GB/s |")
print(f"| 64 x 32 MiB, --threads 2 | {t2:.3f} s, {gib / t2 / 1e9:.2f} GB/s |")
print(f"| 2 threads / 1 thread | {t1 / t2:.2f}x (target >= 1.7x) |")
print(f"| 64 x 32 MiB, CPU time (user+sys) 1 thread / 2 threads | {cpu('many1'):.2f} s / {cpu('many'):.2f} s "
      f"({field('many1', 'Percent of CPU this job got')}% / {field('many', 'Percent of CPU this job got')}% of a core) |")
print(f"| load average during the run | {open('/proc/loadavg').read().split()[0]} |")
print(f"| peak RSS, 2 GiB file | {rss('big'):.1f} MiB (target < 64 MiB) |")
print(f"| peak RSS, 64 files, 2 threads | {rss('many'):.1f} MiB |")
PY
