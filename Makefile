# Set-up is two commands: `make site` and `make test`. Both create .venv and install Wijkkit when needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# setuptools cautions about editable installs in general (a folder named like the package); nothing to act on here
PIP_QUIET := PYTHONWARNINGS=ignore::UserWarning
BENCH_STAMP := $(VENV)/.installed-bench
VNU_JAR := tests/kits/vnu/node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: site test test-slow serve bench bench-quick bench-site schema check clean distclean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Wijkkit needs Python 3.11 or newer; set PYTHON=python3.x")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(PIP_QUIET) $(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

site: $(STAMP) ## validate the content and build site and kits into site/
	$(BIN)/wijkkit build

# the newest Nu HTML Checker for the kit HTML tests, pinned in tests/kits/vnu/package-lock.json
$(VNU_JAR): tests/kits/vnu/package.json tests/kits/vnu/package-lock.json
	npm ci --prefix tests/kits/vnu --no-audit --no-fund --silent
	@touch $(VNU_JAR)

test: $(STAMP) ## lint the Python, then every test that guards behaviour (a few minutes; browser and PDF checks: make test-slow)
	$(BIN)/python -m ruff check generator tests bench
	$(BIN)/python -m ruff format --check --quiet generator tests bench || { echo "make test: run  .venv/bin/ruff format generator tests bench  and commit the result"; exit 1; }
	$(BIN)/python -m pytest -m "not slow and not browser"

test-slow: $(STAMP) $(VNU_JAR) ## the slow checks: real browsers (axe, layout), the Nu HTML Checker, full builds with kits, benchmarks
	$(BIN)/python -m pytest -m "slow or browser"

serve: $(STAMP) ## preview on http://127.0.0.1:8000, rebuilt on every change
	$(BIN)/wijkkit serve

check: $(STAMP) ## only validate the content
	$(BIN)/wijkkit check

schema: $(STAMP) ## regenerate the JSON Schemas in schema/
	$(BIN)/wijkkit schema --out schema

$(BENCH_STAMP): pyproject.toml $(STAMP)
	$(PIP_QUIET) $(BIN)/python -m pip install --quiet -e '.[test,bench]'
	@touch $(BENCH_STAMP)

bench: $(BENCH_STAMP) ## benchmarks at 100, 1,000 and 5,000 examples (30 to 40 minutes); writes bench/results.md
	$(BIN)/python -m bench

bench-quick: $(STAMP) ## the same at 100 examples, one run each (under a minute); writes bench/work/quick/
	$(BIN)/python -m bench --quick

bench-site: $(STAMP) ## Lighthouse on every page type, served with gzip (npm and chromium); writes bench/results-site.md
	npm ci --ignore-scripts --no-audit --no-fund
	$(BIN)/python -m bench.site

clean: ## remove generated files (keeps .venv)
	rm -rf site build .pytest_cache

distclean: clean
	rm -rf $(VENV)
