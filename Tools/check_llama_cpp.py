#!/usr/bin/env python3
"""Run Glassbox's GGUF export inside llama.cpp (through llama-cpp-python) and compare with Glassbox.

Not part of `make test`: it needs llama-cpp-python, whose wheel compiles llama.cpp (10-20 minutes on a
2-core machine):  python3 -m venv .venv-llamacpp && .venv-llamacpp/bin/pip install llama-cpp-python==0.3.36 numpy

For a release directory (default: the flagship release Releases/eu24-nano-0.1; or a model directory
given after the binary) it exports model-f32.gguf and model-q8_0.gguf with `glassbox export gguf`
into a temporary directory and checks:
  1. tokenization: 3 sample lines of each Recipes/data/eu24/*.txt (33 languages, at most 200 characters
     each, so that `glassbox logits` takes them) tokenized by llama.cpp
     (`special=False`, no BOS) equals Glassbox's ids (`glassbox logits --raw --json`);
  2. logits: llama.cpp's float32 logits at every position of a few prompts are within 1e-3 of the
     logit scale of Glassbox's (F32 KV cache, as ../shared/gguf-interop.md says);
  3. greedy ids: llama.cpp's F32 greedy continuation of each prompt (argmax, 24 tokens, EOS ignored)
     equals `glassbox generate --temperature 0 --ignore-eos`;
  4. bits per byte per language: llama.cpp scores the same documents with the same sliding windows
     (prefix BOS, windows of --context every --stride tokens, each token scored once) with the F32 and
     the Q8_0 file; Q8_0 must be within 1% of F32 in every language. Glassbox's own F32 and Q8_0 figures
     (`glassbox eval --data … [--variant q8_0]`) are printed beside them.
Exit 0 when every check passes; prints a report (recorded in Docs/quantization.md).

Run: PY=.venv-llamacpp/bin/python; $PY Tools/check_llama_cpp.py .build/release/glassbox [MODEL_DIR] [--threads 2]
"""
import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from llama_cpp import Llama

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "Recipes" / "data" / "eu24"
PROMPTS = ["Dobrý den, jak se", "The history of the", "Die Stadt liegt", "La ville de", "Η πόλη", "Miasto jest", "Kaupunki on"]
GGML_TYPE_F32 = 0


def glassbox(binary, *args):
    out = subprocess.run([binary, *args], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"glassbox {' '.join(args)} failed ({out.returncode}): {out.stderr}")
    return out.stdout


def documents(per_language_bytes):
    """One document per language: the first lines of Recipes/data/eu24/<lang>.txt up to the byte budget."""
    docs = []
    for path in sorted(DATA.glob("*.txt")):
        text, used = [], 0
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and used < per_language_bytes:
                text.append(line)
                used += len(line.encode()) + 1
        docs.append({"language": path.stem, "text": "\n".join(text)})
    return docs


def load(path, context, threads):
    return Llama(model_path=str(path), n_ctx=context, n_batch=context, n_ubatch=context, n_threads=threads,
                 logits_all=True, type_k=GGML_TYPE_F32, type_v=GGML_TYPE_F32, verbose=False)


def logits(llm, ids):
    llm.reset()
    llm.eval(ids)
    return np.array(llm.scores[: len(ids)], dtype=np.float64)


def nll(llm, ids, prefix, context, stride):
    """Glassbox's sliding windows over [prefix] + ids: each window starts from an empty cache and scores
    only the tokens no earlier window scored."""
    seq = [prefix] + ids
    total, scored, start = 0.0, 0, 0
    while True:
        end = min(start + context, len(seq))
        rows = logits(llm, seq[start:end])
        for t in range(max(scored + 1, start + 1), end):
            row = rows[t - start - 1]
            m = row.max()
            total += math.log(np.exp(row - m).sum()) + m - row[seq[t]]
        scored = end - 1
        if end == len(seq):
            return total
        start = min(start + stride, end - 1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("model", nargs="?", default=str(ROOT / "Releases" / "eu24-nano-0.1"))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--bytes", type=int, default=1500, help="bytes of text per language for bits per byte")
    args = parser.parse_args()
    config = json.loads((Path(args.model) / "config.json").read_text())
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for t in ["f32", "q8_0"]:
            glassbox(args.binary, "export", "gguf", args.model, "--type", t, "--out-file", str(tmp / f"model-{t}.gguf"))
        context = config.get("max_position_embeddings", 256)
        f32 = load(tmp / "model-f32.gguf", context, args.threads)
        q8 = load(tmp / "model-q8_0.gguf", context, args.threads)

        # 1. Tokenization.
        # The first 3 non-empty lines of each language, cut to 200 characters (within the model's context).
        lines = [line[:200] for p in sorted(DATA.glob("*.txt"))
                 for line in [x for x in p.read_text(encoding="utf-8").splitlines() if x.strip()][:3]]
        differ = 0
        for line in lines:
            ours = json.loads(glassbox(args.binary, "logits", args.model, "--text", line, "--raw", "--json", "--threads", "1"))["ids"]
            theirs = f32.tokenize(line.encode(), add_bos=False, special=False)
            differ += ours != theirs
        print(f"tokenization: {len(lines) - differ}/{len(lines)} lines of {len(list(DATA.glob('*.txt')))} languages identical")
        if differ:
            failures.append(f"{differ} lines tokenized differently")

        # 2 and 3. Logits at every position and greedy ids.
        worst, same = 0.0, 0
        for prompt in PROMPTS:
            out = json.loads(glassbox(args.binary, "logits", args.model, "--text", prompt, "--json", "--threads", "1"))
            ours = np.array(out["logits"], dtype=np.float64)
            theirs = logits(f32, out["ids"])
            worst = max(worst, float(np.abs(ours - theirs).max() / np.abs(ours).max()))
            gen = json.loads(glassbox(args.binary, "generate", args.model, "--prompt", prompt, "--temperature", "0",
                                      "--max-tokens", "24", "--ignore-eos", "--json", "--threads", "1"))
            ids, greedy = list(gen["prompt_ids"]), []
            for _ in range(len(gen["generated_ids"])):
                nxt = int(np.argmax(logits(f32, ids)[-1]))
                greedy.append(nxt)
                ids.append(nxt)
            same += greedy == gen["generated_ids"]
        print(f"f32 logits: max |llama.cpp - glassbox| / max |logit| = {worst:.2e} over {len(PROMPTS)} prompts")
        print(f"f32 greedy ids: {same}/{len(PROMPTS)} prompts identical (24 tokens each)")
        if worst > 1e-3:
            failures.append(f"logits differ by {worst:.2e}")
        if same != len(PROMPTS):
            failures.append(f"greedy ids differ on {len(PROMPTS) - same} prompts")

        # 4. Bits per byte per language.
        docs = documents(args.bytes)
        eval_file = tmp / "eval.jsonl"
        eval_file.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        ctx, stride = 128, 64
        ours = {}
        for variant in [[], ["--variant", "q8_0"]]:
            out = json.loads(glassbox(args.binary, "eval", args.model, "--data", str(eval_file), "--context", str(ctx),
                                      "--stride", str(stride), "--json", "--threads", str(args.threads), *variant))
            ours["q8_0" if variant else "f32"] = {row["language"]: row["bits_per_byte"] for row in out["languages"]}
        bos = config.get("bos_token_id")
        prefix = bos if bos is not None else config.get("eos_token_id")
        print(f"\nbits per byte (windows of {ctx} every {stride}; {args.bytes} bytes a language)")
        print("| language | llama.cpp f32 | llama.cpp q8_0 | Δ | glassbox f32 | glassbox q8_0 | Δ |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for d in docs:
            ids = f32.tokenize(d["text"].encode(), add_bos=False, special=False)
            nbytes = len(d["text"].encode())
            a = nll(f32, ids, prefix, ctx, stride) / math.log(2) / nbytes
            b = nll(q8, ids, prefix, ctx, stride) / math.log(2) / nbytes
            ga, gb = ours["f32"][d["language"]], ours["q8_0"][d["language"]]
            print(f"| {d['language']} | {a:.4f} | {b:.4f} | {100 * (b / a - 1):+.2f} % | {ga:.4f} | {gb:.4f} | {100 * (gb / ga - 1):+.2f} % |")
            if abs(b / a - 1) > 0.01:
                failures.append(f"{d['language']}: llama.cpp q8_0 bits per byte {b:.4f} vs f32 {a:.4f}")
    print("\nOK" if not failures else "\nFAILED: " + "; ".join(failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
