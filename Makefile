# qlift: the two commands a user needs are `make verify` and `make test`.
SWIFT ?= swift
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
QLIFT_RELEASE = .build/release/qlift
# Release binaries link the Swift runtime and Foundation statically: a self-contained binary
# that starts about 3 ms faster (docs/BENCHMARKS.md, B2 whole process).
RELEASE_FLAGS = -c release --static-swift-stdlib
# Release builds target the build machine's vector unit: AVX-512 (Package.swift's QLIFT_TARGET_CPU =
# skylake-avx512) when /proc/cpuinfo lists AVX-512 F, CD, BW, DQ and VL (Intel since Skylake-SP,
# AMD since Zen 4), else Haswell (AVX2, FMA). Results are bit-identical either way; a binary
# built here runs on CPUs like this one, so `make dist` and the Dockerfile build for Haswell.
AVX512 := $(shell f=$$(cat /proc/cpuinfo 2>/dev/null); for x in avx512f avx512cd avx512bw avx512dq avx512vl; do \
  echo "$$f" | grep -qw $$x || exit 0; done; echo yes)
QLIFT_TARGET_CPU ?= $(if $(AVX512),skylake-avx512,haswell)
export QLIFT_TARGET_CPU

.PHONY: build release test verify bench clean screenshots format format-check dist

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
	rm -rf .build $(DIST_BUILD) reports/*.html reports/claims reports/results reports/junit.xml reports/screenshots

# Bounded-time fuzzing of the spec loader and the OpenQASM importer (plus a deep-nesting QASM mutator) over Tests/ClaimRunnerTests/Fuzz/corpus/
# (a seeded mutation fuzzer, Tests/ClaimRunnerTests/ReliabilityFuzzTests.swift; see Tests/ClaimRunnerTests/Fuzz/README.md).
FUZZ_SECONDS ?= 60
.PHONY: fuzz
fuzz:
	QLIFT_FUZZ_SECONDS=$(FUZZ_SECONDS) $(SWIFT) test --filter ReliabilityFuzzTests

# Full-page PNGs of the report at a desktop and a phone width, to check every report change by eye
# (docs/REPORT.md, Screenshots). Needs a rendered report, Debian's chromium and ImageMagick:
#   apt-get install -y chromium imagemagick
# The window is made tall, then cut to the content (the first row from the bottom that is not white).
CHROMIUM ?= chromium
SCREENSHOT_WIDTHS ?= 1400 390
SCREENSHOT_HEIGHT ?= 16000
SCREENSHOT_PAGES = reports/index.html $(wildcard reports/claims/*.html)
.PHONY: screenshots
screenshots:
	@command -v $(CHROMIUM) >/dev/null || { echo "screenshots: needs chromium (apt-get install -y chromium)"; exit 1; }
	@convert -version >/dev/null 2>&1 || { echo "screenshots: needs ImageMagick (apt-get install -y imagemagick)"; exit 1; }
	@test -f reports/index.html || { echo "screenshots: no reports/index.html; run make verify (or qlift report reports/) first"; exit 1; }
	@mkdir -p reports/screenshots
	@for page in $(SCREENSHOT_PAGES); do \
	  name=$$(basename $$page .html); case $$page in */claims/*) name=claim-$$name;; esac; \
	  for w in $(SCREENSHOT_WIDTHS); do \
	    out=reports/screenshots/$$name-$$w.png; \
	    $(CHROMIUM) --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
	      --window-size=$$w,$(SCREENSHOT_HEIGHT) --screenshot=$$out "file://$(CURDIR)/$$page" >/dev/null 2>&1 \
	      || { echo "screenshots: chromium failed on $$page"; exit 1; }; \
	    h=$$(convert $$out -trim -format '%[fx:page.y+h+24]' info:); \
	    convert $$out -crop $${w}x$$h+0+0 +repage $$out || exit 1; \
	    if [ $$h -gt $(SCREENSHOT_HEIGHT) ]; then echo "  $$out: page taller than $(SCREENSHOT_HEIGHT) px, cut"; \
	    else echo "  $$out ($${w}x$$h)"; fi; \
	  done; \
	done
	@# At the phone width no page may scroll sideways: each page is loaded in a 390 px iframe and its
	@# scrollWidth compared with its clientWidth (a throwaway page with a script; the report has none).
	@{ printf '<!DOCTYPE html><html><body><pre id="out"></pre><script>const pages=['; \
	  for page in $(SCREENSHOT_PAGES); do printf '"file://%s/%s",' "$(CURDIR)" "$$page"; done; \
	  printf '];let n=0,out=[];for(const p of pages){const f=document.createElement("iframe");f.style.width="390px";'; \
	  printf 'f.style.height="600px";f.onload=()=>{const e=f.contentDocument.documentElement;if(e.scrollWidth>e.clientWidth)'; \
	  printf 'out.push(p.split("/").slice(-2).join("/")+" is "+e.scrollWidth+" px wide");if(++n==pages.length)'; \
	  printf 'document.getElementById("out").textContent=out.join("; ")||"none";};f.src=p;document.body.appendChild(f);}'; \
	  printf '</script></body></html>\n'; } > reports/screenshots/.phone-width-check.html
	@res=$$($(CHROMIUM) --headless --no-sandbox --disable-gpu --allow-file-access-from-files --virtual-time-budget=20000 \
	  --dump-dom "file://$(CURDIR)/reports/screenshots/.phone-width-check.html" 2>/dev/null \
	  | sed -n 's/.*<pre id="out">\([^<]*\)<\/pre>.*/\1/p'); rm -f reports/screenshots/.phone-width-check.html; \
	if [ "$$res" = "none" ]; then echo "  390 px: no page scrolls sideways"; \
	else echo "screenshots: pages scroll sideways at 390 px: $${res:-check did not run}"; exit 1; fi

# Formatting: the toolchain's swift-format with the project's .swift-format (2-space indent,
# 130 columns, the house style's one-line initialisers and grouped declarations kept).
FORMAT_PATHS = Package.swift Sources Tests bench
format:
	$(SWIFT) format --in-place --recursive --parallel $(FORMAT_PATHS)

format-check:
	$(SWIFT) format lint --strict --recursive --parallel $(FORMAT_PATHS)

# A versioned, self-contained tarball for CI runners that should not build qlift: the release
# binary (Swift runtime and Foundation linked in; needs only the system's libxml2 and libcrypto at run time),
# README and docs, with a SHA-256 checksum beside it (docs/SCALE.md).
VERSION = $(shell sed -n 's/.*qliftVersion = "\(.*\)".*/\1/p' Sources/ClaimRunner/Plan/RunEnvironment.swift)
ARCH = $(shell uname -m)
DIST = qlift-$(VERSION)-linux-$(ARCH)
# Built for Haswell in its own folder, whatever this machine has, so the tarball runs on any
# x86-64 CPU since 2015 and `make release`'s build is left as it is.
DIST_BUILD = .build-portable
dist:
	QLIFT_TARGET_CPU=haswell $(SWIFT) build $(RELEASE_FLAGS) --product qlift --scratch-path $(DIST_BUILD)
	rm -rf .build/dist && mkdir -p .build/dist/$(DIST)/bin
	cp $(DIST_BUILD)/release/qlift .build/dist/$(DIST)/bin/qlift
	strip .build/dist/$(DIST)/bin/qlift 2>/dev/null || true
	cp -r README.md docs .build/dist/$(DIST)/
	tar -C .build/dist --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00Z' --sort=name \
	  -czf .build/dist/$(DIST).tar.gz $(DIST)
	cd .build/dist && sha256sum $(DIST).tar.gz > $(DIST).tar.gz.sha256
	@echo ".build/dist/$(DIST).tar.gz ($$(du -h .build/dist/$(DIST).tar.gz | cut -f1)); checksum in .build/dist/$(DIST).tar.gz.sha256"
