#!/usr/bin/env python3
"""Reference side of Benchmarks/generate.sh (transformers, torch CPU).

  make-model DIR SIZE          seeded random LlamaForCausalLM (SIZE: small | medium) + the inference
                               fixtures' tokenizer.json, saved with save_pretrained
  generate DIR THREADS N       greedy generate of N new tokens after PROMPT (no EOS stop), prints
                               tokens/s and the generated ids
  forward DIR THREADS B L      batched forward of B windows of L tokens, prints tokens/s
"""
import json
import shutil
import sys
import time
from pathlib import Path

import torch
from tokenizers import Tokenizer
from transformers import LlamaConfig, LlamaForCausalLM

ROOT = Path(__file__).resolve().parent.parent
TOKENIZER = ROOT / "Tests" / "InferenceTests" / "Fixtures" / "tokenizer.json"
SIZES = {
    # ~1.3M parameters: the size of Glassbox's demo releases
    "small": dict(hidden_size=128, intermediate_size=384, num_hidden_layers=4, num_attention_heads=4,
                  num_key_value_heads=2, max_position_embeddings=512),
    # ~14M parameters
    "medium": dict(hidden_size=384, intermediate_size=1024, num_hidden_layers=8, num_attention_heads=6,
                   num_key_value_heads=2, max_position_embeddings=512),
}
PROMPT = "Dobrý den, jak se máte?"


def make_model(directory, size):
    torch.manual_seed(1234)
    config = LlamaConfig(vocab_size=384, bos_token_id=0, eos_token_id=1, tie_word_embeddings=False,
                         initializer_range=0.05, **SIZES[size])
    LlamaForCausalLM(config).eval().save_pretrained(directory)
    shutil.copy(TOKENIZER, Path(directory) / "tokenizer.json")


def load(directory, threads):
    torch.set_num_threads(threads)
    return LlamaForCausalLM.from_pretrained(directory, dtype=torch.float32).eval()


def generate(directory, threads, n):
    model = load(directory, threads)
    prompt = Tokenizer.from_file(str(Path(directory) / "tokenizer.json")).encode(PROMPT).ids
    ids = torch.tensor([prompt])
    with torch.inference_mode():
        model.generate(ids, do_sample=False, max_new_tokens=4, min_new_tokens=4, pad_token_id=1)  # warm-up
        start = time.perf_counter()
        out = model.generate(ids, do_sample=False, max_new_tokens=n, min_new_tokens=n, pad_token_id=1)
        seconds = time.perf_counter() - start
    print(json.dumps({"tokens_per_second": n / seconds, "generated_ids": out[0, len(prompt):].tolist()}))


def forward(directory, threads, batch, length):
    model = load(directory, threads)
    generator = torch.Generator().manual_seed(0)
    ids = torch.randint(2, 384, (batch, length), generator=generator)
    with torch.inference_mode():
        model(ids[:1])
        start = time.perf_counter()
        model(ids)
        seconds = time.perf_counter() - start
    print(json.dumps({"tokens_per_second": batch * length / seconds}))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "make-model":
        make_model(args[0], args[1])
    elif command == "generate":
        generate(args[0], int(args[1]), int(args[2]))
    elif command == "forward":
        forward(args[0], int(args[1]), int(args[2]), int(args[3]))
    else:
        sys.exit(f"unknown command {command}")
