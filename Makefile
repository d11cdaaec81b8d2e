# qlift: the two commands a user needs are `make verify` and `make test`.
SWIFT ?= swift
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
QLIFT_RELEASE = .build/release/qlift

.PHONY: build release test verify bench clean

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release --product qlift

test:
	$(SWIFT) test

verify: release
	$(QLIFT_RELEASE) verify specs/ --out reports/ --jobs $(JOBS)

bench: release
	$(SWIFT) build -c release --product qlift-bench
	.build/release/qlift-bench

clean:
	rm -rf .build reports/*.html reports/claims reports/results reports/junit.xml
