#!/usr/bin/env bash
# `make demo`: hash a directory, put it in a throw-away store and check the store.
set -euo pipefail
BIN=${1:-.build/release/glassbox}
"$BIN" --help
