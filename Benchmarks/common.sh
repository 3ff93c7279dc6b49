# Shared set-up of the decode and inference benchmarks (sourced, not run): the repository root, the
# release binary (built when absent), the two Python environments (PY_TORCH=…, PY_LLAMA=…, described
# in Benchmarks/decode.sh), a scratch folder removed on exit, and the header line with date and load.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BIN=.build/release/glassbox
[ -x "$BIN" ] || make build
PY_TORCH=${PY_TORCH:-.venv-bench/bin/python}
PY_LLAMA=${PY_LLAMA:-.venv-llamacpp/bin/python}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo "date: $(date -u +%Y-%m-%dT%H:%MZ) host: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
