#!/usr/bin/env python3
"""Loads a Glassbox release with transformers' AutoModelForCausalLM and AutoTokenizer and fails on any
warning they print or raise (missing/unexpected weights, tokenizer mismatches, config keys), then
checks that the tokenizer round-trips text and that greedy generation runs.
Usage: python3 Tools/check_release_transformers.py RELEASE_DIR   (needs torch and transformers)"""
import io, logging, sys, warnings


def main(release: str) -> int:
    import transformers
    from transformers import AutoModelForCausalLM, AutoTokenizer
    transformers.logging.set_verbosity_warning()
    captured = io.StringIO()
    handler = logging.StreamHandler(captured)
    transformers.logging.get_logger().addHandler(handler)
    with warnings.catch_warnings(record=True) as raised:
        warnings.simplefilter("always")
        tokenizer = AutoTokenizer.from_pretrained(release)
        model = AutoModelForCausalLM.from_pretrained(release)
    problems = [str(w.message) for w in raised] + [line for line in captured.getvalue().splitlines() if line.strip()]
    for text in ["Dobrý den, světe!", "Добрий день", "Γειά σου κόσμε", "გამარჯობა"]:
        ids = tokenizer(text)["input_ids"]
        if tokenizer.decode(ids, skip_special_tokens=True) != text:
            problems.append(f"tokenizer does not round-trip {text!r}")
    import torch
    with torch.no_grad():
        out = model.generate(**tokenizer("Guten Tag", return_tensors="pt"), max_new_tokens=8, do_sample=False)
    print(f"{release}: {type(model).__name__}, {sum(p.numel() for p in model.parameters())} parameters, "
          f"vocabulary {len(tokenizer)}; greedy: {tokenizer.decode(out[0])!r}")
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
