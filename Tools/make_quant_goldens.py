#!/usr/bin/env python3
"""Make the quantization goldens with the reference quantizer: the `gguf` PyPI package (gguf.quants,
bit-exact with ggml-quants.c's reference *_ref functions) and NumPy's float16 conversion.

Writes Tests/QuantizationTests/Fixtures/:
  half_inputs.u32        float32 bit patterns (little-endian u32): edge cases, then random patterns
  half_expected.u16      numpy `astype(float16)` of each (round to nearest, ties to even)
  half_widened.u32       float32 bits of every non-NaN float16 pattern 0x0000…0xFFFF (NaNs: 0)
  blocks.f32             float32 rows of 32 weights: edge cases (zeros, ties, duplicated maxima of
                         opposite signs, fp16-subnormal scales), then random normal blocks at many scales
  q8_0.bin, q4_0.bin     gguf.quants.quantize(blocks, Q8_0 / Q4_0) bytes (34 / 18 bytes a block)
  q8_0.dequant.f32, q4_0.dequant.f32   gguf.quants.dequantize of those bytes, float32
  manifest.json          counts and the versions that made the files

Run: python3 -m venv .venv-gguf && .venv-gguf/bin/pip install gguf && .venv-gguf/bin/python Tools/make_quant_goldens.py
Deterministic: fixed seed.
"""
import json
from importlib.metadata import version
from pathlib import Path

import numpy as np
from gguf import GGMLQuantizationType as T
from gguf import quants

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "QuantizationTests" / "Fixtures"
rng = np.random.default_rng(20261205)


def half_inputs() -> np.ndarray:
    f = np.float32
    edges = [0.0, -0.0, 1.0, -1.0, 65504.0, 65505.0, 65519.99, 65520.0, -65520.0, 65536.0, 1e10, -1e30,
             np.inf, -np.inf, 6.1035156e-05, 6.1e-05, 5.9604645e-08, 2.9802322e-08, 2.9802326e-08,
             8.940697e-08, 1e-10, -1e-10, 1.0 + 2.0**-11, 1.0 + 3 * 2.0**-11, 1.0 + 2.0**-11 + 2.0**-20,
             2048.0 + 1.0, 2048.0 + 3.0, 3 * 2.0**-25, 5 * 2.0**-25, 2.0**-14 - 2.0**-25, 0.1, -0.3, 1 / 3]
    edges = np.array(edges, dtype=f).view(np.uint32)
    bits = rng.integers(0, 2**32, size=20000, dtype=np.uint64).astype(np.uint32)
    bits = bits[(bits & 0x7F800000) != 0x7F800000]  # drop NaN and infinity patterns
    logs = (np.exp2(rng.uniform(-30, 17, size=20000)) * rng.choice([-1, 1], size=20000)).astype(f).view(np.uint32)
    return np.concatenate([edges, bits, logs]).astype("<u4")


def half_widened() -> np.ndarray:
    h = np.arange(65536, dtype=np.uint16)
    w = h.view(np.float16).astype(np.float32).view(np.uint32).copy()
    w[np.isnan(h.view(np.float16))] = 0
    return w.astype("<u4")


def blocks() -> np.ndarray:
    edge = []
    edge.append(np.zeros(32))
    one = np.zeros(32); one[7] = 0.25; edge.append(one)
    edge.append(np.full(32, -1.5))
    tie8 = np.array([127] + [k + 0.5 for k in range(-16, 15)]); edge.append(tie8)
    tie4 = np.array([-8] + [k + 0.5 for k in range(-8, 7)] + [k * 0.25 for k in range(-8, 8)]); edge.append(tie4)
    both = rng.normal(size=32); both[3] = 2.0; both[20] = -2.0; edge.append(both)
    both = rng.normal(size=32); both[3] = -2.0; both[20] = 2.0; edge.append(both)
    edge.append(rng.normal(size=32) * 1e-7)   # scales in fp16's subnormal range
    edge.append(rng.normal(size=32) * 1e-9)   # scales that round to zero in fp16
    edge.append(rng.normal(size=32) * 3e3)
    edge.append(np.linspace(-1, 1, 32))
    random = [rng.normal(size=32) * 10 ** rng.uniform(-4, 2) for _ in range(600)]
    return np.stack(edge + random).astype("<f4")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    hin = half_inputs()
    (OUT / "half_inputs.u32").write_bytes(hin.tobytes())
    (OUT / "half_expected.u16").write_bytes(hin.view(np.float32).astype(np.float16).view("<u2").tobytes())
    (OUT / "half_widened.u32").write_bytes(half_widened().tobytes())
    b = blocks()
    (OUT / "blocks.f32").write_bytes(b.tobytes())
    for name, qtype in [("q8_0", T.Q8_0), ("q4_0", T.Q4_0)]:
        q = quants.quantize(b, qtype)
        (OUT / f"{name}.bin").write_bytes(q.tobytes())
        (OUT / f"{name}.dequant.f32").write_bytes(quants.dequantize(q, qtype).astype("<f4").tobytes())
    manifest = {"blocks": int(b.shape[0]), "half_inputs": int(hin.size),
                "made_with": {"gguf": version("gguf"), "numpy": np.__version__}}
    (OUT / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    print(f"wrote {OUT}: {b.shape[0]} blocks, {hin.size} float16 inputs")


if __name__ == "__main__":
    main()
