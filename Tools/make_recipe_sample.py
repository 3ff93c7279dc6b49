#!/usr/bin/env python3
"""Regenerates Recipes/data/<lang>/sample.txt and Recipes/data/SOURCES.md from the shared corpus:
the first whole lines (at most 40 000 bytes) of corpus/<lang>/train.txt for a handful of languages,
with the provenance and licence lines copied from the corpus's SOURCES.md and sources.tsv.
Usage: python3 Tools/make_recipe_sample.py [corpus folder] (default ../shared/corpus)"""
import csv, os, sys

LANGUAGES = ["cs", "de", "el", "en", "fr", "ga", "pl", "uk"]
LIMIT = 40_000
HEADER = """# Sample data shipped with the recipes

`<lang>/sample.txt` holds the first whole lines (at most 40 000 bytes) of `corpus/<lang>/train.txt`
of the shared multilingual corpus (built by its `build_corpus.py`), so that a clone of this
repository can build a small model without downloading anything. UTF-8, NFC, one paragraph or
sentence per line.

Provenance and licences, copied from the corpus's `SOURCES.md` and `sources.tsv`: all text comes from
**Debian 12 (bookworm) binary packages** (fetched with `apt-get download` at the versions pinned in
`build_corpus.py`, unpacked with `dpkg-deb -x`). Licences used: GPL-2/GPL-2+/GPL-3+, LGPL-2+/LGPL-2.1+,
CC-BY-SA-3.0/4.0 (GNOME help pages whose `legal.xml` names CC BY-SA), CC0-1.0 (AppStream metainfo),
BSD-2/3-clause (shadow man pages and messages, debconf, Irish proverbs in `fortunes-ga`), and the Vim
licence (Vim tutor). GFDL, MPL-2.0 and verbatim-only material was left out on purpose. Each sample is
an excerpt of text from the packages listed for its language below; the per-package licence of every
byte of the full corpus is in the corpus's `sources.tsv`.

Regenerate with `python3 Tools/make_recipe_sample.py /path/to/corpus`.

| lang | corpus train KB | corpus eval KB | source family: KB (packages) |
|---|---:|---:|---|
"""


def main(corpus: str) -> None:
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Recipes", "data")
    rows = list(csv.DictReader(open(f"{corpus}/sources.tsv", encoding="utf-8"), delimiter="\t"))
    table = {}
    for line in open(f"{corpus}/SOURCES.md", encoding="utf-8"):
        for language in LANGUAGES:
            if line.startswith(f"| {language} |"):
                table[language] = line.rstrip("\n")
    for language in LANGUAGES:
        lines, size = [], 0
        for line in open(f"{corpus}/{language}/train.txt", encoding="utf-8"):
            if size + len(line.encode()) > LIMIT:
                break
            lines.append(line)
            size += len(line.encode())
        os.makedirs(f"{out}/{language}", exist_ok=True)
        with open(f"{out}/{language}/sample.txt", "w", encoding="utf-8") as f:
            f.write("".join(lines))
    with open(f"{out}/SOURCES.md", "w", encoding="utf-8") as f:
        f.write(HEADER)
        for language in LANGUAGES:
            f.write(table[language] + "\n")
        f.write("\nLicences of the packages each language draws from (`sources.tsv`):\n\n")
        for language in LANGUAGES:
            licences = sorted({r["licence"] for r in rows if r["lang"] == language})
            f.write(f"- **{language}**: {', '.join(licences)}\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus")
