# tflint-ruleset-lgcloud — every target works on a machine that has only Go.

TFLINT_VERSION := 0.64.0
BIN            := $(CURDIR)/.bin
TFLINT         := $(BIN)/tflint
PLUGIN         := dist/tflint-ruleset-lgcloud
PLUGIN_DIR     ?= $(HOME)/.tflint.d/plugins

.PHONY: all demo test unit integration build install tflint generate fmt vet clean bench

all: build

## demo: install the pinned TFLint and the plugin, then lint examples/
demo: tflint install
	@echo "== examples/noncompliant: findings expected (shown, not failing) =="
	$(TFLINT) --chdir=examples/noncompliant --force
	@echo
	@echo "== examples/compliant: no findings expected =="
	$(TFLINT) --chdir=examples/compliant

## test: vet, unit tests, stale-docs test and real-TFLint integration tests
test: tflint vet
	TFLINT=$(TFLINT) go test -count=1 ./...

unit:
	go test $$(go list ./... | grep -v /integration)

integration: tflint
	TFLINT=$(TFLINT) go test -count=1 ./integration/...

build:
	go build -o $(PLUGIN) .

## bench: time TFLint with and without the plugin at 1× and 10× size (docs/performance.md)
bench: tflint
	go test -run '^$$' -bench . -benchmem ./rules/segment ./rules/policy
	go run ./tools/bench -tflint $(TFLINT)

## install: build and copy the plugin where TFLint looks for it
install: build
	mkdir -p $(PLUGIN_DIR)
	cp $(PLUGIN) $(PLUGIN_DIR)/tflint-ruleset-lgcloud

## tflint: install TFLint $(TFLINT_VERSION) into .bin/ unless it is there
tflint:
	@if ! $(TFLINT) --version 2>/dev/null | grep -q "TFLint version $(TFLINT_VERSION)"; then \
		echo "installing TFLint v$(TFLINT_VERSION) into $(BIN)"; \
		GOBIN=$(BIN) go install github.com/terraform-linters/tflint@v$(TFLINT_VERSION); \
	fi

## generate: regenerate docs/rules/README.md and docs/guideline.md
generate:
	go generate ./...

vet:
	go vet ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf dist .bin
