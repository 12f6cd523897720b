# TIPDesk developer commands. `make run` and `make test` are the two that matter.
# Python 3.11 or newer: python3.11 when present, else python3.
PYTHON ?= $(shell command -v python3.11 >/dev/null 2>&1 && echo python3.11 || echo python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: translations lupdate translations-check run test test-fast lint types layers unit unit-fast bench clean venv sysdeps screenshots package package-check

run: $(STAMP) translations
	$(BIN)/tipdesk

venv: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { echo "TIPDesk needs Python 3.11 or newer ($(PYTHON) is not); set PYTHON=..."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	$(BIN)/python -m tipdesk.ui.devtools.i18n release
	touch $(STAMP)

# The interface's translations (docs/translation.md). `make lupdate` extracts every visible
# string into resources/translations/*.ts (kept in the repo; run it after merging screens);
# `make translations` compiles the .qm files the app loads (not in the repo); the tests
# compile them too when missing or older than their .ts.
lupdate: $(STAMP)
	$(BIN)/python -m tipdesk.ui.devtools.i18n extract

translations: $(STAMP)
	$(BIN)/python -m tipdesk.ui.devtools.i18n release

translations-check: $(STAMP)
	$(BIN)/python -m tipdesk.ui.devtools.i18n check

lint: $(STAMP)
	$(BIN)/ruff check tipdesk tests bench
	$(BIN)/ruff format --check tipdesk tests bench

types: $(STAMP)
	$(BIN)/mypy

layers: $(STAMP)
	$(BIN)/lint-imports

# Command-line tools some tests use to check interoperability and rendering: the reference
# `age` tool (decrypts a bundle), poppler's pdftoppm (renders report pages) and LibreOffice Calc
# (opens an exported workbook headless). Installed with apt where we can (root on Debian/Ubuntu);
# elsewhere those checks say they were skipped.
SYSTOOLS := age:age pdftoppm:poppler-utils libreoffice:libreoffice-calc-nogui

sysdeps:
	@missing=""; for pair in $(SYSTOOLS); do tool=$${pair%%:*}; pkg=$${pair##*:}; \
	  command -v $$tool >/dev/null 2>&1 || missing="$$missing $$pkg"; done; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing >/dev/null 2>&1; } || \
	    echo "warning: could not install$$missing; the checks that need them are skipped"; \
	  else echo "note: not installing$$missing (needs root and apt); the checks that need them are skipped"; fi; \
	fi
	@# PostgreSQL (the HQ server's tests start a throwaway cluster): the distribution's package
	@# puts initdb in /usr/lib/postgresql/<version>/bin. Unlike the tools above, nothing skips
	@# without it: the PostgreSQL tests fail and say why.
	@if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "installing: postgresql"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >/dev/null 2>&1 || \
	    { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >/dev/null 2>&1; } || \
	    echo "error: could not install postgresql; the PostgreSQL HQ tests will fail"; \
	  else echo "note: PostgreSQL's initdb is missing and cannot be installed here (needs root and apt); the PostgreSQL HQ tests will fail"; fi; \
	fi

unit: $(STAMP) sysdeps translations
	$(BIN)/pytest -n 2 -q

test: lint types layers unit

# The same checks without the tests marked slow (about 5 s or more each on a slow day): for the
# edit-test loop. `make test` stays the gate.
unit-fast: $(STAMP) sysdeps translations
	$(BIN)/pytest -n 2 -q -m "not slow"

test-fast: lint types layers unit-fast

bench: $(STAMP) translations
	$(BIN)/python -m bench

# The one-folder app in dist/tipdesk (PyInstaller; its work folder is build/pyinstaller, as
# build/ holds the tracked packaging files). Fails when the folder is 200 MB or more, or when
# the packaged app's self-test fails. See docs/install.md.
package: $(STAMP) translations
	$(BIN)/pyinstaller --log-level WARN --workpath build/pyinstaller --distpath dist --noconfirm tipdesk.spec
	$(MAKE) --no-print-directory package-check

# Checks an already built dist/tipdesk: its size, its version, and its self-test (offscreen).
package-check: $(STAMP)
	$(BIN)/python -m bench.package size
	dist/tipdesk/tipdesk --version
	dist/tipdesk/tipdesk --self-test
	TIPDESK_LANG=ur dist/tipdesk/tipdesk --self-test

screenshots: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tipdesk.ui.devtools.screenshots --out docs/screenshots

clean:
	rm -rf $(VENV) build/pyinstaller dist .mypy_cache .pytest_cache .ruff_cache
