# Evident — the two commands a newcomer needs:
#   make run    set up everything and serve the platform with demo data on SQLite
#   make test   set up everything and run the whole test suite (browser tests included)

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
DEV_ENV := DEBUG=true EVIDENT_DEMO=true

.DEFAULT_GOAL := help
.PHONY: help run test test-fast lint format typecheck assets setup clean

help:
	@echo "make run    serve Evident with demo data at http://127.0.0.1:$(PORT)"
	@echo "make test   run every test (unit, integration, browser)"
	@echo "make lint   ruff check, ruff format --check and mypy"

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Evident needs Python 3.11 or newer (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall whenever the dependencies change; requirements.lock pins every version.
$(VENV)/.installed: $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	@touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# The independent verifier the test suite checks our credentials with (interop/verify.mjs).
interop/node_modules/.package-lock.json: interop/package.json interop/package-lock.json
	cd interop && npm ci --no-audit --no-fund --loglevel=error

# Front-end assets come from the npm registry at set-up and are bundled by esbuild.
evident/static/dist/main.js: node_modules/.package-lock.json $(wildcard assets/*)
	npm run --silent build

assets: evident/static/dist/main.js

setup: $(VENV)/.installed assets interop/node_modules/.package-lock.json

run: setup
	@$(DEV_ENV) $(BIN)/python manage.py migrate --no-input -v 0
	@$(DEV_ENV) $(BIN)/python manage.py load_demo
	@$(DEV_ENV) PORT=$(PORT) scripts/run-dev

test: setup
	@scripts/ensure-chromium
	$(BIN)/pytest

test-fast: setup
	$(BIN)/pytest -m "not browser"

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	SECRET_KEY=type-checking-only ALLOWED_HOSTS=localhost $(BIN)/mypy

format: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) node_modules evident/static/dist
