#!/usr/bin/env python3
"""Regenerates the text of Recipes/eu24-nano.toml from the shared multilingual corpus:
Recipes/data/eu24/<lang>.txt (the first whole lines, at most 150 000 bytes, of corpus/<lang>/train.txt)
and Recipes/data/eu24/SOURCES.md (provenance and licences copied from the corpus's SOURCES.md and
sources.tsv). With --sources it prints the recipe's [[data.sources]] blocks (SPDX licence per language).
Usage: python3 Tools/make_flagship_data.py [--sources] [corpus folder] (default ../shared/corpus)"""
import csv, os, sys

# The 24 official EU languages, then the candidate-country languages with data, then nb and is.
EU = ["bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv",
      "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv"]
CANDIDATES = ["sq", "bs", "ka", "mk", "sr", "uk", "tr"]
EXTRA = ["nb", "is"]
LANGUAGES = EU + CANDIDATES + EXTRA
LIMIT = 150_000
# Debian copyright short names (as in sources.tsv) -> SPDX.
SPDX = {
    "BSD-2-clause": ["BSD-2-Clause"], "BSD-3-clause": ["BSD-3-Clause"],
    "CC-BY-SA-3.0": ["CC-BY-SA-3.0"], "CC-BY-SA-4.0": ["CC-BY-SA-4.0"], "CC0-1.0": ["CC0-1.0"],
    "GPL": ["GPL-1.0-or-later"], "GPL-2": ["GPL-2.0-only"], "GPL-2+": ["GPL-2.0-or-later"],
    "GPL-2.0+": ["GPL-2.0-or-later"], "GPL-3+": ["GPL-3.0-or-later"],
    "GPL-2+ and LGPL-2.1+": ["GPL-2.0-or-later", "LGPL-2.1-or-later"],
    "GPL-2+ with GStreamer exception": ["GPL-2.0-or-later WITH GStreamer-exception-2005"],
    "GPL-3+ and LGPL-2+": ["GPL-3.0-or-later", "LGPL-2.0-or-later"],
    "LGPL-2+": ["LGPL-2.0-or-later"], "LGPL-2.1+": ["LGPL-2.1-or-later"], "Vim (GPL-compatible)": ["Vim"],
}
NAMES = {"bg": "Bulgarian", "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek", "en": "English",
         "es": "Spanish", "et": "Estonian", "fi": "Finnish", "fr": "French", "ga": "Irish", "hr": "Croatian",
         "hu": "Hungarian", "it": "Italian", "lt": "Lithuanian", "lv": "Latvian", "mt": "Maltese",
         "nl": "Dutch", "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "sk": "Slovak",
         "sl": "Slovenian", "sv": "Swedish", "sq": "Albanian", "bs": "Bosnian", "ka": "Georgian",
         "mk": "Macedonian", "sr": "Serbian", "uk": "Ukrainian", "tr": "Turkish", "nb": "Norwegian Bokmål",
         "is": "Icelandic"}
HEADER = """# Text of the eu24-nano recipe

`<lang>.txt` holds the first whole lines (at most 150 000 bytes) of `corpus/<lang>/train.txt` of the
shared multilingual corpus (built by its `build_corpus.py`), for the 24 official EU languages, the
candidate-country languages with data (sq, bs, ka, mk, sr, uk, tr) and nb and is, so that a clone of
this repository can build `Recipes/eu24-nano.toml` without downloading anything. UTF-8, NFC, one
paragraph or sentence per line.

Provenance and licences, copied from the corpus's `SOURCES.md` and `sources.tsv`: all text comes from
**Debian 12 (bookworm) binary packages** (fetched with `apt-get download` at the versions pinned in
`build_corpus.py`, unpacked with `dpkg-deb -x`). Licences used: GPL-2/GPL-2+/GPL-3+, LGPL-2+/LGPL-2.1+,
CC-BY-SA-3.0/4.0 (GNOME help pages whose `legal.xml` names CC BY-SA), CC0-1.0 (AppStream metainfo),
BSD-2/3-clause (shadow man pages and messages, debconf, Irish proverbs in `fortunes-ga`), and the Vim
licence (Vim tutor). GFDL, MPL-2.0 and verbatim-only material was left out on purpose. The per-package
licence of every byte of the full corpus is in the corpus's `sources.tsv`; the licence expression of
each recipe source is the conjunction of the licences of the packages its language draws from.

**How thin the languages are.** Maltese (`mt`) has no prose in Debian: its file holds only country,
language and currency names from `iso-codes`. ga, et, is, sq, bs and ka consist (almost) only of
program messages (short UI strings), not running text. The model card of the release repeats this with
the byte counts that reached training.

Regenerate with `python3 Tools/make_flagship_data.py /path/to/corpus`.

| lang | bytes here | corpus train KB | corpus eval KB | source family: KB (packages) |
|---|---:|---:|---:|---|
"""


def licences(rows, language):
    names = sorted({r["licence"] for r in rows if r["lang"] == language and r["licence"] in SPDX})
    return sorted({spdx for name in names for spdx in SPDX[name]})


def excerpt(corpus, language):
    lines, size = [], 0
    for line in open(f"{corpus}/{language}/train.txt", encoding="utf-8"):
        if size + len(line.encode()) > LIMIT:
            break
        lines.append(line)
        size += len(line.encode())
    return "".join(lines)


def sources(rows):
    for language in LANGUAGES:
        expression = " AND ".join(licences(rows, language))
        print(f"""[[data.sources]]
id = "debian-{language}"
uri = "file:data/eu24/{language}.txt"
languages = ["{language}"]
license = "{expression}"
redistributable = true
tdm_opt_out_respected = true
notes = "{NAMES[language]}: excerpt of the shared corpus (Debian 12 packages); see Recipes/data/eu24/SOURCES.md."
""")


def main(corpus):
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Recipes", "data", "eu24")
    os.makedirs(out, exist_ok=True)
    rows = list(csv.DictReader(open(f"{corpus}/sources.tsv", encoding="utf-8"), delimiter="\t"))
    table = {}
    for line in open(f"{corpus}/SOURCES.md", encoding="utf-8"):
        for language in LANGUAGES:
            if line.startswith(f"| {language} |"):
                table[language] = line.rstrip("\n")
    with open(f"{out}/SOURCES.md", "w", encoding="utf-8") as f:
        f.write(HEADER)
        for language in LANGUAGES:
            text = excerpt(corpus, language)
            with open(f"{out}/{language}.txt", "w", encoding="utf-8") as t:
                t.write(text)
            f.write(table[language].replace(f"| {language} |", f"| {language} | {len(text.encode())} |", 1) + "\n")
        f.write("\nLicences of the packages each language draws from (`sources.tsv`, as SPDX):\n\n")
        for language in LANGUAGES:
            f.write(f"- **{language}** ({NAMES[language]}): {' AND '.join(licences(rows, language))}\n")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--sources"]
    corpus = args[0] if args else "../shared/corpus"
    if "--sources" in sys.argv[1:]:
        sources(list(csv.DictReader(open(f"{corpus}/sources.tsv", encoding="utf-8"), delimiter="\t")))
    else:
        main(corpus)
