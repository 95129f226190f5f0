# Two commands (see README): `make build` and `make test`. Both set up .venv on first use.
VENV   := .venv
PY     := $(VENV)/bin/python
DBT    := $(VENV)/bin/dbt --no-send-anonymous-usage-stats
STAMP  := $(VENV)/.installed-stamp
SHELL  := /bin/bash
# sqlfluff skips a model its dbt templater cannot compile with a warning and exit 0: a skipped
# model is not linted, so `lint` fails on one
LINT   := set -o pipefail; $(VENV)/bin/sqlfluff lint --processes 2 models tests/audit 2>&1 | tee target/sqlfluff.log; \
          ! grep -q "Skipped file" target/sqlfluff.log

.PHONY: setup build test ingest lint quality clean

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
	@mkdir -p target
	$(LINT)

## every test: pytest (parsers, landing, warehouse values, the gate; it builds the bundled sample
## as `fiscal build` does, with every dbt test, and runs the Great Expectations checkpoint on it),
## dbt parse --warn-error, sqlfluff
test: ingest
	$(PY) -m pytest
	$(DBT) parse --warn-error --project-dir . --profiles-dir .
	$(LINT)

## the Great Expectations checkpoint on the warehouse of `make build`
quality: setup
	$(PY) -m quality.checkpoint

clean:
	rm -rf target seeds/landing warehouse/*.duckdb* warehouse/*-marts logs
