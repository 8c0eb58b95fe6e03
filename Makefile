# Bulkhead: `make demo` runs the product on its bundled campaign, `make test` runs the tests.

SYSTEM_PACKAGES := libsqlite3-dev libncurses-dev libpng-dev curl tmux libsixel-bin
SWIFT ?= swift

.PHONY: deps build demo test lint serve bench

# Installs the system packages the build needs (with apt-get when it can), or says how.
deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) >/dev/null \
	      || { echo "apt-get failed; run: apt-get install$$missing"; exit 1; }; \
	  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then \
	    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing system packages; run: sudo apt-get install$$missing"; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

# The server on the bundled demo campaign, a scripted GM session and the player display (q ends it).
demo: build
	$(SWIFT) run bulkhead demo

# Just the server on the bundled demo campaign (http://127.0.0.1:8000/).
serve: build
	$(SWIFT) run bulkhead serve

# The benchmarks on a release build (a table; see README "Benchmarks").
bench: deps
	$(SWIFT) build -c release
	.build/release/bulkhead bench

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests

# Tests run one at a time: the parser's byte-by-byte cases are CPU-heavy in a debug build and,
# run beside them, would starve the in-process servers of the network tests on 2 cores.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --no-parallel
	$(MAKE) lint
