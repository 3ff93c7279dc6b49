# Glassbox — `make demo` and `make test` do all the set-up on a fresh Debian machine.
SHELL := /bin/bash
CPU ?= native
SWIFT ?= swift
# One configuration for the binary and the tests, so nothing is compiled twice: optimised, built for
# the CPU (plain x86-64 turns SIMD into scalar calls), with testing enabled for @testable imports.
SWIFTFLAGS := -c release -Xswiftc -target-cpu -Xswiftc $(CPU) -Xswiftc -enable-testing
BIN := .build/release/glassbox
APT_PACKAGES := libgit2-dev libcurl4-openssl-dev libssl-dev pkg-config nginx fcgiwrap git hyperfine minisign time \
	libopenmpi-dev openmpi-bin slurmctld slurmd slurm-client munge \
	git-lfs libnginx-mod-http-dav-ext python3-venv chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build test demo bench clean asan cpu-targets check-card gguf-check flagship

## deps: install the Debian packages Glassbox builds and tests with (only those that are missing)
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi; \
	for lib in libgit2 libcurl libcrypto ompi-c; do pkg-config --exists $$lib || { echo "error: pkg-config cannot find $$lib after installing; check apt output above" >&2; exit 1; }; done

## build: the release binary, optimised for this CPU (CPU=haswell or CPU=x86-64 to choose another)
build: deps
	$(SWIFT) build $(SWIFTFLAGS) --product glassbox
	@echo "built $(BIN)"

## test: every test (Swift Testing), same build configuration as `make build`; then the golden model card
## through huggingface_hub (`make check-card`, when installed); then the code that parses
## untrusted files (safetensors reader, verifier) once more under AddressSanitizer (`make asan`); then a
## generic x86-64 build against the cross-CPU training golden (`make cpu-targets`); then the committed flagship
## release verified with its public key, checked against the EU checklist and reproduced bit for bit (`make flagship`)
test: deps
	$(SWIFT) build $(SWIFTFLAGS) --build-tests
	$(SWIFT) test $(SWIFTFLAGS) --skip-build
	$(MAKE) --no-print-directory flagship
	$(MAKE) --no-print-directory check-card
	$(MAKE) --no-print-directory gguf-check
	$(MAKE) --no-print-directory asan
	$(MAKE) --no-print-directory cpu-targets

## demo: build, then run the main job
demo: build
	@bash Tools/demo.sh $(BIN)

## bench: the benchmarks of Benchmarks/, side by side with their reference tools
bench: build
	@for b in Benchmarks/*.sh; do echo "== $$b"; bash $$b || exit 1; done

clean:
	rm -rf .build .build-asan .build-cpu-*

## check-card: the golden model card parsed by huggingface_hub.ModelCard (Tools/check_model_card.py) and the
## golden compliance.json validated against Docs/compliance.schema.json (Tools/check_compliance_json.py), each
## when python3 has the package (pip install huggingface_hub jsonschema); skipped with a message otherwise
check-card:
	@if python3 -c 'import huggingface_hub' 2>/dev/null; then \
	  python3 Tools/check_model_card.py Tests/ReleaseDocsTests/Fixtures/golden/README.md --languages cs,de,el,en,fr,ga,pl,uk; \
	else echo "check-card skipped: python3 with huggingface_hub not found (pip install huggingface_hub)"; fi
	@if python3 -c 'import jsonschema' 2>/dev/null; then \
	  python3 Tools/check_compliance_json.py Tests/ReleaseDocsTests/Fixtures/golden/compliance/compliance.json; \
	else echo "compliance.json schema check skipped: python3 with jsonschema not found (pip install jsonschema)"; fi

## cpu-targets: a generic x86-64 build (no FMA unit) must train the short golden run to the same digests
## (Tools/check_cpu_determinism.sh; CPUS="native haswell x86-64" for all three)
cpu-targets: deps
	CPUS="$${CPUS:-x86-64}" bash Tools/check_cpu_determinism.sh

## gguf-check: `glassbox export gguf` files read back by the gguf PyPI package (Tools/check_gguf_export.py);
## skipped, saying so, when no Python has it (python3 -m venv .venv-gguf && .venv-gguf/bin/pip install gguf)
gguf-check:
	@py=""; for p in .venv-gguf/bin/python python3; do \
	  if command -v $$p >/dev/null 2>&1 && $$p -c 'import gguf' 2>/dev/null; then py=$$p; break; fi; done; \
	if [ -z "$$py" ]; then echo "gguf-check skipped: no Python with the gguf package (python3 -m venv .venv-gguf && .venv-gguf/bin/pip install gguf)"; \
	else $$py Tools/check_gguf_export.py $(BIN); fi

## flagship: Releases/eu24-nano-0.1 must verify with Releases/keys/eu24-nano.pub, pass `glassbox comply --check`,
## and rebuild from its recipe without any cache to the same bits (Tools/check_flagship.sh; Docs/releases.md)
flagship: deps
	$(SWIFT) build $(SWIFTFLAGS) --product glassbox
	bash Tools/check_flagship.sh $(BIN)

## asan: the strict safetensors reader and the verifier under AddressSanitizer (debug build in .build-asan;
## leak detection off: XCTest's own runner leaks a few bytes at exit)
asan: deps
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --build-path .build-asan --sanitize=address --filter 'SafeTensorsTests|VerificationTests'
