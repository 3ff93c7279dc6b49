#!/usr/bin/env python3
"""Read `glassbox export gguf` files back with the `gguf` PyPI package and check them.

For each model directory (default: the two fixture models of Tests/GGUFTests/Fixtures/models; or the
directories given after the binary) and each type f32, f16, q8_0, q4_0:
  - export with --threads 1 and --threads 3: the two files must be byte-identical;
  - gguf.GGUFReader reads the file: architecture, hyper-parameters, tokenizer (tokens, types, merges,
    pre-tokenizer, BOS/EOS) equal what config.json / tokenizer.json say;
  - every tensor's name, shape and type as llama.cpp expects; its dequantized values equal those of the
    same Hugging Face weights (Q/K rows permuted) quantized by gguf.quants — exactly, and for f32 equal
    to the weights themselves;
  - the whole file equals the one gguf.GGUFWriter writes for the same model (Tools/gguf_reference.py).
Exit 0 when everything matches; prints one line per file.

Run: .venv-gguf/bin/python Tools/check_gguf_export.py .build/release/glassbox [MODEL_DIR…]
(`make test` runs it when a Python with the gguf package is found.)
"""
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
import gguf

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gguf_reference as ref  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "Tests" / "GGUFTests" / "Fixtures" / "models"


def field(reader: gguf.GGUFReader, key: str):
    f = reader.fields[key]
    if f.types[0] == gguf.GGUFValueType.ARRAY:
        if f.types[-1] == gguf.GGUFValueType.STRING:
            return [bytes(f.parts[i]).decode("utf-8") for i in f.data]
        return [int(f.parts[i][0]) for i in f.data]
    if f.types[0] == gguf.GGUFValueType.STRING:
        return bytes(f.parts[f.data[0]]).decode("utf-8")
    return f.parts[f.data[0]][0].item()


def check_metadata(r: gguf.GGUFReader, c: dict, v: dict, type_name: str) -> None:
    expect = {"general.architecture": "llama", "llama.block_count": c["layers"],
              "llama.context_length": c["ctx"], "llama.embedding_length": c["hidden"],
              "llama.feed_forward_length": c["ffn"], "llama.attention.head_count": c["heads"],
              "llama.attention.head_count_kv": c["kv"], "llama.rope.dimension_count": c["head_dim"],
              "general.file_type": ref.FILE_TYPES[type_name], "tokenizer.ggml.model": "gpt2",
              "tokenizer.ggml.pre": v["pre"], "tokenizer.ggml.tokens": v["tokens"],
              "tokenizer.ggml.token_type": v["types"], "tokenizer.ggml.merges": v["merges"]}
    if c["bos"] is not None:
        expect["tokenizer.ggml.bos_token_id"] = c["bos"]
    if c["eos"] is not None:
        expect["tokenizer.ggml.eos_token_id"] = c["eos"]
    for key, want in expect.items():
        got = field(r, key)
        assert got == want, f"{key}: {str(got)[:80]} != {str(want)[:80]}"
    assert np.float32(field(r, "llama.rope.freq_base")) == np.float32(c["theta"])
    assert bool(field(r, "tokenizer.ggml.add_bos_token")) == v["add_bos"]


def check_tensors(r: gguf.GGUFReader, model: Path, c: dict, type_name: str) -> None:
    found = {t.name: t for t in r.tensors}
    names = []
    for name, data in ref.tensors(model, c):
        names.append(name)
        t = found[name]
        qtype = gguf.GGMLQuantizationType.F32 if data.ndim == 1 else ref.TYPES[type_name]
        assert t.tensor_type == qtype, f"{name}: type {t.tensor_type.name}"
        assert list(t.shape) == list(reversed(data.shape)), f"{name}: shape {list(t.shape)}"
        got = gguf.quants.dequantize(t.data, qtype).reshape(data.shape)
        want = gguf.quants.dequantize(gguf.quants.quantize(data, qtype), qtype).reshape(data.shape)
        assert np.array_equal(got.view(np.uint32), want.astype(np.float32).view(np.uint32)), f"{name}: values differ"
        if qtype == gguf.GGMLQuantizationType.F32:
            assert np.array_equal(got, data), f"{name}: F32 values differ from the checkpoint"
    assert sorted(names) == sorted(found), f"tensor names {sorted(set(found) ^ set(names))}"


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__)
        return 64
    binary = Path(sys.argv[1]).resolve()
    models = [Path(m) for m in sys.argv[2:]] or sorted(p for p in FIXTURES.iterdir() if p.is_dir())
    failures = 0
    with tempfile.TemporaryDirectory(prefix="glassbox-gguf-") as tmp:
        for model in models:
            c = ref.config_values(model)
            v = ref.vocabulary(model, c)
            for t in ["f32", "f16", "q8_0", "q4_0"]:
                out = Path(tmp) / f"{model.name}.{t}.gguf"
                again = Path(tmp) / f"{model.name}.{t}.again.gguf"
                reference = Path(tmp) / f"{model.name}.{t}.reference.gguf"
                try:
                    for path, threads in [(out, "1"), (again, "3")]:
                        subprocess.run([str(binary), "export", "gguf", str(model), "--type", t, "--out-file", str(path),
                                        "--name", "fixture", "--threads", threads], check=True, capture_output=True, text=True)
                    assert out.read_bytes() == again.read_bytes(), "--threads 1 and 3 gave different files"
                    r = gguf.GGUFReader(str(out))
                    check_metadata(r, c, v, t)
                    check_tensors(r, model, c, t)
                    ref.write_reference(model, t, "fixture", reference)
                    assert out.read_bytes() == reference.read_bytes(), "differs from gguf.GGUFWriter's file"
                    print(f"ok   {model.name} {t}: {out.stat().st_size} bytes, {len(r.tensors)} tensors")
                except (AssertionError, subprocess.CalledProcessError, KeyError) as e:
                    failures += 1
                    detail = e.stderr.strip() if isinstance(e, subprocess.CalledProcessError) else e
                    print(f"FAIL {model.name} {t}: {detail}")
    print("gguf read-back: " + ("all files match" if failures == 0 else f"{failures} failure(s)"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
