"""Reference GGUF export of a Hugging Face Llama directory, written with the `gguf` PyPI package (the
library llama.cpp's convert_hf_to_gguf.py uses): the same metadata keys, tensor names, RoPE row
permutation and quantizers (gguf.quants) as convert_hf_to_gguf.py. Shared by Tools/make_gguf_goldens.py
(fixtures for the Swift tests) and Tools/check_gguf_export.py (read-back check of `glassbox export gguf`).
Only NumPy and gguf are needed: safetensors files are parsed here directly.
"""
import json
import struct
from pathlib import Path

import numpy as np
import gguf

TYPES = {"f32": gguf.GGMLQuantizationType.F32, "f16": gguf.GGMLQuantizationType.F16,
         "q8_0": gguf.GGMLQuantizationType.Q8_0, "q4_0": gguf.GGMLQuantizationType.Q4_0}
FILE_TYPES = {"f32": 0, "f16": 1, "q4_0": 2, "q8_0": 7}


def read_safetensors(path: Path) -> dict:
    raw = path.read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        buf = np.frombuffer(raw[8 + n + start:8 + n + end], dtype=np.uint8)
        dtype = info["dtype"]
        if dtype == "F32":
            a = buf.view("<f4")
        elif dtype == "F16":
            a = buf.view("<f2").astype(np.float32)
        elif dtype == "BF16":
            a = (buf.view("<u2").astype(np.uint32) << 16).view(np.float32)
        else:
            raise ValueError(f"{name}: dtype {dtype}")
        out[name] = a.reshape(info["shape"]).astype(np.float32)
    return out


def read_weights(model: Path) -> dict:
    index = model / "model.safetensors.index.json"
    if (model / "model.safetensors").exists():
        return read_safetensors(model / "model.safetensors")
    weights = {}
    for shard in sorted(set(json.loads(index.read_text())["weight_map"].values())):
        weights.update(read_safetensors(model / shard))
    return weights


def permute(w: np.ndarray, n_head: int) -> np.ndarray:
    """convert_hf_to_gguf.py LlamaModel.permute (n_head already the K/V head count for K)."""
    return w.reshape(n_head, 2, w.shape[0] // n_head // 2, *w.shape[1:]).swapaxes(1, 2).reshape(w.shape)


def config_values(model: Path) -> dict:
    c = json.loads((model / "config.json").read_text())
    heads = c["num_attention_heads"]
    theta = c.get("rope_theta") or c.get("rope_parameters", {}).get("rope_theta", 10000.0)
    eos = c.get("eos_token_id")
    return {"vocab": c["vocab_size"], "hidden": c["hidden_size"], "ffn": c["intermediate_size"],
            "layers": c["num_hidden_layers"], "heads": heads, "kv": c.get("num_key_value_heads", heads),
            "head_dim": c.get("head_dim") or c["hidden_size"] // heads, "ctx": c["max_position_embeddings"],
            "theta": float(theta), "eps": float(c.get("rms_norm_eps", 1e-6)),
            "tied": bool(c.get("tie_word_embeddings", False)), "bos": c.get("bos_token_id"),
            "eos": eos[0] if isinstance(eos, list) else eos}


def tensors(model: Path, c: dict):
    """(gguf name, float32 array in HF layout, permuted) in the order Glassbox writes them."""
    w = read_weights(model)
    yield "token_embd.weight", w["model.embed_tokens.weight"]
    for i in range(c["layers"]):
        p = f"model.layers.{i}."
        yield f"blk.{i}.attn_norm.weight", w[p + "input_layernorm.weight"]
        yield f"blk.{i}.attn_q.weight", permute(w[p + "self_attn.q_proj.weight"], c["heads"])
        yield f"blk.{i}.attn_k.weight", permute(w[p + "self_attn.k_proj.weight"], c["kv"])
        yield f"blk.{i}.attn_v.weight", w[p + "self_attn.v_proj.weight"]
        yield f"blk.{i}.attn_output.weight", w[p + "self_attn.o_proj.weight"]
        yield f"blk.{i}.ffn_norm.weight", w[p + "post_attention_layernorm.weight"]
        yield f"blk.{i}.ffn_gate.weight", w[p + "mlp.gate_proj.weight"]
        yield f"blk.{i}.ffn_up.weight", w[p + "mlp.up_proj.weight"]
        yield f"blk.{i}.ffn_down.weight", w[p + "mlp.down_proj.weight"]
    yield "output_norm.weight", w["model.norm.weight"]
    if not c["tied"]:
        yield "output.weight", w["lm_head.weight"]


def vocabulary(model: Path, c: dict) -> dict:
    t = json.loads((model / "tokenizer.json").read_text())
    added = {a["id"]: a for a in t.get("added_tokens", [])}
    reverse = {i: s for s, i in t["model"]["vocab"].items()}
    tokens, types = [], []
    for i in range(c["vocab"]):
        if i in added:
            tokens.append(added[i]["content"]); types.append(3 if added[i]["special"] else 4)
        elif i in reverse:
            tokens.append(reverse[i]); types.append(1)
        else:
            tokens.append(f"[PAD{i}]"); types.append(5)
    merges = [m if isinstance(m, str) else " ".join(m) for m in t["model"]["merges"]]
    pre = json.dumps(t.get("pre_tokenizer"))
    ignore = t["model"].get("ignore_merges", False)
    if "p{N}{1,3}" in pre:
        pre_name = "llama-bpe" if ignore else "smaug-bpe"
    else:
        pre_name = "gpt-2"
    post = json.dumps(t.get("post_processor"))
    add_bos = c["bos"] is not None and '"SpecialToken"' in post and post.find("SpecialToken") < post.find('"Sequence"')
    return {"tokens": tokens, "types": types, "merges": merges, "pre": pre_name, "add_bos": add_bos}


def write_reference(model: Path, type_name: str, name: str, out: Path) -> None:
    """The GGUF file Glassbox must write for `model` as `type_name`, byte for byte."""
    c = config_values(model)
    v = vocabulary(model, c)
    w = gguf.GGUFWriter(str(out), "llama")
    w.add_type("model")
    w.add_name(name)
    w.add_block_count(c["layers"])
    w.add_context_length(c["ctx"])
    w.add_embedding_length(c["hidden"])
    w.add_feed_forward_length(c["ffn"])
    w.add_head_count(c["heads"])
    w.add_head_count_kv(c["kv"])
    w.add_rope_freq_base(c["theta"])
    w.add_layer_norm_rms_eps(c["eps"])
    w.add_key_length(c["head_dim"])
    w.add_value_length(c["head_dim"])
    w.add_file_type(FILE_TYPES[type_name])
    w.add_vocab_size(c["vocab"])
    w.add_rope_dimension_count(c["head_dim"])
    w.add_quantization_version(gguf.GGML_QUANT_VERSION)
    w.add_tokenizer_model("gpt2")
    w.add_tokenizer_pre(v["pre"])
    w.add_token_list(v["tokens"])
    w.add_token_types(v["types"])
    if v["merges"]:
        w.add_token_merges(v["merges"])
    if c["bos"] is not None:
        w.add_bos_token_id(c["bos"])
    if c["eos"] is not None:
        w.add_eos_token_id(c["eos"])
    w.add_add_bos_token(v["add_bos"])
    w.add_add_eos_token(False)
    for tname, data in tensors(model, c):
        qtype = gguf.GGMLQuantizationType.F32 if data.ndim == 1 else TYPES[type_name]
        q = gguf.quants.quantize(data, qtype)
        w.add_tensor(tname, q, raw_dtype=qtype)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
