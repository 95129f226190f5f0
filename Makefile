# Two commands (see README): `make build` and `make test`. Both set up .venv on first use.
VENV   := .venv
PY     := $(VENV)/bin/python
DBT    := $(VENV)/bin/dbt --no-send-anonymous-usage-stats
STAMP  := $(VENV)/.installed-stamp
SHELL  := /bin/bash
# sqlfluff skips a model its dbt templater cannot compile with a warning and exit 0: a skipped
# model is not linted, so `lint` fails on one
LINT   := set -o pipefail; $(VENV)/bin/sqlfluff lint --processes 2 models tests/audit 2>&1 | tee target/sqlfluff.log && \
          ! grep -q "Skipped file" target/sqlfluff.log

.PHONY: setup spark-setup build test test-spark ingest lint quality clean lock bench bench-spark

PYTHON ?= python3

# the versions in requirements.lock, then the project itself; a Python the project does not
# support stops here, before a .venv is made
$(STAMP): pyproject.toml setup.py ingest/pdf/_pdfium_bulk.c requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 13) else \
	  f"make: Python 3.11 to 3.13 needed, {sys.executable} is {sys.version.split()[0]} (make PYTHON=python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e ".[test]"
	touch $(STAMP)

## after changing the dependency ranges in pyproject.toml: install them and pin what was installed
lock: setup
	$(PY) -m pip install --quiet -e ".[test]"
	{ sed -n '1,3p' requirements.lock; $(PY) -m pip freeze --exclude-editable; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

setup: $(STAMP)

## ingest the bundled sample, build the warehouse (swapped in only if every gate passes), summarise,
## and write the HTML report (warehouse/fiscal-report/index.html)
build: setup
	$(PY) -m ingest run
	$(PY) -m ingest report

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

## Java 17 from Debian where no java is found, and PySpark and dbt-spark (requirements-spark.lock)
spark-setup: setup
	@command -v java > /dev/null || { sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless > /dev/null; }
	$(PY) -m pip install --quiet -r requirements-spark.lock

## the dbt project on Apache Spark against DuckDB (tests/spark; README "Running on Spark")
test-spark: spark-setup
	$(PY) -m pytest -n 0 tests/spark

## the Great Expectations checkpoint on the warehouse of `make build`
quality: setup
	$(PY) -m quality.checkpoint

## the benchmarks, one run: the PDF reader, then ingest and builds at 100 / 1,000 / 10,000
## documents (about 20 minutes on 2 cores); writes bench/results.md
bench: setup
	$(PY) bench/results.py

## DuckDB against Spark: dbt build of 100 / 1,000 / 10,000 synthetic documents on each engine
## (about 25 minutes on 2 cores); writes bench/engines.md
bench-spark: spark-setup
	$(PY) bench/engines.py --output bench/engines.md

clean:
	rm -rf target seeds/landing warehouse/*.duckdb* warehouse/*-marts warehouse/*-report logs $(VENV)
