#!/usr/bin/env bash
# Install everything the tests need (as scripts/setup.sh does), check the code (ruff, then mypy over
# reader/ as pyproject.toml configures it: a type error stops the run), then run the whole suite headlessly.
# Extra arguments go to pytest, e.g. scripts/test.sh -k search (or -n 0 to run in one process).
# The tests run in one process per core, each test file whole in one of them (--dist loadfile: the
# screen-reader tests share one Orca session per file).
set -euo pipefail

cd "$(dirname "$0")/.."
scripts/setup.sh --tests
VENV=${VENV:-.venv}
export QT_QPA_PLATFORM=offscreen
"$VENV/bin/python" -m ruff check reader tests bench
TIMEFORMAT="mypy: %R s"
time "$VENV/bin/python" -m mypy
exec "$VENV/bin/python" -m pytest -n auto --dist loadfile "$@"
