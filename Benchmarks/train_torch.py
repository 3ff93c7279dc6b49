#!/usr/bin/env python3
"""PyTorch side of Benchmarks/train.sh: full training steps (forward, backward, clip 1.0, AdamW) of
transformers' LlamaForCausalLM (sdpa attention, fp32, tied embeddings) on synthetic tokens.
Prints one JSON line like `glassbox train-bench`.  Usage: train_torch.py SIZE THREADS STEPS"""
import json
import resource
import sys
import time

import torch
from transformers import LlamaConfig, LlamaForCausalLM

SIZES = {  # hidden, layers, heads (= kv heads), intermediate, vocab, sequence, batch
    "XS": (128, 4, 4, 344, 1024, 128, 8),
    "S": (256, 4, 8, 688, 8192, 256, 8),
    "M": (512, 8, 8, 1376, 16384, 512, 4),
}


def main():
    size, threads, steps = sys.argv[1].upper(), int(sys.argv[2]), int(sys.argv[3])
    torch.set_num_threads(threads)
    h, layers, heads, inter, vocab, seq, batch = SIZES[size]
    config = LlamaConfig(vocab_size=vocab, hidden_size=h, intermediate_size=inter, num_hidden_layers=layers,
                         num_attention_heads=heads, num_key_value_heads=heads, max_position_embeddings=seq,
                         tie_word_embeddings=True, attn_implementation="sdpa")
    torch.manual_seed(0)
    model = LlamaForCausalLM(config).float().train()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, betas=(0.9, 0.95), eps=1e-8, weight_decay=0.1)
    g = torch.Generator().manual_seed(9)
    start = 0.0
    for step in range(steps + 1):
        if step == 1:
            start = time.perf_counter()
        x = torch.randint(0, vocab, (batch, seq), generator=g)
        y = torch.randint(0, vocab, (batch, seq), generator=g)
        opt.zero_grad(set_to_none=True)
        logits = model(input_ids=x).logits
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, vocab), y.reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
    seconds = time.perf_counter() - start
    print(json.dumps({"kind": "train", "tool": "pytorch", "size": size, "threads": threads, "steps": steps,
                      "tokens_per_second": round(steps * batch * seq / seconds),
                      "seconds_per_step": seconds / steps,
                      "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                      "parameters": sum(p.numel() for p in model.parameters()), "last_loss": loss.item()},
                     sort_keys=True))


if __name__ == "__main__":
    main()
