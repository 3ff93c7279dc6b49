#!/usr/bin/env python3
"""Render a release's model card (README.md) the way a Hugging Face model page shows it, to look at it.

    python3 -m venv .venv-card && .venv-card/bin/pip install markdown
    .venv-card/bin/python Tools/render_card.py Releases/eu24-nano-0.1 OUT.html [--screenshot OUT.png]

The YAML front matter is shown as the Hub shows its metadata (a line of tags), the body is rendered
with tables and fenced code, images (the charts) are resolved inside the release folder. With
--screenshot, headless Chromium (Debian `chromium`) writes a full-page PNG of the HTML.
"""
import argparse
import html
import pathlib
import subprocess
import sys

import markdown

STYLE = """
body { font-family: system-ui, -apple-system, 'Segoe UI', sans-serif; max-width: 920px; margin: 2em auto;
       padding: 0 1.5em; color: #1f2937; line-height: 1.55; font-size: 15px; }
h1, h2, h3 { border-bottom: 1px solid #e5e7eb; padding-bottom: .3em; }
table { border-collapse: collapse; margin: 1em 0; font-size: 13px; }
th, td { border: 1px solid #e5e7eb; padding: 4px 8px; text-align: left; }
th { background: #f9fafb; }
code { background: #f3f4f6; padding: 1px 4px; border-radius: 4px; font-size: 90%; }
pre { background: #f3f4f6; padding: 10px; overflow-x: auto; border-radius: 6px; }
pre code { background: none; padding: 0; }
img { max-width: 100%; }
.meta { font-size: 12px; margin-bottom: 1.5em; }
.meta span { display: inline-block; background: #eef2ff; border-radius: 4px; padding: 1px 6px; margin: 2px; }
"""


def split_front_matter(text):
    if not text.startswith("---\n"):
        return "", text
    end = text.find("\n---\n", 4)
    if end < 0:
        sys.exit("error: the card's YAML front matter has no closing '---' line")
    return text[4:end], text[end + 5:]


def metadata_tags(front):
    tags = []
    for line in front.splitlines():
        stripped = line.strip()
        if line.startswith("model-index"):
            break
        if stripped.startswith("- "):
            tags.append(stripped[2:].strip('"'))
        elif ":" in stripped and not stripped.endswith(":"):
            key, value = stripped.split(":", 1)
            tags.append(f"{key}: {value.strip().strip(chr(34))}")
    return tags


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("release", type=pathlib.Path, help="release folder holding README.md")
    parser.add_argument("out", type=pathlib.Path, help="HTML file to write")
    parser.add_argument("--screenshot", type=pathlib.Path, help="also write a full-page PNG (headless Chromium)")
    args = parser.parse_args()
    card = args.release / "README.md"
    if not card.is_file():
        sys.exit(f"error: {card} not found; give a release folder that holds a model card")
    front, body = split_front_matter(card.read_text(encoding="utf-8"))
    rendered = markdown.markdown(body, extensions=["tables", "fenced_code"])
    tags = "".join(f"<span>{html.escape(tag)}</span>" for tag in metadata_tags(front))
    base = args.release.resolve().as_uri() + "/"
    page = (f"<!doctype html><html><head><meta charset='utf-8'><base href='{base}'>"
            f"<style>{STYLE}</style></head><body><div class='meta'>{tags}</div>{rendered}</body></html>")
    args.out.write_text(page, encoding="utf-8")
    print(f"wrote {args.out}")
    if args.screenshot:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--screenshot={args.screenshot.resolve()}", "--window-size=1000,9000",
                        args.out.resolve().as_uri()], check=True, capture_output=True)
        print(f"wrote {args.screenshot}")


if __name__ == "__main__":
    main()
