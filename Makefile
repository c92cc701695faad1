# Entry points named in the README. Everything the project needs is installed from here.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Debian packages Qt's xcb platform needs for a real window (not needed for offscreen tests).
XCB_DEBS := libxcb-icccm4 libxcb-cursor0 libxkbcommon-x11-0 libxcb-keysyms1 libxcb-image0 \
	libxcb-render-util0 libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libxcb-xkb1 libegl1 \
	libfontconfig1 libdbus-1-3

.PHONY: run test lint bench soak demo screenshots clean qt-system-deps build build-test

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## run: install, create the demo case file once, start the app on it
run: $(STAMP) qt-system-deps
	$(PY) -m mpg_desktop --demo

## test: install and run the whole suite (headless)
test: $(STAMP)
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check mpg_desktop tests bench
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(PY) -m bench

## soak: the long crash-safety run (SIGKILL trials)
soak: $(STAMP)
	MPG_SOAK_TRIALS=$${MPG_SOAK_TRIALS:-50} MPG_FUZZ_EXAMPLES=$${MPG_FUZZ_EXAMPLES:-10000} $(PY) -m pytest -q tests/storage/test_crash_safety.py tests/sync/test_bundle_fuzz.py

## screenshots: unlock screen, wizard and main window as PNG under screenshots/ (needs xvfb-run)
screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1400x900x24" $(PY) -m mpg_desktop.ui.screenshots screenshots

## build: one-folder PyInstaller build in dist/mpg-desktop/ (for the platform it runs on)
build: $(STAMP)
	$(PY) -m pip install --quiet -e '.[build]'
	$(VENV)/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller build_spec/mpg_desktop.spec

## build-test: run the built program headless, outside the venv (self-test, demo, verify, backup)
build-test: build
	bash build_spec/build_test.sh

# On Debian/Ubuntu, install the xcb libraries when missing and we may (root or sudo).
qt-system-deps:
	@if command -v dpkg >/dev/null 2>&1 && [ -z "$$QT_QPA_PLATFORM" ]; then \
	  missing=$$(for p in $(XCB_DEBS); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	  if [ -n "$$missing" ]; then \
	    echo "Qt needs: $$missing"; \
	    if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing; \
	    elif command -v sudo >/dev/null; then sudo apt-get install -y $$missing; \
	    else echo "Install them with: apt-get install $$missing"; fi; \
	  fi; \
	fi

clean:
	rm -rf $(VENV) build dist *.egg-info
