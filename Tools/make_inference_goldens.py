#!/usr/bin/env python3
"""Make the Inference/Evaluation parity goldens with the reference libraries.

Writes Tests/InferenceTests/Fixtures/:
  tokenizer.json                  a byte-level BPE (GPT-2 pre-tokenizer) trained with `tokenizers`
                                  on a few KB of ../shared/corpus (or $GLASSBOX_CORPUS)
  models/<name>/                  tiny random LlamaForCausalLM directories written by save_pretrained
                                  (config.json, generation_config.json, model.safetensors or shards,
                                  tokenizer.json)
  models/<name>/goldens.json      per prompt: text, token ids, greedy ids (do_sample=False; and with
                                  repetition_penalty=PENALTY), the shape
                                  and byte offset of its logits in logits.f32; per document: the
                                  sliding-window negative log-likelihood (nats) for the evaluation
  models/<name>/logits.f32        the first LOGIT_PROMPTS prompts' full logits, float32 little-endian, row-major

Models: "gqa" (4 heads, 2 KV heads, untied head), "tied" (tied embeddings), "bf16" (weights saved in
bfloat16; goldens from the same weights widened to float32), "sharded" (model.safetensors.index.json),
"rope" (rope_theta 500000, config.json rewritten in the transformers 4.x form: top-level rope_theta and
torch_dtype, no rope_parameters, no head_dim, no tie_word_embeddings — LlamaConfig's default, untied).
Also "glassbox" when present: a model trained by Glassbox itself (Tools/make_glassbox_release_fixture.sh,
run first); only its goldens are computed here, with its own tokenizer.

Run: python3 Tools/make_inference_goldens.py   (transformers 5.23, torch CPU, tokenizers 0.23)
Deterministic: fixed seeds, single thread.
"""
import json
import os
import shutil
import struct
import sys
from pathlib import Path

import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import LlamaConfig, LlamaForCausalLM

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "Tests" / "InferenceTests" / "Fixtures"
CORPUS = Path(os.environ.get("GLASSBOX_CORPUS") or Path(__file__).resolve().parent.parent / "../shared/corpus")
LANGUAGES = ["cs", "de", "el", "en", "fr", "ga", "ka", "uk"]
BOS, EOS = "<|begin_of_text|>", "<|end_of_text|>"
VOCAB_SIZE = 384
CONTEXT = 64
NEW_TOKENS = 12
EVAL_CONTEXT, EVAL_STRIDE = 16, 8
LOGIT_PROMPTS = 4
PENALTY = 1.5

PROMPTS = [
    "Dobrý den, jak se máte?",
    "Guten Morgen! Wie geht es dir heute?",
    "Καλημέρα σας",
    "The quick brown fox jumps over the lazy dog.",
    "Bonjour à tous, ",
    "Dia duit",
    "გამარჯობა",
    "Добрий день",
]
EVAL_DOCUMENTS = [
    {"language": "cs", "text": "Nastavení výchozích oblíbených aplikací pro všechny uživatele systému."},
    {"language": "en", "text": "Users try a model before they trust it, and auditors compare scores."},
    {"language": "el", "text": "Η γρήγορη καφέ αλεπού πηδά πάνω από τον τεμπέλη σκύλο."},
]


def corpus_sample(limit_per_language=1500):
    texts = []
    for lang in LANGUAGES:
        path = CORPUS / lang / "train.txt"
        if not path.exists():
            sys.exit(f"error: corpus file {path} is missing; set GLASSBOX_CORPUS to a corpus directory")
        texts.append(path.read_text(encoding="utf-8")[:limit_per_language])
    return texts


def train_tokenizer():
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=VOCAB_SIZE,
        min_frequency=2,
        special_tokens=[BOS, EOS],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(corpus_sample(), trainer=trainer)
    return tok


MODEL_SPECS = {
    "gqa": dict(hidden_size=32, num_attention_heads=4, num_key_value_heads=2, tie_word_embeddings=False),
    "tied": dict(hidden_size=32, num_attention_heads=4, num_key_value_heads=4, tie_word_embeddings=True),
    "bf16": dict(hidden_size=32, num_attention_heads=4, num_key_value_heads=2, tie_word_embeddings=False),
    "sharded": dict(hidden_size=32, num_attention_heads=2, num_key_value_heads=1, tie_word_embeddings=False),
    "rope": dict(hidden_size=32, num_attention_heads=4, num_key_value_heads=2, tie_word_embeddings=False,
                 rope_parameters={"rope_type": "default", "rope_theta": 500000.0}),
}


# Seeds chosen so that every greedy step's top-2 logits differ by > 1e-3 (no near-ties to flip).
SEEDS = {"gqa": 1, "tied": 2, "bf16": 3, "sharded": 4, "rope": 6}


def make_model(name, spec, seed):
    torch.manual_seed(seed)
    config = LlamaConfig(
        vocab_size=VOCAB_SIZE,
        intermediate_size=64,
        num_hidden_layers=2,
        max_position_embeddings=CONTEXT,
        rms_norm_eps=1e-5,
        initializer_range=0.2,
        bos_token_id=0,
        eos_token_id=1,
        **spec,
    )
    model = LlamaForCausalLM(config).eval()
    # Norm weights are ones at init; perturb them so a wrong norm formula cannot pass.
    with torch.no_grad():
        for n, p in model.named_parameters():
            if "norm" in n:
                p.copy_(1.0 + 0.1 * torch.randn_like(p))
    return model


def save_model(name, model, directory):
    kwargs = {}
    if name == "bf16":
        model = model.to(torch.bfloat16)
    if name == "sharded":
        kwargs["max_shard_size"] = "40KB"
    model.save_pretrained(directory, **kwargs)
    if name == "rope":
        rewrite_config_as_v4(directory / "config.json")


def rewrite_config_as_v4(path):
    config = json.loads(path.read_text())
    config["rope_theta"] = config.pop("rope_parameters")["rope_theta"]
    config["torch_dtype"] = config.pop("dtype", "float32")
    config.pop("head_dim", None)
    config.pop("tie_word_embeddings", None)
    path.write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")


def sliding_nll(model, ids):
    """Total NLL (nats) of ids[1:] given ids[0] (BOS), windows of EVAL_CONTEXT moved by EVAL_STRIDE."""
    total, scored, prev_end, begin = 0.0, 0, 1, 0
    n = len(ids)
    while prev_end < n:
        end = min(begin + EVAL_CONTEXT, n)
        window = torch.tensor([ids[begin:end]])
        logits = model(window).logits[0].double()
        logp = torch.log_softmax(logits, dim=-1)
        for t in range(prev_end, end):
            total -= logp[t - 1 - begin, ids[t]].item()
            scored += 1
        prev_end = end
        begin = min(begin + EVAL_STRIDE, end - 1)
    assert scored == n - 1
    return total


def goldens_for(model, tokenizer, directory):
    entries, blob, min_margin = [], bytearray(), float("inf")
    for index, prompt in enumerate(PROMPTS):
        ids = tokenizer.encode(prompt).ids  # with the post-processor's special tokens, as tokenizer(prompt)
        with torch.no_grad():
            logits = model(torch.tensor([ids])).logits[0].float()
            out = model.generate(torch.tensor([ids]), do_sample=False, max_new_tokens=NEW_TOKENS,
                                 output_scores=True, return_dict_in_generate=True, pad_token_id=1)
        for scores in out.scores:
            top = torch.topk(scores[0].float(), 2).values
            min_margin = min(min_margin, (top[0] - top[1]).item())
            penalized = model.generate(torch.tensor([ids]), do_sample=False, max_new_tokens=NEW_TOKENS,
                                       repetition_penalty=PENALTY, pad_token_id=1)
        generated = out.sequences[0, len(ids):].tolist()
        entry = {"text": prompt, "ids": ids, "greedy_ids": generated, "greedy_text": tokenizer.decode(generated),
                 "penalty_greedy_ids": penalized[0, len(ids):].tolist()}
        if index < LOGIT_PROMPTS:  # full logits for the first few prompts only, to keep Fixtures small
            entry.update(logits_offset=len(blob) // 4, logits_shape=list(logits.shape))
            blob += struct.pack(f"<{logits.numel()}f", *logits.flatten().tolist())
        entries.append(entry)
    documents = []
    for doc in EVAL_DOCUMENTS:
        ids = [0] + tokenizer.encode(doc["text"], add_special_tokens=False).ids
        with torch.no_grad():
            nll = sliding_nll(model, ids)
        documents.append({**doc, "ids": ids, "nll_nats": nll, "bytes": len(doc["text"].encode())})
    (directory / "logits.f32").write_bytes(bytes(blob))
    goldens = {
        "new_tokens": NEW_TOKENS, "eval_context": EVAL_CONTEXT, "eval_stride": EVAL_STRIDE,
        "min_greedy_margin": min_margin, "prompts": entries, "documents": documents,
    }
    (directory / "goldens.json").write_text(json.dumps(goldens, indent=1, ensure_ascii=False) + "\n")
    return min_margin


def main():
    torch.set_num_threads(1)
    tokenizer = train_tokenizer()
    models_dir = FIXTURES / "models"
    models_dir.mkdir(parents=True, exist_ok=True)
    tokenizer.save(str(FIXTURES / "tokenizer.json"))
    for name, spec in MODEL_SPECS.items():
        directory = models_dir / name
        shutil.rmtree(directory, ignore_errors=True)
        save_model(name, make_model(name, spec, SEEDS[name]), directory)
        shutil.copy(FIXTURES / "tokenizer.json", directory / "tokenizer.json")
        reloaded = LlamaForCausalLM.from_pretrained(directory, dtype=torch.float32).eval()
        margin = goldens_for(reloaded, tokenizer, directory)
        print(f"{name}: min greedy top-2 margin {margin:.4g}")
    glassbox = models_dir / "glassbox"  # written by Glassbox itself: Tools/make_glassbox_release_fixture.sh
    if glassbox.exists():
        own_tokenizer = Tokenizer.from_file(str(glassbox / "tokenizer.json"))
        reloaded = LlamaForCausalLM.from_pretrained(glassbox, dtype=torch.float32).eval()
        margin = goldens_for(reloaded, own_tokenizer, glassbox)
        print(f"glassbox: min greedy top-2 margin {margin:.4g}")


if __name__ == "__main__":
    main()
