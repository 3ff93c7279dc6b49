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
	git-lfs libnginx-mod-http-dav-ext python3-venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps build test demo bench clean asan cpu-targets

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

## test: every test (Swift Testing), same build configuration as `make build`; then the code that parses
## untrusted files (safetensors reader, verifier) once more under AddressSanitizer (`make asan`); then a
## generic x86-64 build against the cross-CPU training golden (`make cpu-targets`)
test: deps
	$(SWIFT) build $(SWIFTFLAGS) --build-tests
	$(SWIFT) test $(SWIFTFLAGS) --skip-build
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

## cpu-targets: a generic x86-64 build (no FMA unit) must train the short golden run to the same digests
## (Tools/check_cpu_determinism.sh; CPUS="native haswell x86-64" for all three)
cpu-targets: deps
	CPUS="$${CPUS:-x86-64}" bash Tools/check_cpu_determinism.sh

## asan: the strict safetensors reader and the verifier under AddressSanitizer (debug build in .build-asan;
## leak detection off: XCTest's own runner leaks a few bytes at exit)
asan: deps
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --build-path .build-asan --sanitize=address --filter 'SafeTensorsTests|VerificationTests'
