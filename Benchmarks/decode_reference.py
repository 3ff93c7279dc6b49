#!/usr/bin/env python3
"""Reference side of Benchmarks/decode.sh: the models, and llama.cpp (llama-cpp-python) decoding them.

  make-model DIR SIZE     (python with torch + transformers) seeded random tied LlamaForCausalLM of
                          SIZE XS | S | M, saved with save_pretrained, plus the inference fixtures'
                          tokenizer.json with placeholder tokens <x384>… appended up to the vocabulary
                          size (so every id decodes; the prompt only uses the fixture's real tokens)
  transformers DIR N      (python with torch + transformers) greedy ids of N new tokens after PROMPT_IDS
  to-gguf DIR OUT         (python with gguf + safetensors) F32 GGUF of DIR, tensors named and Q/K rows
                          permuted as llama.cpp's convert_hf_to_gguf.py does; a placeholder SPM
                          vocabulary (ids are fed directly, never tokenized)
  llamacpp GGUF T N       (python with llama-cpp-python) greedy decode of N tokens after PROMPT_IDS on T
                          threads; prints decode-only tokens/s from llama.cpp's own perf counters
                          (t_eval_ms / n_eval after the prompt) and the generated ids
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOKENIZER = ROOT / "Tests" / "InferenceTests" / "Fixtures" / "tokenizer.json"
# hidden, layers, heads (= kv heads), intermediate, vocab: the train-bench presets (issue #24's table)
SIZES = {"XS": (128, 4, 4, 344, 1024), "S": (256, 4, 8, 688, 8192), "M": (512, 8, 8, 1376, 16384)}
CONTEXT = 512
# "Dobrý den, jak se máte?" through the fixture tokenizer (with its BOS 0): the same ids for every tool.
PROMPT = "Dobrý den, jak se máte?"


def prompt_ids(directory):
    from tokenizers import Tokenizer
    return Tokenizer.from_file(str(Path(directory) / "tokenizer.json")).encode(PROMPT).ids


def make_model(directory, size):
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM
    hidden, layers, heads, inter, vocab = SIZES[size]
    torch.manual_seed(1234)
    config = LlamaConfig(vocab_size=vocab, hidden_size=hidden, intermediate_size=inter, num_hidden_layers=layers,
                         num_attention_heads=heads, num_key_value_heads=heads, max_position_embeddings=CONTEXT,
                         bos_token_id=0, eos_token_id=1, tie_word_embeddings=True, initializer_range=0.05)
    LlamaForCausalLM(config).eval().save_pretrained(directory)
    tokenizer = json.loads(TOKENIZER.read_text())
    base = len(tokenizer["model"]["vocab"])
    added = tokenizer.setdefault("added_tokens", [])
    base = max([base] + [t["id"] + 1 for t in added])
    for i in range(base, vocab):
        added.append({"id": i, "content": f"<x{i}>", "single_word": False, "lstrip": False, "rstrip": False,
                      "normalized": False, "special": True})
    (Path(directory) / "tokenizer.json").write_text(json.dumps(tokenizer, ensure_ascii=False))


def transformers_ids(directory, n):
    import torch
    from transformers import LlamaForCausalLM
    torch.set_num_threads(1)
    model = LlamaForCausalLM.from_pretrained(directory, dtype=torch.float32).eval()
    ids = torch.tensor([prompt_ids(directory)])
    with torch.inference_mode():
        out = model.generate(ids, do_sample=False, max_new_tokens=n, min_new_tokens=n, pad_token_id=1)
    print(json.dumps({"generated_ids": out[0, ids.shape[1]:].tolist()}))


def permute(w, n_head):
    return w.reshape(n_head, 2, w.shape[0] // n_head // 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)


def to_gguf(directory, out):
    import gguf
    import numpy as np
    from safetensors.numpy import load_file
    config = json.loads((Path(directory) / "config.json").read_text())
    tensors = load_file(str(Path(directory) / "model.safetensors"))
    heads, kv = config["num_attention_heads"], config["num_key_value_heads"]
    vocab = config["vocab_size"]
    w = gguf.GGUFWriter(out, "llama")
    w.add_context_length(config["max_position_embeddings"])
    w.add_embedding_length(config["hidden_size"])
    w.add_block_count(config["num_hidden_layers"])
    w.add_feed_forward_length(config["intermediate_size"])
    w.add_head_count(heads)
    w.add_head_count_kv(kv)
    w.add_rope_dimension_count(config["hidden_size"] // heads)
    w.add_rope_freq_base(float(config.get("rope_theta", 10000.0)))
    w.add_layer_norm_rms_eps(float(config["rms_norm_eps"]))
    w.add_file_type(0)  # ALL_F32
    w.add_tokenizer_model("llama")
    w.add_token_list([f"<t{i}>".encode() for i in range(vocab)])
    w.add_token_scores([0.0] * vocab)
    w.add_token_types([1] * vocab)
    w.add_bos_token_id(config["bos_token_id"])
    w.add_eos_token_id(config["eos_token_id"])
    names = {"input_layernorm": "attn_norm", "self_attn.q_proj": "attn_q", "self_attn.k_proj": "attn_k",
             "self_attn.v_proj": "attn_v", "self_attn.o_proj": "attn_output", "post_attention_layernorm": "ffn_norm",
             "mlp.gate_proj": "ffn_gate", "mlp.up_proj": "ffn_up", "mlp.down_proj": "ffn_down"}
    w.add_tensor("token_embd.weight", tensors["model.embed_tokens.weight"].astype(np.float32))
    for i in range(config["num_hidden_layers"]):
        for hf, ll in names.items():
            t = tensors[f"model.layers.{i}.{hf}.weight"].astype(np.float32)
            if hf == "self_attn.q_proj":
                t = permute(t, heads)
            elif hf == "self_attn.k_proj":
                t = permute(t, kv)
            w.add_tensor(f"blk.{i}.{ll}.weight", np.ascontiguousarray(t))
    w.add_tensor("output_norm.weight", tensors["model.norm.weight"].astype(np.float32))
    if "lm_head.weight" in tensors and not config.get("tie_word_embeddings", False):
        w.add_tensor("output.weight", tensors["lm_head.weight"].astype(np.float32))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()


def llamacpp(path, threads, n, prompt):
    """Prompt through Llama.eval, then n greedy steps straight through llama_decode (one token per
    batch); only the llama_decode calls are timed (llama.cpp's perf counters stay at 0 in
    llama-cpp-python 0.3.36, so the decode calls are timed here, which excludes sampling as they would)."""
    import ctypes
    import time
    import llama_cpp
    import numpy as np
    llm = llama_cpp.Llama(model_path=path, n_ctx=CONTEXT, n_batch=CONTEXT, n_threads=threads,
                          n_threads_batch=threads, type_k=0, type_v=0, verbose=False)
    llm.eval(prompt)
    vocab = llm.n_vocab()
    logits = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(llm.ctx, -1), shape=(vocab,))
    token = int(np.argmax(logits))
    generated, seconds = [token], 0.0
    cell = (llama_cpp.llama_token * 1)()
    for _ in range(n - 1):
        cell[0] = token
        batch = llama_cpp.llama_batch_get_one(cell, 1)
        start = time.perf_counter()
        if llama_cpp.llama_decode(llm.ctx, batch) != 0:
            sys.exit("llama_decode failed")
        seconds += time.perf_counter() - start
        logits = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(llm.ctx, -1), shape=(vocab,))
        token = int(np.argmax(logits))
        generated.append(token)
    print(json.dumps({"tokens_per_second": (n - 1) / seconds, "generated_ids": generated}))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "make-model":
        make_model(args[0], args[1])
    elif command == "prompt-ids":
        print(json.dumps(prompt_ids(args[0])))
    elif command == "transformers":
        transformers_ids(args[0], int(args[1]))
    elif command == "to-gguf":
        to_gguf(args[0], args[1])
    elif command == "llamacpp":
        llamacpp(args[0], int(args[1]), int(args[2]), json.loads(args[3]))
    else:
        sys.exit(f"unknown command {command}")
