#!/usr/bin/env python3
"""Reference for Benchmarks/prepare.sh: the same work as `glassbox data prepare` in plain Python
(UTF-8 decode with replacement, NFC, whitespace/control clean-up, one document per line, SHA-256
exact dedup across sources, train/eval split, JSONL out). Used only to put the Swift figure next
to a familiar baseline; its output is not expected to be byte-identical."""
import hashlib, json, os, re, sys, unicodedata

SPACE = re.compile(r"[\t\x0b\x0c\r \u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff]")

def main(out, sources):
    os.makedirs(out, exist_ok=True)
    seen = set()
    with open(os.path.join(out, "train.jsonl"), "w", encoding="utf-8") as train, \
         open(os.path.join(out, "eval.jsonl"), "w", encoding="utf-8") as evaluation:
        for folder in sources:
            language = os.path.basename(folder.rstrip("/"))
            for name in sorted(os.listdir(folder)):
                text = open(os.path.join(folder, name), "rb").read().decode("utf-8", "replace")
                text = unicodedata.normalize("NFC", text)
                for line in text.split("\n"):
                    line = SPACE.sub(" ", CONTROL.sub("", line)).strip()
                    if not line:
                        continue
                    digest = hashlib.sha256(line.encode()).digest()
                    if digest in seen:
                        continue
                    seen.add(digest)
                    target = evaluation if digest[0] < 13 else train
                    target.write(json.dumps({"language": language, "source": language, "text": line}, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
