#!/usr/bin/env python3
"""Make the GGUF export goldens with the `gguf` PyPI package (Tools/gguf_reference.py).

Writes Tests/GGUFTests/Fixtures/:
  models/glassbox/   copy of Tests/InferenceTests/Fixtures/models/glassbox (a Glassbox-trained model:
                     tied embeddings, Llama-3 regex without ignore_merges → "smaug-bpe", BOS template)
  models/gqa/        copy of Tests/InferenceTests/Fixtures/models/gqa (transformers-made: untied head,
                     GQA, GPT-2 pre-tokenizer, no post-processor)
  glassbox.<type>.gguf   for f32, f16, q8_0, q4_0; gqa.<type>.gguf for f32 and q8_0: what
                     `glassbox export gguf` must write, byte for byte (general.name = "fixture")

Run: .venv-gguf/bin/python Tools/make_gguf_goldens.py   (gguf 0.19, numpy 2)
"""
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gguf_reference as ref  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "Tests" / "InferenceTests" / "Fixtures" / "models"
OUT = ROOT / "Tests" / "GGUFTests" / "Fixtures"
FILES = ["config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json"]
PLAN = {"glassbox": ["f32", "f16", "q8_0", "q4_0"], "gqa": ["f32", "q8_0"]}


def main() -> None:
    for model, types in PLAN.items():
        dest = OUT / "models" / model
        dest.mkdir(parents=True, exist_ok=True)
        for f in FILES:
            if (SOURCE / model / f).exists():
                shutil.copyfile(SOURCE / model / f, dest / f)
        for t in types:
            ref.write_reference(dest, t, "fixture", OUT / f"{model}.{t}.gguf")
            print(f"wrote {model}.{t}.gguf")


if __name__ == "__main__":
    main()
