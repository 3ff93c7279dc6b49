#!/usr/bin/env python3
"""Validates a release's compliance/compliance.json against Docs/compliance.schema.json (JSON Schema
2020-12) with the `jsonschema` package (pip install jsonschema). Exit 0 valid, 1 invalid, 2 when
jsonschema is not installed.

Usage: python3 Tools/check_compliance_json.py RELEASE/compliance/compliance.json
"""
import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:
    print("jsonschema is not installed: pip install jsonschema", file=sys.stderr)
    sys.exit(2)

schema_path = pathlib.Path(__file__).resolve().parent.parent / "Docs" / "compliance.schema.json"
document_path = sys.argv[1]
schema = json.loads(schema_path.read_text(encoding="utf-8"))
document = json.loads(pathlib.Path(document_path).read_text(encoding="utf-8"))
errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(document), key=lambda e: list(e.path))
for error in errors:
    print(f"{document_path}: {'/'.join(str(p) for p in error.path) or '(root)'}: {error.message}")
if not errors:
    print(f"{document_path}: valid against {schema_path.name}")
sys.exit(1 if errors else 0)
