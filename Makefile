# Two commands: `make demo` sets everything up and serves the demo on http://127.0.0.1:8000;
# `make test` sets up what the tests need and runs the whole suite on SQLite and PostgreSQL.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export STYRINGSHJUL_VAR_DIR ?= $(CURDIR)/var
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/styringshjul
# The suite runs in two processes (pytest-xdist): the machines have two cores.
TEST_WORKERS ?= 2
CHROMIUM := /usr/lib/chromium/chromium

.PHONY: demo setup translations gettext chromium test test-sqlite test-postgres lint bench clean messages

demo: setup
	mkdir -p var
	$(BIN)/styringshjul migrate --noinput -v 0
	STYRINGSHJUL_DEMO=1 $(BIN)/styringshjul demo
	@echo
	@echo "Styringshjul kjører på http://127.0.0.1:8000  (Ctrl+C stopper)"
	STYRINGSHJUL_DEMO=1 $(BIN)/styringshjul runserver 127.0.0.1:8000

setup: $(STAMP) node_modules/.installed translations

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

translations: $(STAMP) gettext
	$(BIN)/styringshjul compilemessages --ignore '.venv' --ignore 'node_modules' -v 0

gettext:
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext >/dev/null)

chromium:
	@test -x $(CHROMIUM) || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)
	@dpkg -s libharfbuzz-subset0 >/dev/null 2>&1 || apt-get install -y -qq libharfbuzz-subset0 >/dev/null || true

lint: $(STAMP)
	$(BIN)/ruff check styringshjul tests benchmarks
	$(BIN)/lint-imports --no-cache

test: setup chromium lint test-sqlite test-postgres

test-sqlite:
	@echo "== Test suite on SQLite"
	env -u DATABASE_URL $(BIN)/pytest -q -n $(TEST_WORKERS)

test-postgres:
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(POSTGRES_URL)'.rsplit('/',1)[0]+'/postgres', connect_timeout=3).close()" 2>/dev/null; then \
		echo "== Test suite on PostgreSQL ($(POSTGRES_URL))"; \
		DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest -q -n $(TEST_WORKERS); \
	else \
		echo "== PostgreSQL svarer ikke på $(POSTGRES_URL): testene ble bare kjørt på SQLite."; \
	fi

# The database-bound benchmarks run again on PostgreSQL (a database of their own) when it answers.
BENCH_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/styringshjul_bench
PG_BENCHMARKS := variance budget_balance budget_compare keyfigures

bench: setup
	$(BIN)/python -m benchmarks
	@if $(BIN)/python -m benchmarks.postgres_database '$(BENCH_POSTGRES_URL)'; then \
		DATABASE_URL=$(BENCH_POSTGRES_URL) $(BIN)/python -m benchmarks $(PG_BENCHMARKS); \
	else \
		echo "== PostgreSQL svarer ikke: benchmarkene ble bare kjørt på SQLite."; \
	fi

messages: $(STAMP)
	$(BIN)/styringshjul makemessages -l nb -l da -l en --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'tests/*'

clean:
	rm -rf $(VENV) node_modules var
