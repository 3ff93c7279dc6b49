#!/usr/bin/env python3
"""Evaluation documents for the benchmarks: DOCS documents of about 2000 bytes per language (cs, de,
en, fr), cut from CORPUS/<lang>/eval.txt at line ends, written as glassbox eval JSONL to OUT.

  python3 Benchmarks/eval_documents.py CORPUS OUT DOCS
"""
import json
import sys

corpus, out, per_language = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(out, "w") as f:
    for lang in ["cs", "de", "en", "fr"]:
        text, docs = "", 0
        for line in open(f"{corpus}/{lang}/eval.txt", encoding="utf-8"):
            text += line
            if len(text.encode()) >= 2000:
                f.write(json.dumps({"language": lang, "text": text}, ensure_ascii=False) + "\n")
                text, docs = "", docs + 1
                if docs == per_language:
                    break
