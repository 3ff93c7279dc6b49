#!/usr/bin/env bash
# Makes Tests/InferenceTests/Fixtures/models/glassbox: a tiny model trained by Glassbox itself
# (`glassbox tokenizer train` + `glassbox train`) on a few hundred corpus lines, so the inference parity
# goldens cover a Glassbox-written directory too. Then run Tools/make_inference_goldens.py, which adds
# transformers' goldens for it. Usage: bash Tools/make_glassbox_release_fixture.sh [path/to/glassbox]
set -euo pipefail
BIN=${1:-.build/release/glassbox}
CORPUS=${GLASSBOX_CORPUS:-../shared/corpus}
OUT=Tests/InferenceTests/Fixtures/models/glassbox
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 - "$CORPUS" "$WORK" <<'PY'
import json, sys
corpus, work = sys.argv[1], sys.argv[2]
with open(f"{work}/train.jsonl", "w") as f:
    for lang in ["cs", "en", "de", "el"]:
        lines = [l for l in open(f"{corpus}/{lang}/train.txt", encoding="utf-8").read().splitlines() if l.strip()][:200]
        for l in lines:
            f.write(json.dumps({"language": lang, "source": "corpus", "text": l}, ensure_ascii=False) + "\n")
json.dump({"architectures": ["LlamaForCausalLM"], "model_type": "llama", "hidden_size": 32, "intermediate_size": 64,
           "num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 2, "head_dim": 8,
           "max_position_embeddings": 64, "rms_norm_eps": 1e-5, "rope_theta": 10000.0, "tie_word_embeddings": True,
           "vocab_size": 384, "bos_token_id": 0, "eos_token_id": 1, "hidden_act": "silu", "initializer_range": 0.1},
          open(f"{work}/config.json", "w"))
json.dump({"seed": 7, "sequence_length": 32, "batch_size": 8, "steps": 40, "learning_rate": 0.01, "warmup_steps": 4},
          open(f"{work}/training.json", "w"))
PY
"$BIN" tokenizer train --data "$WORK/train.jsonl" --vocab-size 384 --special-tokens '<s>,</s>' \
    --bos-token '<s>' --eos-token '</s>' --out "$WORK/tok" >/dev/null
python3 - "$WORK" <<'PY'
import json, sys
from tokenizers import Tokenizer
work = sys.argv[1]
tok = Tokenizer.from_file(f"{work}/tok/tokenizer.json")
assert tok.token_to_id("<s>") == 0 and tok.token_to_id("</s>") == 1
with open(f"{work}/tokens.jsonl", "w") as f:
    for line in open(f"{work}/train.jsonl", encoding="utf-8"):
        d = json.loads(line)
        f.write(json.dumps({"language": d["language"], "tokens": tok.encode(d["text"]).ids}) + "\n")
PY
"$BIN" train --config "$WORK/config.json" --options "$WORK/training.json" --tokens "$WORK/tokens.jsonl" \
    --out "$WORK/model" --threads 2 >/dev/null
rm -rf "$OUT"
mkdir -p "$OUT"
cp "$WORK/model/config.json" "$WORK/model/generation_config.json" "$WORK/model/model.safetensors" \
   "$WORK/tok/tokenizer.json" "$WORK/tok/tokenizer_config.json" "$OUT/"
echo "wrote $OUT"
