# Chronoscope. `make run` opens the app on the bundled corpus; `make test`
# runs every test with no display needed. Both install the Debian packages
# Fyne's build needs when they are missing (scripts/install-deps.sh).

export LANG ?= en_US.UTF-8
GO ?= go
BIN := chronoscope

.PHONY: run test deps build lint unit integration bench bench-quick gobench package package-linux package-windows icon

run: deps
	$(GO) run .

test: deps lint unit integration

deps:
	@scripts/install-deps.sh

build: deps
	$(GO) build -o $(BIN) .

lint:
	@test -z "$$(gofmt -l .)" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet -tags ci ./...
	@for f in scripts/*.sh; do bash -n "$$f" || exit 1; done
	@scripts/bench.sh --selftest

# Widget and data tests; -tags ci gives Fyne's headless software driver.
# The second run needs the desktop driver's storage (corpuspath_test.go).
unit:
	$(GO) test -tags ci -count=1 ./...
	$(GO) test -count=1 -run '^TestStorageCorpusPath' .

# The real binary, built with cgo/GL as users get it, driven from the shell.
integration: build
	scripts/integration.sh ./$(BIN)
	scripts/race.sh ./$(BIN) 10

# Every figure of docs/PERFORMANCE.md against its target, at 1k, 10k and
# 100k events (minutes; not part of test). bench-quick is a smoke run.
bench: deps
	scripts/bench.sh

bench-quick: deps
	scripts/bench.sh --quick

# Only the Go benchmarks, each a few times.
gobench:
	$(GO) test -tags ci -run '^$$' -bench . -benchtime 10x ./...

# The installers, with fyne package (fyne.io/tools v1.7.4, pinned in
# scripts/package.sh), into dist/: Chronoscope-VERSION-linux-amd64.tar.xz
# and Chronoscope-VERSION-windows-amd64.exe (cross-compiled with MinGW-w64),
# then scripts/check-packages.sh checks them. See docs/PACKAGING.md.
package: deps
	scripts/package.sh linux windows
	scripts/check-packages.sh linux windows

package-linux: deps
	scripts/package.sh linux
	scripts/check-packages.sh linux

package-windows: deps
	scripts/package.sh windows
	scripts/check-packages.sh windows

# assets/icon.png from assets/icon.svg; the 32 and 16 px views to look at
# go to /tmp/chronoscope-icon.
icon:
	scripts/icon.sh --preview
