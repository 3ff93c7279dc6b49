#!/usr/bin/env bash
# Determinism across -target-cpu: builds glassbox for native, haswell and x86-64 (separate scratch
# paths .build-cpu-NAME), trains the same short run with each, and compares the weights' SHA-256.
# Slow (three release builds): not part of `make test`. Result recorded in Docs/training.md.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/config.json" <<'JSON'
{"vocab_size": 96, "hidden_size": 64, "intermediate_size": 120, "num_hidden_layers": 2, "num_attention_heads": 4,
 "num_key_value_heads": 2, "max_position_embeddings": 32, "tie_word_embeddings": true, "eos_token_id": 1}
JSON
cat > "$work/options.json" <<'JSON'
{"seed": 11, "sequence_length": 32, "batch_size": 4, "steps": 6, "learning_rate": 0.003, "warmup_steps": 2,
 "gradient_accumulation_steps": 2, "document_separator": 1, "language_weights": {"cs": 2, "en": 1}}
JSON
python3 - "$work/train.jsonl" <<'PY'
import json, random, sys
r = random.Random(3)
with open(sys.argv[1], "w") as f:
    for d in range(60):
        f.write(json.dumps({"language": "cs" if d % 3 else "en", "tokens": [r.randrange(2, 96) for _ in range(70)]}) + "\n")
PY
for cpu in native haswell x86-64; do
  swift build -c release -Xswiftc -target-cpu -Xswiftc "$cpu" --scratch-path ".build-cpu-$cpu" --product glassbox >/dev/null
  ".build-cpu-$cpu/release/glassbox" train --config "$work/config.json" --options "$work/options.json" \
    --tokens "$work/train.jsonl" --output "$work/$cpu" --threads 2 >/dev/null
  echo "$cpu $(sha256sum "$work/$cpu/model.safetensors" | cut -d' ' -f1) $(sha256sum "$work/$cpu/training/log.jsonl" | cut -d' ' -f1)"
done | tee "$work/digests"
if [ "$(cut -d' ' -f2,3 "$work/digests" | sort -u | wc -l)" = 1 ]; then echo "identical on all targets"; else echo "MISMATCH"; exit 1; fi
