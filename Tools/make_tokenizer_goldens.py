#!/usr/bin/env python3
"""Make the interop goldens of Tests/TokenizationTests/Fixtures with Hugging Face `tokenizers`.

What it writes (all deterministic: fixed seeds, sorted inputs):
  samples.json            test texts: corpus excerpts of 29 languages, Chinese, emoji ZWJ, combining
                          marks, digit runs, odd whitespace, random code points, random bytes (lossy)
  train_corpus.jsonl      a small multilingual training corpus ({"language","text"} per line)
  hf_llama3/tokenizer.json  trained by tokenizers' BpeTrainer, Llama-3 pre-tokenizer, merges as pairs,
                          ignore_merges, post-processor Sequence[ByteLevel, TemplateProcessing(BOS)]
  hf_gpt2/tokenizer.json    trained by tokenizers, GPT-2 ByteLevel(add_prefix_space=True), merges
                          rewritten as legacy "a b" strings, plus lstrip/rstrip added tokens
  hf_noregex/tokenizer.json  trained by tokenizers with ByteLevel(use_regex=False) alone
  trainer_expected.json   the merges and vocab BpeTrainer learns from train_corpus.jsonl
  goldens.json            for every tokenizer above (and Glassbox's, if present) and every sample:
                          ids with and without special tokens, decoded text; pre-tokenizer pieces

Glassbox-trained tokenizer: `glassbox_trained/` is written by
    glassbox tokenizer train --data Tests/TokenizationTests/Fixtures/train_corpus.jsonl \
        --vocab-size 1200 --min-frequency 2 --special-tokens '<s>,</s>,<pad>' --bos-token '<s>' \
        --eos-token '</s>' --out Tests/TokenizationTests/Fixtures/glassbox_trained
(and glassbox_gpt2/ the same with --pre-tokenizer gpt2; pass --glassbox PATH to run both here). This script loads it with `tokenizers` AND with
`transformers.PreTrainedTokenizerFast`, checks both encode every sample identically, and records
the ids as goldens the Swift test compares against.

Usage: python3 Tools/make_tokenizer_goldens.py [--glassbox .build/release/glassbox]
"""
import argparse
import json
import os
import pathlib
import random
import subprocess
import sys

import tokenizers
from tokenizers import Regex, Tokenizer, decoders, models, pre_tokenizers, processors, trainers

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIX = ROOT / "Tests/TokenizationTests/Fixtures"
CORPUS = pathlib.Path(os.environ.get("GLASSBOX_CORPUS") or ROOT / "../shared/corpus")
LLAMA3 = r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"
EU24 = "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv".split()
EXTRA = "sq uk ka tr".split()
SPECIALS = ["<s>", "</s>", "<pad>"]
TRAIN_SETTINGS = {"vocab_size": 1200, "min_frequency": 2, "special_tokens": SPECIALS}


def corpus_lines(lang, name, count, skip=0):
    lines = (CORPUS / lang / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip()][skip:skip + count]


def crafted_samples(rng):
    out = [
        ("zh", "我们使用开放的多语言模型。北京欢迎你！数字１２３和全角字符，以及「引号」。"),
        ("zh", "机器学习是人工智能的一个分支，它使计算机能够从数据中学习。"),
        ("emoji-zwj", "Family: 👨‍👩‍👧‍👦, flags 🇪🇺🇨🇿, skin 👍🏽, rainbow 🏳️‍🌈 done."),
        ("combining", "e\u0301 a\u0308 n\u0303 Z\u0335\u0327a\u034d\u031bl\u0321g\u0315o\u0310 \u0915\u094d\u0937 \u05e9\u05c1\u05b8"),
        ("digits", "1 12 123 1234 12345 123456 3.14159 1,000,000 ٠١٢٣٤٥٦ १२३४ ①②③ Ⅻ 2026-11-24"),
        ("spaces", "a\tb\t\tc\r\nd\re\n\nf\u00a0g\u2003h\u3000i \u200bj\u2028k\u0085l   m \t\n \n"),
        ("spaces-trailing", "   leading and trailing   "),
        ("contractions", "I'm you're we've they'll he'd it's don't I'M YOU'RE WE'VE THEY'LL 'S 'ſ 'Ll 'lL 'Re x'ss"),
        ("punctuation", "Hello, world!!! (a) [b] {c} <d> \"quoted\" 'single' — –  … ¿¡ «» „“ ‹›"),
        ("code", "def f(x):\n    return x**2  # square\n\tif a<=b && c!=d: print(f\"{a}\")\r\n"),
        ("specials", "<s>Hello</s> <pad> x<s> </s>y <s><s>"),
        ("added-tokens", "Hello [MASK] world  \u3000[MASK]x<|tab|>  y\t<|tab|>\n[MASK]<|tab|> <s>[MASK][MASK] <|tab|>"),
        ("empty", ""),
        ("only-space", " "),
        ("newlines", "\n\n\r\n\r\r"),
    ]
    pool = [0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x27, 0x73, 0x53, 0x17F, 0x6C, 0x4C, 0x72, 0x65, 0x30, 0x35,
            0x300, 0x301, 0x2003, 0x3000, 0x1F600, 0x200D, 0x10FFFF, 0xFFFD, 0x3C]
    for i in range(120):
        chars = []
        for _ in range(rng.randint(1, 40)):
            roll = rng.random()
            if roll < 0.3:
                cp = rng.choice(pool)
            elif roll < 0.6:
                cp = rng.randint(0x20, 0x2FFF)
            else:
                cp = rng.randint(0, 0x10FFFF)
            if 0xD800 <= cp <= 0xDFFF:
                cp = 0xFFFD
            chars.append(chr(cp))
        out.append((f"random-codepoints-{i}", "".join(chars)))
    for i in range(80):
        raw = bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 48)))
        out.append((f"random-bytes-{i}", raw.decode("utf-8", errors="replace"), raw.hex()))
    return out


def make_samples():
    rng = random.Random(20261124)
    samples = []
    for lang in EU24 + EXTRA:
        for i, line in enumerate(corpus_lines(lang, "eval.txt", 12)):
            samples.append({"name": f"{lang}-{i}", "text": line[:400]})
    for name, text, *raw in crafted_samples(rng):
        sample = {"name": name, "text": text}
        if raw:  # the bytes before Python's lossy decoding; Swift must replace them the same way
            sample["raw_hex"] = raw[0]
        samples.append(sample)
    return samples


def make_train_corpus():
    rows = []
    for lang in sorted(EU24 + EXTRA):
        for line in corpus_lines(lang, "train.txt", 30, skip=100):
            rows.append({"language": lang, "text": line[:600]})
    with open(FIX / "train_corpus.jsonl", "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    return [row["text"] for row in rows]


def llama3_tokenizer():
    tok = Tokenizer(models.BPE(ignore_merges=True))
    tok.pre_tokenizer = pre_tokenizers.Sequence([
        pre_tokenizers.Split(Regex(LLAMA3), behavior="isolated", invert=False),
        pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False),
    ])
    tok.decoder = decoders.ByteLevel()
    return tok


def train(tok, texts):
    trainer = trainers.BpeTrainer(show_progress=False, initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
                                  **TRAIN_SETTINGS)
    tok.train_from_iterator(texts, trainer)
    return tok


def make_hf_llama3(texts):
    tok = train(llama3_tokenizer(), texts)
    # As Llama 3.1 writes it: Sequence[ByteLevel, TemplateProcessing].
    tok.post_processor = processors.Sequence([
        processors.ByteLevel(trim_offsets=False),
        processors.TemplateProcessing(single="<s> $A", pair="<s> $A <s> $B",
                                      special_tokens=[("<s>", tok.token_to_id("<s>"))])])
    (FIX / "hf_llama3").mkdir(exist_ok=True)
    tok.save(str(FIX / "hf_llama3/tokenizer.json"))
    return tok


def make_hf_gpt2(texts):
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=True, use_regex=True)
    tok.decoder = decoders.ByteLevel()
    tok.post_processor = processors.ByteLevel()
    tok = train(tok, texts)
    tok.add_tokens([tokenizers.AddedToken("[MASK]", lstrip=True, rstrip=False, normalized=False),
                    tokenizers.AddedToken("<|tab|>", lstrip=False, rstrip=True, normalized=True)])
    doc = json.loads(tok.to_str())
    doc["model"]["merges"] = [" ".join(pair) for pair in doc["model"]["merges"]]
    (FIX / "hf_gpt2").mkdir(exist_ok=True)
    path = FIX / "hf_gpt2/tokenizer.json"
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    reloaded = Tokenizer.from_file(str(path))
    probe = "Hello [MASK] world<|tab|>  x"
    assert reloaded.encode(probe).ids == tok.encode(probe).ids, "legacy merge strings changed encoding"
    return reloaded


def gpt2_tokenizer():
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    tok.decoder = decoders.ByteLevel()
    return tok


def make_hf_noregex(texts):
    """ByteLevel(use_regex=False) alone: each text segment is one piece (glassbox's PreTokenizer.none)."""
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False)
    tok.decoder = decoders.ByteLevel()
    tok = train(tok, [t[:80] for t in texts])
    (FIX / "hf_noregex").mkdir(exist_ok=True)
    tok.save(str(FIX / "hf_noregex/tokenizer.json"))
    return tok


def make_trainer_expected(texts):
    for name, factory in [("trainer_expected.json", llama3_tokenizer), ("trainer_expected_gpt2.json", gpt2_tokenizer)]:
        tok = train(factory(), texts)
        doc = json.loads(tok.to_str())
        expected = {"settings": TRAIN_SETTINGS, "tokenizers_version": tokenizers.__version__,
                    "merges": doc["model"]["merges"], "vocab": doc["model"]["vocab"]}
        (FIX / name).write_text(json.dumps(expected, ensure_ascii=False) + "\n", encoding="utf-8")


def make_unsupported():
    """Real tokenizer.json files of model types glassbox must refuse with a clear error."""
    (FIX / "unsupported").mkdir(exist_ok=True)
    wordpiece = Tokenizer(models.WordPiece(vocab={"[UNK]": 0, "a": 1, "##b": 2}, unk_token="[UNK]"))
    wordpiece.save(str(FIX / "unsupported/wordpiece.json"))
    unigram = Tokenizer(models.Unigram([("<unk>", 0.0), ("a", -1.0), ("b", -2.0)], 0))
    unigram.save(str(FIX / "unsupported/unigram.json"))
    whitespace = Tokenizer(models.BPE(vocab={"a": 0, "b": 1, "ab": 2}, merges=[("a", "b")]))
    whitespace.pre_tokenizer = pre_tokenizers.Whitespace()
    whitespace.save(str(FIX / "unsupported/whitespace_pretokenizer.json"))


def encodings(tok, samples, check_transformers_dir=None):
    fast = None
    if check_transformers_dir is not None:
        from transformers import AutoTokenizer, PreTrainedTokenizerFast
        fast = AutoTokenizer.from_pretrained(str(check_transformers_dir))
        assert isinstance(fast, PreTrainedTokenizerFast), type(fast)
    rows = []
    for sample in samples:
        plain = tok.encode(sample["text"], add_special_tokens=False).ids
        with_specials = tok.encode(sample["text"], add_special_tokens=True).ids
        if fast is not None:
            assert fast.encode(sample["text"], add_special_tokens=False) == plain, sample["name"]
            assert fast.encode(sample["text"]) == with_specials, sample["name"]
        rows.append({"ids": plain, "ids_with_specials": with_specials,
                     "decoded": tok.decode(with_specials, skip_special_tokens=False)})
    return rows


def pieces(samples):
    splitters = {
        "llama3": pre_tokenizers.Split(Regex(LLAMA3), behavior="isolated"),
        "gpt2": pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True),
    }
    out = {}
    for name, splitter in splitters.items():
        rows = []
        for sample in samples:
            found = splitter.pre_tokenize_str(sample["text"])
            if name == "gpt2":  # report the original text of each piece, not its byte-level form
                found = [(sample["text"][a:b], (a, b)) for _, (a, b) in found]
            rows.append([text for text, _ in found])
        out[name] = rows
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--glassbox", help="glassbox binary: retrain Fixtures/glassbox_trained first")
    args = parser.parse_args()
    FIX.mkdir(parents=True, exist_ok=True)
    samples = make_samples()
    (FIX / "samples.json").write_text(json.dumps(samples, ensure_ascii=True, indent=0) + "\n")
    texts = make_train_corpus()
    goldens = {"tokenizers_version": tokenizers.__version__, "tokenizers": {}, "pieces": pieces(samples)}
    goldens["tokenizers"]["hf_llama3"] = encodings(make_hf_llama3(texts), samples)
    goldens["tokenizers"]["hf_gpt2"] = encodings(make_hf_gpt2(texts), samples)
    goldens["tokenizers"]["hf_noregex"] = encodings(make_hf_noregex(texts), samples)
    make_trainer_expected(texts)
    make_unsupported()
    for name, rule in [("glassbox_trained", "llama3"), ("glassbox_gpt2", "gpt2")]:
        out_dir = FIX / name
        if args.glassbox:
            subprocess.run([args.glassbox, "tokenizer", "train", "--data", str(FIX / "train_corpus.jsonl"),
                            "--vocab-size", "1200", "--min-frequency", "2", "--special-tokens", ",".join(SPECIALS),
                            "--bos-token", "<s>", "--eos-token", "</s>", "--pre-tokenizer", rule,
                            "--out", str(out_dir)], check=True)
        if (out_dir / "tokenizer.json").exists():
            tok = Tokenizer.from_file(str(out_dir / "tokenizer.json"))
            goldens["tokenizers"][name] = encodings(tok, samples, check_transformers_dir=out_dir)
        else:
            print(f"note: no {name}/ yet; run with --glassbox to add it", file=sys.stderr)
    (FIX / "goldens.json").write_text(json.dumps(goldens, ensure_ascii=False, separators=(",", ":")) + "\n",
                                      encoding="utf-8")
    print(f"wrote {FIX}: {len(samples)} samples, tokenizers {sorted(goldens['tokenizers'])}")


if __name__ == "__main__":
    main()
