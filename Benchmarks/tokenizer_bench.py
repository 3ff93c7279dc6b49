#!/usr/bin/env python3
"""Reference side of Benchmarks/tokenizer.sh: Hugging Face tokenizers, same settings as glassbox.

  corpus OUT_DIR MEGABYTES          build the multilingual corpus (train.txt, eval.txt) from ../shared/corpus (relative to the repository root) or $GLASSBOX_CORPUS
  train CORPUS VOCAB OUT_DIR        train a Llama-3-style byte-level BPE (threads: RAYON_NUM_THREADS)
  encode TOKENIZER FILE             encode_batch the lines of FILE; prints JSON stats
  compare A/tokenizer.json B/tokenizer.json   whether vocab and merges are equal (and the first difference)
"""
import json
import os
import pathlib
import sys
import time

LLAMA3 = r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"
CORPUS = pathlib.Path(os.environ.get("GLASSBOX_CORPUS") or pathlib.Path(__file__).resolve().parent.parent / "../shared/corpus")


def corpus(out_dir, megabytes):
    out = pathlib.Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    langs = sorted(p.name for p in CORPUS.iterdir() if (p / "train.txt").exists())
    lines = []
    for lang in langs:
        lines += [l for l in (CORPUS / lang / "train.txt").read_text(encoding="utf-8").splitlines() if l.strip()]
    target = int(float(megabytes) * 1_000_000)
    chosen, size, i = [], 0, 0
    while size < target and lines:  # cycle through all languages' lines until the size is reached
        line = lines[i % len(lines)]
        chosen.append(line)
        size += len(line.encode()) + 1
        i += 1
    (out / "train.txt").write_text("\n".join(chosen) + "\n", encoding="utf-8")
    evals = []
    for lang in langs:
        evals += [l for l in (CORPUS / lang / "eval.txt").read_text(encoding="utf-8").splitlines() if l.strip()]
    (out / "eval.txt").write_text("\n".join(evals) + "\n", encoding="utf-8")
    print(f"corpus: {size} bytes, {len(chosen)} lines; eval {len(evals)} lines")


def train(corpus_file, vocab, out_dir):
    from tokenizers import Regex, Tokenizer, decoders, models, pre_tokenizers, trainers
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(LLAMA3), behavior="isolated"),
        pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)])
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=int(vocab), min_frequency=0, special_tokens=["<s>", "</s>"],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    lines = pathlib.Path(corpus_file).read_text(encoding="utf-8").splitlines()
    lines = [l for l in lines if l]
    start = time.perf_counter()
    tok.train_from_iterator(lines, trainer)
    seconds = time.perf_counter() - start
    pathlib.Path(out_dir).mkdir(parents=True, exist_ok=True)
    tok.save(str(pathlib.Path(out_dir) / "tokenizer.json"))
    print(json.dumps({"train_seconds": round(seconds, 3)}))


def encode(tokenizer_path, file):
    from tokenizers import Tokenizer
    tok = Tokenizer.from_file(tokenizer_path)
    lines = pathlib.Path(file).read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    start = time.perf_counter()
    encodings = tok.encode_batch(lines, add_special_tokens=False)
    seconds = time.perf_counter() - start
    tokens = sum(len(e.ids) for e in encodings)
    size = sum(len(l.encode()) for l in lines)
    print(json.dumps({"lines": len(lines), "tokens": tokens, "bytes": size, "encode_seconds": round(seconds, 4)}))


def compare(a, b):
    ja, jb = (json.loads(pathlib.Path(p).read_text(encoding="utf-8"))["model"] for p in (a, b))
    ma = [tuple(m) if isinstance(m, list) else tuple(m.split(" ", 1)) for m in ja["merges"]]
    mb = [tuple(m) if isinstance(m, list) else tuple(m.split(" ", 1)) for m in jb["merges"]]
    first = next((i for i, (x, y) in enumerate(zip(ma, mb)) if x != y), None)
    print(json.dumps({"merges_equal": ma == mb, "vocab_equal": ja["vocab"] == jb["vocab"],
                      "merges": [len(ma), len(mb)], "first_difference": first}))


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    {"corpus": corpus, "train": train, "encode": encode, "compare": compare}[command](*args)
