# The commands of the README. Each target sets itself up: on a fresh machine
# with Python 3.11 and pip, `make run` and `make test` are all it takes.

PYTHON ?= python3
DAGSTER_HOME ?= $(CURDIR)/.dagster_home
BENCH_DOCS ?= 200
DOCS_PORT ?= 8080

# uv from PATH, else the one pip installs as a module of $(PYTHON)
UV := $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := $(PYTHON) -m uv
endif

.PHONY: help uv sync prepare run test samples samples-producers dagster bench lint lint-python \
	lint-sql typecheck check-defs docs report clean

help:
	@echo "make run       build the warehouse from raw/ (warehouse/fiscal.duckdb)"
	@echo "make test      run the test suite"
	@echo "make samples   regenerate every sample PDF (needs a CJK font, LibreOffice and Chromium)"
	@echo "make samples-producers  only the Writer/Calc/Chromium samples in tests/fixtures/producers/"
	@echo "make dagster   the Dagster UI and daemon on http://127.0.0.1:3000"
	@echo "make bench     time a full ingest of $(BENCH_DOCS) documents"
	@echo "make lint      ruff check, ruff format --check, sqlfluff lint on the dbt models and tests"
	@echo "               (macros as they render in them), and mypy: what CI runs before the tests"
	@echo "make typecheck mypy on pipelines/ alone (modules not yet clean: pyproject.toml)"
	@echo "make docs      build the dbt docs site of the warehouse and serve it on http://127.0.0.1:$(DOCS_PORT)"
	@echo "make report    the static report, warehouse/report/index.html"

uv:
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv \
		|| $(PYTHON) -m pip install --quiet --user uv

# installing compiles Python bytecode and dbt's parse once, so no run pays for them
sync: uv
	$(UV) sync --frozen --compile-bytecode

prepare: sync
	$(UV) run --frozen fiscal prepare

run: prepare
	$(UV) run --frozen fiscal run

test: prepare
	$(UV) run --frozen pytest

samples: sync
	$(UV) run --frozen python -m tools.samples --out raw --variants tests/fixtures/variants \
		--producers tests/fixtures/producers

samples-producers: sync
	$(UV) run --frozen python -m tools.samples --producers tests/fixtures/producers --producers-only

dagster: prepare
	mkdir -p "$(DAGSTER_HOME)"
	cp -n pipelines/orchestration/dagster.yaml "$(DAGSTER_HOME)/dagster.yaml" || true
	DAGSTER_HOME="$(DAGSTER_HOME)" $(UV) run --frozen dagster dev -m pipelines.orchestration.definitions

check-defs: prepare
	mkdir -p "$(DAGSTER_HOME)"
	DAGSTER_HOME="$(DAGSTER_HOME)" $(UV) run --frozen dagster definitions validate -m pipelines.orchestration.definitions

bench: prepare
	$(UV) run --frozen python benchmarks/ingest_benchmark.py --documents $(BENCH_DOCS)

# `uv run --frozen` installs what lint needs from uv.lock by itself (no bytecode
# compile: `make sync` pays 15 s for that). sqlfluff renders the models with dbt
# (dbt_project/.sqlfluff), offline; it opens a DuckDB connection, so it is given
# an in-memory one instead of the warehouse.
lint: lint-python lint-sql typecheck

PYTHON_PATHS := pipelines tests benchmarks $(wildcard tools)

lint-python: uv
	$(UV) run --frozen ruff check $(PYTHON_PATHS)
	$(UV) run --frozen ruff format --check $(PYTHON_PATHS)

lint-sql: uv
	cd dbt_project && FISCAL_WAREHOUSE=:memory: $(UV) run --frozen sqlfluff lint models tests

typecheck: uv
	$(UV) run --frozen mypy

# dbt's docs site (models, columns, tests, lineage) generated on a copy of the
# published warehouse, served by Python's HTTP server
docs: run
	$(UV) run --frozen python -m pipelines.analysis.dbt_docs --port $(DOCS_PORT)

report: run
	$(UV) run --frozen fiscal report

clean:
	rm -rf warehouse/*.duckdb warehouse/*.state warehouse/.*.build-* warehouse/export
