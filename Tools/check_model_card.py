#!/usr/bin/env python3
"""Checks a Glassbox model card (a release's README.md) the way the Hugging Face Hub reads it.

Parses the card with huggingface_hub.ModelCard (PyYAML safe_load, YAML 1.1: the Hub's own regex for the
front matter) and checks what Glassbox promises: metadata is a mapping; every `language` entry is a
string (an unquoted `no` would be False); `license` is a Hub id or `other` with `license_name` and
`license_link`; pipeline and library; a model-index whose results carry task type, dataset type and
name, metric type and value. With --expect-text TEXT (repeatable), each TEXT must appear in the card's
body as written. With --base-model ID, `base_model` must be that Hub id (with --base-model "", absent). Prints one line per problem; exit 0 when the card passes, 1 otherwise, 2 when
huggingface_hub is not installed (pip install huggingface_hub).

Usage: python3 Tools/check_model_card.py RELEASE/README.md [--expect-text TEXT ...] [--languages cs,de,...] [--base-model ID]
"""
import argparse
import sys

try:
    from huggingface_hub import ModelCard
except ImportError:
    print("huggingface_hub is not installed: pip install huggingface_hub", file=sys.stderr)
    sys.exit(2)


def problems_of(path, expected_texts, languages, base_model=None):
    card = ModelCard.load(path, ignore_metadata_errors=False)
    data = card.data.to_dict()
    problems = []
    language = data.get("language")
    if not isinstance(language, list) or not language:
        problems.append(f"language is {language!r}, expected a non-empty list")
    else:
        for entry in language:
            if not isinstance(entry, str):
                problems.append(f"language entry {entry!r} is {type(entry).__name__}, not a string (quote it)")
        if languages and language != languages:
            problems.append(f"language is {language}, expected {languages}")
    license_id = data.get("license")
    if not isinstance(license_id, str) or not license_id:
        problems.append(f"license is {license_id!r}")
    elif license_id == "other" and not (isinstance(data.get("license_name"), str) and isinstance(data.get("license_link"), str)):
        problems.append("license is 'other' without license_name and license_link")
    for key, value in (("pipeline_tag", "text-generation"), ("library_name", "transformers")):
        if data.get(key) != value:
            problems.append(f"{key} is {data.get(key)!r}, expected {value!r}")
    for key in ("tags", "datasets", "metrics"):
        if key in data and not all(isinstance(item, str) for item in data[key]):
            problems.append(f"{key} holds a non-string entry: {data[key]!r}")
    results = card.data.eval_results or []
    if not results:
        problems.append("model-index has no results")
    for result in results:
        if not (result.task_type and result.dataset_type and result.dataset_name and result.metric_type):
            problems.append(f"model-index result lacks a required key: {result}")
        if not isinstance(result.metric_value, (int, float)):
            problems.append(f"metric value {result.metric_value!r} is not a number")
    if base_model is not None and data.get("base_model") != (base_model or None):
        problems.append(f"base_model is {data.get('base_model')!r}, expected {(base_model or None)!r}")
    body = card.text
    for text in expected_texts:
        if text not in body:
            problems.append(f"the card's body does not contain {text!r} as written")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("card")
    parser.add_argument("--expect-text", action="append", default=[])
    parser.add_argument("--languages", default="")
    parser.add_argument("--base-model", default=None)
    args = parser.parse_args()
    try:
        problems = problems_of(args.card, args.expect_text, [x for x in args.languages.split(",") if x], args.base_model)
    except Exception as error:  # a card the Hub could not parse at all
        problems = [f"huggingface_hub could not parse the card: {error}"]
    for problem in problems:
        print(f"{args.card}: {problem}")
    if not problems:
        print(f"{args.card}: OK (huggingface_hub {__import__('huggingface_hub').__version__})")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
