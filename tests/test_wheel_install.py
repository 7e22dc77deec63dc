"""An ordinary install works: the wheel built from this checkout, installed into a fresh virtual
environment outside it, has the guide, builds its search index and shows its window.

Offline, as every test: the build backend and the dependencies come from ``wheelhouse/``
(collected by ``scripts/setup.sh --tests``), pip runs with ``--no-index`` and every Python
process, pip's included, has the network forbidden.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .clirun import GUARD_SITE
from .conftest import CONTENT, ROOT

pytestmark = pytest.mark.slow
WHEELHOUSE = ROOT / "wheelhouse"


def _run(command: list[str | os.PathLike[str]], *, env: dict[str, str], cwd: Path,
         timeout: float = 600) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(part) for part in command], env=env, cwd=cwd, capture_output=True, text=True,
                            timeout=timeout, check=False)
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """A fresh environment with the wheel installed: (its python, the wheel, a guarded environment)."""
    assert WHEELHOUSE.is_dir() and any(WHEELHOUSE.glob("setuptools-*.whl")), \
        "no wheelhouse: run scripts/setup.sh --tests (it collects the wheels this test installs offline)"
    scratch = tmp_path_factory.mktemp("wheel-install")
    log = scratch / "network.log"
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PIP_", "COPRODUCTION_READER_", "PYTHON", "VIRTUAL_ENV"))}
    env.update({"PYTHONPATH": str(GUARD_SITE), "NETGUARD_LOG": str(log), "PIP_NO_INDEX": "1",
                "PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_CONFIG_FILE": os.devnull,
                "PIP_FIND_LINKS": str(WHEELHOUSE)})
    # From a clean copy: a build/ folder left in the checkout by an earlier build would be packed too.
    source = scratch / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "wheelhouse", "index", "*.egg-info", "__pycache__", ".*_cache"))
    dist = scratch / "dist"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--wheel-dir", dist, source], env=env, cwd=scratch)
    wheel = next(dist.glob("coproduction_reader-*.whl"))
    venv = scratch / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv], env=env, cwd=scratch)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", wheel], env=env, cwd=scratch)
    assert not log.exists(), f"building or installing tried to use the network:\n{log.read_text()}"
    env["COPRODUCTION_READER_HOME"] = str(scratch / "home")
    env["QT_QPA_PLATFORM"] = "offscreen"
    return python, wheel, env


def test_the_wheel_carries_the_guide_and_the_reading_fonts(installed):
    _, wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {path.relative_to(CONTENT).as_posix() for path in CONTENT.rglob("*") if path.is_file()}
    assert shipped and {f"reader/bundled/content/{name}" for name in shipped} <= names
    assert any(name.startswith("reader/fonts/") and name.endswith(".ttf") for name in names)
    assert "reader/speech/pronunciations.yaml" in names
    assert not any("__pycache__" in name or name.startswith(("tests/", "content/")) for name in names)


def test_the_installed_command_lists_searches_and_shows_the_guide(installed, tmp_path):
    python, _, env = installed
    outside = tmp_path / "elsewhere"  # not the checkout: nothing may be found there by accident
    outside.mkdir()
    command = [python.with_name("coproduction-reader.exe" if os.name == "nt" else "coproduction-reader")]
    where = _run([python, "-c", "import reader; print(reader.__file__)"], env=env, cwd=outside)
    assert Path(where.stdout.strip()).is_relative_to(python.parent.parent)

    sections = json.loads(_run([*command, "sections", "--json"], env=env, cwd=outside).stdout)
    assert [row["id"] for row in sections][:2] == ["foreword", "introduction"]

    found = json.loads(_run([*command, "search", "--json", "coproduction"], env=env, cwd=outside,
                            timeout=300).stdout)
    assert found["total"] > 10 and found["results"][0]["snippet"]
    cache_index = Path(env["COPRODUCTION_READER_HOME"]) / "cache" / "index"
    assert (cache_index / "current.json").is_file(), "the first search builds the index in the user's cache"
    assert not list(python.parent.parent.rglob("current.json")), "nothing is written inside the installation"

    picture = tmp_path / "reader.png"
    _run([*command, "screenshot", "--out", picture, "--width", "800", "--height", "600"], env=env, cwd=outside)
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and picture.stat().st_size > 10_000
    assert not Path(env["NETGUARD_LOG"]).exists()
