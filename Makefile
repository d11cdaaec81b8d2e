# qlift: the two commands a user needs are `make verify` and `make test`.
SWIFT ?= swift
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
QLIFT_RELEASE = .build/release/qlift
# Release binaries link the Swift runtime and Foundation statically: a self-contained binary
# that starts about 3 ms faster (docs/BENCHMARKS.md, B2 whole process).
RELEASE_FLAGS = -c release --static-swift-stdlib

.PHONY: build release test verify bench clean

build:
	$(SWIFT) build

release:
	$(SWIFT) build $(RELEASE_FLAGS) --product qlift

test:
	$(SWIFT) test

verify: release
	$(QLIFT_RELEASE) verify specs/ --out reports/ --jobs $(JOBS)

bench: release
	$(SWIFT) build $(RELEASE_FLAGS) --product qlift-bench
	.build/release/qlift-bench

clean:
	rm -rf .build reports/*.html reports/claims reports/results reports/junit.xml

# Bounded-time fuzzing of the spec loader and the OpenQASM importer (plus a deep-nesting QASM mutator) over Tests/ClaimRunnerTests/Fuzz/corpus/
# (a seeded mutation fuzzer, Tests/ClaimRunnerTests/ReliabilityFuzzTests.swift; see Tests/ClaimRunnerTests/Fuzz/README.md).
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz:
	QLIFT_FUZZ_SECONDS=$(FUZZ_SECONDS) $(SWIFT) test --filter ReliabilityFuzzTests
