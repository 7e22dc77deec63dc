#!/usr/bin/env bash
# Set up Co-production Reader on Debian 12 (or similar): system packages, a virtual environment,
# the search index; then start it.
#
#   scripts/setup.sh            install what is missing, build the search index, start the reader
#   scripts/setup.sh --no-start install only (used by scripts/test.sh)
#   scripts/setup.sh --tests    also install what the test suite needs
#
# System packages come from apt when run as root; otherwise the exact apt line is printed.
set -euo pipefail

cd "$(dirname "$0")/.."
START=1
TESTS=0
for arg in "$@"; do
  case "$arg" in
    --no-start) START=0 ;;
    --tests) TESTS=1; START=0 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

# What a bare Debian 12 lacks for Qt (offscreen and on a desktop), a font, speech and sound.
RUNTIME_PACKAGES=(
  python3-venv
  libegl1 libgl1 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0 fonts-dejavu-core
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0
  libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0
  libespeak-ng1 alsa-utils
)
# What the tests use besides: a virtual X server and the screen-reader bus, to see the app as Orca does;
# GNOME Orca itself with speech-dispatcher, a window manager (openbox) and xdotool to press keys, to hear it
# as a blind user does (tests/e2e); pdftotext to read back the large-print PDF, strace to watch the built
# portable app's every socket call, and epubcheck (Java) to check the talking book.
TEST_PACKAGES=(xvfb xauth dbus at-spi2-core python3-pyatspi orca speech-dispatcher openbox xdotool
               poppler-utils strace epubcheck)

packages=("${RUNTIME_PACKAGES[@]}")
if [ "$TESTS" = 1 ]; then packages+=("${TEST_PACKAGES[@]}"); fi

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$package")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "Installing system packages: ${missing[*]}"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
      echo "These system packages are missing. Install them with:" >&2
      echo "  sudo apt-get install --no-install-recommends ${missing[*]}" >&2
      echo "then run this command again." >&2
      exit 1
    fi
  fi
else
  echo "Not a Debian-like system: make sure Qt's libraries, a font and espeak-ng are installed." >&2
fi

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Python 3.11 or newer is needed ($PYTHON is $("$PYTHON" --version 2>&1))." >&2
  exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
  echo "Creating the virtual environment in $VENV"
  "$PYTHON" -m venv "$VENV"
fi
extras=""
[ "$TESTS" = 1 ] && extras="[test,build]"  # build: PyInstaller, for the portable build's smoke test
echo "Installing Co-production Reader into $VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip >/dev/null
"$VENV/bin/python" -m pip install --quiet --editable ".$extras"

if [ "$TESTS" = 1 ]; then
  # A wheelhouse for the test that installs the built wheel into a fresh environment with no
  # network: the runtime dependencies and the build backend, as wheels for this computer.
  # Collected again only when the requirements change.
  "$VENV/bin/python" - >"$VENV/wheelhouse-requirements.txt" <<'PY'
import tomllib
with open("pyproject.toml", "rb") as handle:
    project = tomllib.load(handle)
print("\n".join(project["project"]["dependencies"] + project["build-system"]["requires"]))
PY
  if ! cmp -s "$VENV/wheelhouse-requirements.txt" wheelhouse/requirements.txt; then
    echo "Collecting wheels for the install test in wheelhouse/"
    "$VENV/bin/python" -m pip download --quiet --only-binary=:all: --dest wheelhouse \
      --requirement "$VENV/wheelhouse-requirements.txt" >/dev/null
    cp "$VENV/wheelhouse-requirements.txt" wheelhouse/requirements.txt
  fi
fi

echo "Building the search index"
"$VENV/bin/coproduction-reader" index

if [ "$START" = 1 ]; then
  if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    echo "Installed. There is no screen here; on a desktop, start the reader with: $VENV/bin/coproduction-reader"
    exit 0
  fi
  echo "Starting Co-production Reader"
  exec "$VENV/bin/coproduction-reader"
fi
echo "Installed. Start the reader with: $VENV/bin/coproduction-reader"
