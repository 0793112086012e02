# MentorDesk developer entry points. Every target creates .venv and installs the project
# into it when needed, so a fresh clone needs only Python 3.11+ and make.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test bench endurance installer installer-smoke clean system-deps-run system-deps-test system-deps-installer

run: system-deps-run $(STAMP)
	$(BIN)/mentordesk

# Lint and type-check first (seconds), then the tests; settings in pyproject.toml. The slowest
# tests are listed at the end of every run, so a new slow one is seen. PYTEST_ARGS='-m "not gui"'
# runs only the Qt-free tests.
PYTEST_ARGS ?= --durations=15
test: system-deps-test $(STAMP)
	$(BIN)/ruff check mentordesk tests bench
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: system-deps-test $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# The real window through a day's work (10,000 scans, an hour of rounds, 20,000 kiosk keys), then
# memory and handle counts; about ten minutes. Also the last lines of `make bench`.
endurance: system-deps-test $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench endurance

# The Linux package (dist/mentordesk-<version>-linux-<arch>.tar.gz). Not part of `make test`: a
# build takes one to two minutes and needs PyInstaller from PyPI. The xcb libraries it bundles
# come from the run-time system packages.
installer: system-deps-installer $(STAMP)
	installers/build-linux.sh

# Freeze the app and run the frozen program headless (version, demo, import, check-in, plan,
# exports, the first window).
installer-smoke: system-deps-installer $(STAMP)
	installers/build-linux.sh --no-tarball
	$(BIN)/python installers/smoke_test.py dist/mentordesk/mentordesk

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "MentorDesk needs Python 3.11 or newer; set PYTHON=/path/to/python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

system-deps-run:
	@sh scripts/system-deps.sh run

system-deps-test:
	@sh scripts/system-deps.sh test

system-deps-installer:
	@sh scripts/system-deps.sh installer

clean:
	rm -rf $(VENV) .pytest_cache build dist
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
