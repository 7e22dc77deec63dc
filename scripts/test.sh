#!/usr/bin/env bash
# Install everything the tests need (as scripts/setup.sh does), check the code (ruff, then mypy over
# reader/ as pyproject.toml configures it: a type error stops the run), then run the whole suite headlessly.
# Extra arguments go to pytest, e.g. scripts/test.sh -k search
set -euo pipefail

cd "$(dirname "$0")/.."
scripts/setup.sh --tests
VENV=${VENV:-.venv}
export QT_QPA_PLATFORM=offscreen
"$VENV/bin/python" -m ruff check reader tests bench
TIMEFORMAT="mypy: %R s"
time "$VENV/bin/python" -m mypy
exec "$VENV/bin/python" -m pytest "$@"
