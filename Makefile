# Briefing — two commands on a fresh Debian machine (as root): `make run` and `make test`.
SHELL := /bin/bash
SYSTEM_PACKAGES := pkg-config libcairo2-dev libpango1.0-dev libsqlite3-dev fonts-noto-core fonts-noto-cjk qpdf
TEST_PACKAGES := poppler-utils qpdf python3
SWIFT ?= swift
CORPUS ?= seeds
OUT ?= out
TEMPLATE ?= ReportTemplates/default.yaml

.PHONY: run test build release deps test-deps bench fuzz clean

BENCH_PACKAGES := ripgrep time python3
FUZZ_SECONDS ?= 600

## Fuzz ingestion, quotations, templates, manifests and JSONL (libFuzzer + ASan), FUZZ_SECONDS each.
fuzz: deps
	cd Fuzz && $(SWIFT) build -c debug --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer --scratch-path ../.build-fuzz
	scripts/fuzz.sh $(FUZZ_SECONDS)

## Build release and measure (writes BENCHMARKS.md; BENCH_SIZES, BENCH_RUNS to choose).
bench: deps release
	@scripts/ensure-packages.sh $(BENCH_PACKAGES)
	python3 scripts/bench.py

## Install missing system packages, build release, write the briefing of seeds/ into out/.
run: deps release
	.build/release/briefing run --corpus $(CORPUS) --template $(TEMPLATE) --out $(OUT)
	@echo "briefing written to $(OUT)/"

## Install missing system packages (and test tools), build, run the whole test suite.
test: deps test-deps
	$(SWIFT) build --build-tests
	BRIEFING_BIN=$(CURDIR)/.build/debug/briefing $(SWIFT) test --skip-build

deps:
	@scripts/ensure-packages.sh $(SYSTEM_PACKAGES)

test-deps:
	@scripts/ensure-packages.sh $(TEST_PACKAGES)

build: deps
	$(SWIFT) build

## The Swift runtime linked in: a warm run starts 7 ms sooner (no symbol binding of libswiftCore and
## Foundation at launch) and the binary runs where Swift is not installed (cairo, pango, sqlite are).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib

clean:
	rm -rf .build
