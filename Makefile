# Two commands (see README): `make build` and `make test`. Both set up .venv on first use.
VENV   := .venv
PY     := $(VENV)/bin/python
DBT    := $(VENV)/bin/dbt --no-send-anonymous-usage-stats
STAMP  := $(VENV)/.installed-stamp
TEST_WAREHOUSE := target/test/fiscal.duckdb

.PHONY: setup build test ingest lint clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)

## ingest the bundled sample, build the warehouse (swapped in only if every gate passes), summarise
build: setup
	$(PY) -m ingest run

ingest: setup
	$(PY) -m ingest ingest

lint: ingest
	$(VENV)/bin/sqlfluff lint models tests/audit

## every test: pytest (parsers, landing, warehouse values, the gate), dbt parse --warn-error,
## sqlfluff, then dbt build with all its tests into a scratch warehouse
test: ingest
	$(PY) -m pytest
	$(DBT) parse --warn-error --project-dir . --profiles-dir .
	$(VENV)/bin/sqlfluff lint models tests/audit
	$(PY) -m ingest --warehouse $(TEST_WAREHOUSE) build

clean:
	rm -rf target seeds/landing warehouse/*.duckdb* logs
