# Routine commands. `make run` and `make test` are all a fresh machine needs.
VENV ?= .venv
PY := $(VENV)/bin/python
DATELINE := $(VENV)/bin/dateline
PORT ?= 8501

.PHONY: run ingest dashboard test test-fast lint format bench browser clean

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

## The main job: build the event store from data/articles, then serve the dashboard on 127.0.0.1:$(PORT).
run: $(VENV)/.installed
	$(DATELINE) ingest data/articles
	$(DATELINE) dashboard --port $(PORT)

ingest: $(VENV)/.installed
	$(DATELINE) ingest data/articles

dashboard: $(VENV)/.installed
	$(DATELINE) dashboard --port $(PORT)

## Debian's Chromium for the browser tests (never `playwright install`).
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then (apt-get install -y -q chromium || (apt-get update -q && apt-get install -y -q chromium)); \
	  else sudo apt-get install -y -q chromium; fi; }

## The whole suite: unit, golden specs, integration, dashboard (AppTest) and browser end to end.
test: $(VENV)/.installed browser
	$(PY) -m pytest -q

## Everything but the browser tests.
test-fast: $(VENV)/.installed
	$(PY) -m pytest -q -m "not e2e"

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check pipeline dashboard tests bench
	$(VENV)/bin/ruff format --check pipeline dashboard tests bench

format: $(VENV)/.installed
	$(VENV)/bin/ruff format pipeline dashboard tests bench
	$(VENV)/bin/ruff check --fix pipeline dashboard tests bench

bench: $(VENV)/.installed
	$(PY) -m bench

clean:
	rm -rf data/store tests/output bench/results .pytest_cache
