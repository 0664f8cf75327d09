# Two commands do all the set-up on a fresh machine:
#   make demo   - create .venv, install cleaner, clean the bundled example pages
#   make test   - create .venv, install cleaner with test extras, run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint fixtures readme bench clean-venv

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/cleaner --explain examples/pages/rferl-seed.txt
	$(BIN)/cleaner --explain examples/pages/wordpress-article.html

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check cleaner tests examples benchmarks
	$(BIN)/mypy

fixtures: $(STAMP)
	$(BIN)/python -m pytest -q tests/test_pages.py --update-fixtures
	git diff --stat fixtures/pages

readme: $(STAMP)
	$(BIN)/python -m cleaner.docs README.md

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/run.py --jobs 2 --markdown BENCHMARKS.md --check-targets

clean-venv:
	rm -rf $(VENV)
