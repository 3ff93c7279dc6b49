#!/usr/bin/env python3
"""Golden safetensors files for Tests/SafeTensorsTests, written by the reference `safetensors` package.

usage: python3 Tools/make_safetensors_goldens.py [OUT_DIR]   (default Tests/SafeTensorsTests/Fixtures)

Writes valid files (every dtype Glassbox knows, scalars, empty tensors, metadata, F16/BF16 special
values) plus `expected.json`: for each file, the tensors as the reference library reads them back
(name, dtype, shape, data_offsets from the raw header) and, for float tensors, the bit patterns of
their values widened to float32 by torch — the values `SafeTensorsFile.floats(for:)` must return.
Deterministic: fixed seed, no timestamps; re-running gives identical bytes.
"""
import json
import os
import struct
import sys

import numpy as np
import torch
from safetensors.torch import save_file, load_file

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "Tests", "SafeTensorsTests", "Fixtures")
os.makedirs(OUT, exist_ok=True)
gen = torch.Generator().manual_seed(20261124)

SPECIAL = [0.0, -0.0, 1.0, -2.5, 65504.0, 6.103515625e-05, 5.960464477539063e-08, float("inf"), float("-inf"), float("nan")]


def floats(dtype, shape):
    return (torch.randn(shape, generator=gen) * 3).to(dtype)


files = {
    "all_dtypes.safetensors": ({
        "f64": floats(torch.float64, (3,)),
        "f32": floats(torch.float32, (2, 3)),
        "f16": floats(torch.float16, (4, 2)),
        "bf16": floats(torch.bfloat16, (5,)),
        "i64": torch.arange(-3, 3, dtype=torch.int64),
        "i32": torch.arange(-4, 4, dtype=torch.int32).reshape(2, 4),
        "i16": torch.arange(-2, 3, dtype=torch.int16),
        "i8": torch.arange(-5, 5, dtype=torch.int8),
        "u8": torch.arange(0, 7, dtype=torch.uint8),
        "bool": torch.tensor([True, False, True]),
        "f8e4m3": floats(torch.float32, (4,)).to(torch.float8_e4m3fn),
        "f8e5m2": floats(torch.float32, (4,)).to(torch.float8_e5m2),
    }, {"format": "pt", "note": "glassbox golden"}),
    "scalar_and_empty.safetensors": ({
        "scalar": torch.tensor(3.25, dtype=torch.float32),
        "empty": torch.zeros((0, 4), dtype=torch.float32),
        "also_empty": torch.zeros((2, 0), dtype=torch.float16),
        "after": torch.tensor([1.5, -1.5], dtype=torch.float32),
    }, None),
    "special_values.safetensors": ({
        "f16": torch.tensor(SPECIAL, dtype=torch.float16),
        "bf16": torch.tensor(SPECIAL + [3.0e38, 1.0e-40], dtype=torch.bfloat16),
        "f16_subnormals": torch.tensor([2.0 ** -24 * k for k in range(1, 1024, 37)], dtype=torch.float16),
    }, {}),
    "tiny_model.safetensors": ({
        "model.embed_tokens.weight": floats(torch.float32, (16, 8)),
        "model.layers.0.input_layernorm.weight": torch.ones(8),
        "model.norm.weight": torch.ones(8),
    }, {"format": "pt"}),
}

expected = {}
for name, (tensors, metadata) in sorted(files.items()):
    path = os.path.join(OUT, name)
    save_file(tensors, path, metadata=metadata)
    raw = open(path, "rb").read()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8:8 + n])
    loaded = load_file(path)
    entry = {"metadata": header.get("__metadata__", {}), "tensors": []}
    for tname, info in sorted(((k, v) for k, v in header.items() if k != "__metadata__"),
                              key=lambda kv: (kv[1]["data_offsets"][0], kv[1]["data_offsets"][1], kv[0])):
        t = {"name": tname, "dtype": info["dtype"], "shape": info["shape"], "data_offsets": info["data_offsets"]}
        if info["dtype"] in ("F32", "F16", "BF16"):
            begin, end = info["data_offsets"]
            data = raw[8 + n + begin:8 + n + end]
            # Exact IEEE widening from the stored bits (NumPy keeps NaN payloads; torch's own cast does
            # not), cross-checked against torch for every non-NaN value.
            if info["dtype"] == "F16":
                bits = np.frombuffer(data, "<f2").astype("<f4").view("<u4")
            elif info["dtype"] == "BF16":
                bits = np.frombuffer(data, "<u2").astype("<u4") << 16
            else:
                bits = np.frombuffer(data, "<u4")
            as_float = bits.astype("<u4").view("<f4")
            reference = loaded[tname].to(torch.float32).reshape(-1).numpy()
            same = (as_float == reference) | (np.isnan(as_float) & np.isnan(reference))
            assert same.all(), (name, tname)
            t["float32_bits"] = ["%08x" % int(b) for b in bits]
        entry["tensors"].append(t)
    expected[name] = entry

with open(os.path.join(OUT, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1, sort_keys=True)
    f.write("\n")
print("wrote", len(files), "files and expected.json to", os.path.normpath(OUT))
