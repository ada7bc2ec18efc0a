# The two commands a new user types: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE ?= examples/iran-drones-wire-story.txt

.PHONY: install demo test lint bench clean

$(BIN)/wirewatch: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

install: $(BIN)/wirewatch

demo: install
	$(BIN)/wirewatch extract $(EXAMPLE)

test: install
	$(BIN)/ruff check src tests bench eval
	$(BIN)/pytest -q

lint: install
	$(BIN)/ruff check src tests bench eval
	$(BIN)/ruff format --check src tests bench eval

bench: install
	$(BIN)/python bench/extract_throughput.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache
