#!/usr/bin/env bash
# Determinism across -target-cpu: builds glassbox for native, haswell and x86-64 (separate scratch
# paths .build-cpu-NAME), trains the short run of Tests/TrainingTests/Fixtures/cpu-targets with each
# (`--threads 2`), and compares the SHA-256 of model.safetensors and training/log.jsonl with each
# other and with that directory's expected.json — the digests CrossTargetGoldenTests checks in every
# `make test`. With --write, records them in expected.json (only when all three targets agree).
# CPUS="x86-64" limits the targets: `make test` runs it that way (one extra release build, ~2 min on
# two cores), so CI checks a build without FMA against the digests the FMA builds are held to.
# All three targets: run by hand. Result recorded in Docs/training.md.
set -euo pipefail
cd "$(dirname "$0")/.."
fixtures=Tests/TrainingTests/Fixtures/cpu-targets
write=${1:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for cpu in ${CPUS:-native haswell x86-64}; do
  swift build -c release -Xswiftc -target-cpu -Xswiftc "$cpu" --scratch-path ".build-cpu-$cpu" --product glassbox >/dev/null
  ".build-cpu-$cpu/release/glassbox" train --config "$fixtures/config.json" --options "$fixtures/options.json" \
    --tokens "$fixtures/train.jsonl" --out "$work/$cpu" --threads 2 >/dev/null
  echo "$cpu $(sha256sum "$work/$cpu/model.safetensors" | cut -d' ' -f1) $(sha256sum "$work/$cpu/training/log.jsonl" | cut -d' ' -f1)"
done | tee "$work/digests"
if [ "$(cut -d' ' -f2,3 "$work/digests" | sort -u | wc -l)" != 1 ]; then echo "MISMATCH between targets"; exit 1; fi
[ "$write" != "--write" ] || [ "$(wc -l < "$work/digests")" = 3 ] || { echo "--write needs all three targets"; exit 1; }
read -r _ model log < "$work/digests"
if [ "$write" = "--write" ]; then
  python3 - "$fixtures/expected.json" "$model" "$log" <<'PY'
import json, sys
path, model, log = sys.argv[1:]
data = json.load(open(path))
data["model.safetensors"], data["training/log.jsonl"] = model, log
open(path, "w").write(json.dumps(data, indent=2) + "\n")
PY
  echo "identical on all targets; recorded in $fixtures/expected.json"
elif grep -q "$model" "$fixtures/expected.json" && grep -q "$log" "$fixtures/expected.json"; then
  echo "identical on every target built ($(cut -d' ' -f1 "$work/digests" | xargs)) and equal to $fixtures/expected.json"
else
  echo "identical on all targets but DIFFERENT from $fixtures/expected.json (kernels changed bits?)"; exit 1
fi
