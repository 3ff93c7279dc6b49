#!/usr/bin/env python3
"""Goldens for Glassbox's Transformer and Training tests, made with the reference implementation:
transformers' LlamaForCausalLM (eager attention, fp32) and torch.optim.AdamW.

Writes
  Tests/TransformerTests/Fixtures/forward_init.safetensors   untied GQA model, random weights
  Tests/TransformerTests/Fixtures/forward.json               its config, a token batch, the logits
  Tests/TrainingTests/Fixtures/parity_init.safetensors       tied GQA model, random weights
  Tests/TrainingTests/Fixtures/parity.json                   config, options, 50 steps of batches,
                                                             PyTorch's loss / grad norm / lr per step
Run from the repository root:  python3 Tools/make_training_goldens.py
The schedule (warm-up then cosine), loss scaling for gradient accumulation, clipping and AdamW
parameter groups (no decay on norms and embeddings) mirror Glassbox's Training module exactly.
"""
import json
import math
import os

import torch
from safetensors.torch import save_file
from transformers import LlamaConfig, LlamaForCausalLM

torch.set_num_threads(1)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make_model(cfg, seed):
    config = LlamaConfig(
        vocab_size=cfg["vocab_size"], hidden_size=cfg["hidden_size"],
        intermediate_size=cfg["intermediate_size"], num_hidden_layers=cfg["num_hidden_layers"],
        num_attention_heads=cfg["num_attention_heads"], num_key_value_heads=cfg["num_key_value_heads"],
        head_dim=cfg["head_dim"], max_position_embeddings=cfg["max_position_embeddings"],
        rms_norm_eps=cfg["rms_norm_eps"], rope_parameters={"rope_type": "default", "rope_theta": cfg["rope_theta"]},
        tie_word_embeddings=cfg["tie_word_embeddings"], attention_bias=False, mlp_bias=False,
        initializer_range=cfg["initializer_range"])
    config._attn_implementation = "eager"
    torch.manual_seed(seed)
    model = LlamaForCausalLM(config).float()
    with torch.no_grad():  # norms away from 1 so their gradients matter
        for name, p in model.named_parameters():
            if "norm" in name:
                p.copy_(1 + 0.1 * torch.randn_like(p))
    return model


def state(model):
    sd = {k: v.detach().clone().contiguous() for k, v in model.state_dict().items()}
    if model.config.tie_word_embeddings:
        sd.pop("lm_head.weight", None)
    return sd


def forward_golden():
    cfg = dict(vocab_size=97, hidden_size=48, intermediate_size=75, num_hidden_layers=2, num_attention_heads=6,
               num_key_value_heads=2, head_dim=8, max_position_embeddings=32, rms_norm_eps=1e-5,
               rope_theta=10000.0, tie_word_embeddings=False, initializer_range=0.2)
    model = make_model(cfg, 1)
    g = torch.Generator().manual_seed(2)
    tokens = torch.randint(0, cfg["vocab_size"], (2, 19), generator=g)
    with torch.no_grad():
        logits = model(input_ids=tokens).logits
    out = os.path.join(ROOT, "Tests/TransformerTests/Fixtures")
    os.makedirs(out, exist_ok=True)
    save_file(state(model), os.path.join(out, "forward_init.safetensors"), metadata={"format": "pt"})
    with open(os.path.join(out, "forward.json"), "w") as f:
        json.dump({"config": cfg, "batch": 2, "seq_len": 19, "tokens": tokens.flatten().tolist(),
                   "logits": logits.flatten().tolist()}, f)
        f.write("\n")


def schedule(step, o):
    """Learning rate of 0-based update `step`: linear warm-up, then cosine to min_learning_rate."""
    if step < o["warmup_steps"]:
        return o["learning_rate"] * (step + 1) / o["warmup_steps"]
    progress = (step - o["warmup_steps"]) / max(1, o["steps"] - o["warmup_steps"])
    lo, hi = o["min_learning_rate"], o["learning_rate"]
    return lo + 0.5 * (hi - lo) * (1 + math.cos(math.pi * progress))


def parity_golden():
    cfg = dict(vocab_size=64, hidden_size=32, intermediate_size=56, num_hidden_layers=2, num_attention_heads=4,
               num_key_value_heads=2, head_dim=8, max_position_embeddings=16, rms_norm_eps=1e-5,
               rope_theta=10000.0, tie_word_embeddings=True, initializer_range=0.1)
    o = dict(steps=50, batch_size=2, sequence_length=16, gradient_accumulation_steps=2, learning_rate=1e-2,
             min_learning_rate=1e-3, warmup_steps=5, weight_decay=0.1, beta1=0.9, beta2=0.95, epsilon=1e-8,
             grad_clip_norm=1.0)
    model = make_model(cfg, 3)
    init = state(model)
    g = torch.Generator().manual_seed(4)
    b, t, accum = o["batch_size"], o["sequence_length"], o["gradient_accumulation_steps"]
    # A learnable stream: noisy repetitions of a short pattern, plus a few ignored (-100) targets.
    batches = []
    for _ in range(o["steps"] * accum):
        start = torch.randint(0, 8, (b, 1), generator=g)
        seq = (start + torch.arange(t + 1)) % 8 * 7 % cfg["vocab_size"]
        noise = torch.randint(0, cfg["vocab_size"], (b, t + 1), generator=g)
        keep = torch.rand((b, t + 1), generator=g) < 0.8
        seq = torch.where(keep, seq, noise)
        targets = seq[:, 1:].clone()
        targets[torch.rand((b, t), generator=g) < 0.05] = -100
        batches.append((seq[:, :-1].clone(), targets))
    decay = [p for n, p in model.named_parameters() if "norm" not in n and "embed" not in n]
    no_decay = [p for n, p in model.named_parameters() if "norm" in n or "embed" in n]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": o["weight_decay"]},
                             {"params": no_decay, "weight_decay": 0.0}],
                            lr=o["learning_rate"], betas=(o["beta1"], o["beta2"]), eps=o["epsilon"])
    log = []
    for step in range(o["steps"]):
        opt.zero_grad(set_to_none=False)
        total = 0.0
        for micro in range(accum):
            x, y = batches[step * accum + micro]
            logits = model(input_ids=x).logits
            loss = torch.nn.functional.cross_entropy(logits.reshape(-1, cfg["vocab_size"]), y.reshape(-1), ignore_index=-100)
            (loss / accum).backward()
            total += loss.item()
        norm = torch.nn.utils.clip_grad_norm_(model.parameters(), o["grad_clip_norm"]).item()
        lr = schedule(step, o)
        for group in opt.param_groups:
            group["lr"] = lr
        opt.step()
        log.append({"step": step + 1, "loss": total / accum, "grad_norm": norm, "learning_rate": lr})
    out = os.path.join(ROOT, "Tests/TrainingTests/Fixtures")
    os.makedirs(out, exist_ok=True)
    save_file(init, os.path.join(out, "parity_init.safetensors"), metadata={"format": "pt"})
    with open(os.path.join(out, "parity.json"), "w") as f:
        json.dump({"config": cfg, "options": o,
                   "tokens": [x.flatten().tolist() for x, _ in batches],
                   "targets": [y.flatten().tolist() for _, y in batches], "log": log}, f)
        f.write("\n")
    print("losses:", [round(e["loss"], 4) for e in log[:3]], "…", round(log[-1]["loss"], 4))


if __name__ == "__main__":
    forward_golden()
    parity_golden()
