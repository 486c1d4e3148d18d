# Set-up is two commands: `make site` and `make test`. Both create .venv and install Wijkkit when needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site test serve bench bench-quick schema check clean distclean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Wijkkit needs Python 3.11 or newer; set PYTHON=python3.x")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

site: $(STAMP) ## validate the content and build site and kits into site/
	$(BIN)/wijkkit build

test: $(STAMP) ## the whole test suite
	$(BIN)/python -m pytest

serve: $(STAMP) ## preview on http://127.0.0.1:8000, rebuilt on every change
	$(BIN)/wijkkit serve

check: $(STAMP) ## only validate the content
	$(BIN)/wijkkit check

schema: $(STAMP) ## regenerate the JSON Schemas in schema/
	$(BIN)/wijkkit schema --out schema

bench: $(STAMP) ## benchmarks; writes bench/results.md
	$(BIN)/python -m bench

bench-quick: $(STAMP)
	$(BIN)/python -m bench --quick

clean: ## remove generated files (keeps .venv)
	rm -rf site build .pytest_cache

distclean: clean
	rm -rf $(VENV)
