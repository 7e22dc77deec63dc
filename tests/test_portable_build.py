"""The portable build, built and run as a user runs it: offscreen, from its own folder, offline.

Slow (about 30 s on 2 cores): building is most of it. Needs PyInstaller (``pip install '.[build]'``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_FOLDER_MB = 150
MAX_ZIP_MB = 60

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "build_portable.py"), "--dist", str(dist)],
                            capture_output=True, text=True, timeout=900, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return dist


def _run(app: Path, *args: str, home: Path, strace_log: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the built program as a person would: no Python paths, no reader variables, an empty home."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("COPRODUCTION_READER_", "PYTHON", "XDG_"))}
    env.update({"HOME": str(home), "QT_QPA_PLATFORM": "offscreen"})
    command = [str(app), *args]
    if strace_log is not None:
        command = ["strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o", str(strace_log), *command]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)


def test_the_portable_folder_is_small_and_self_contained(built: Path) -> None:
    folder = built / "portable" / "coproduction-reader"
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    [archive] = built.glob("coproduction-reader-*.zip")
    print(f"portable folder {size / 1e6:.1f} MB, zip {archive.stat().st_size / 1e6:.1f} MB")
    assert size < MAX_FOLDER_MB * 1e6
    assert archive.stat().st_size < MAX_ZIP_MB * 1e6
    assert (folder / "portable").is_file()
    assert (folder / "_internal" / "content" / "manifest.yaml").is_file()
    assert (folder / "_internal" / "index" / "current.json").is_file()
    assert (folder / "_internal" / "reader" / "fonts" / "opendyslexic" / "OpenDyslexic-Regular.otf").is_file()
    assert not list(folder.rglob("*WebEngine*")) and not list(folder.rglob("libQt6Qml*"))
    assert not list(folder.rglob("translations"))


def test_the_built_app_opens_a_section_and_writes_only_beside_itself(built: Path, tmp_path: Path) -> None:
    app = built / "portable" / "coproduction-reader" / "coproduction-reader"
    home = tmp_path / "home"
    home.mkdir()
    version = _run(app, "--version", home=home)
    assert version.returncode == 0 and version.stdout.startswith("coproduction-reader ")
    sections = _run(app, "sections", "--json", home=home)
    assert sections.returncode == 0, sections.stderr
    assert json.loads(sections.stdout)[0]["id"] == "foreword"

    search = _run(app, "search", "co-design", "--json", home=home)
    assert search.returncode == 0, search.stderr
    assert search.stderr == ""  # the index built into the app was opened, not built again
    assert json.loads(search.stdout)["total"] > 3

    document = tmp_path / "notes.md"
    document.write_text("# Group notes\n\nThe lunch club meets on Fridays.\n")
    imported = _run(app, "import", str(document), home=home)
    assert imported.returncode == 0, imported.stderr
    assert (app.parent / "user-data" / "data" / "packs" / "local" / "group-notes.md").is_file()
    search = _run(app, "search", "Fridays", "--json", home=home)
    assert search.stderr == ""  # its passages were added to the index, not the index rebuilt
    assert [hit["section"] for hit in json.loads(search.stdout)["results"]] == ["group-notes"]

    shot = tmp_path / "shot.png"
    # strace lists every socket call of the whole process tree, Qt's own included (the Python
    # guard cannot see inside a built program).
    assert shutil.which("strace"), "strace is needed to watch the built program's sockets: apt-get install strace"
    log = tmp_path / "strace.log"
    result = _run(app, "screenshot", "--section", "group-notes", "--preset", "dyslexia", "--out", str(shot),
                  home=home, strace_log=log)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert shot.stat().st_size > 5000
    assert [call for call in log.read_text().splitlines() if "AF_UNIX" not in call] == []

    audio = tmp_path / "notes.mp3"  # read aloud into a file, with the computer's eSpeak NG
    spoken = _run(app, "speak", "group-notes", "--out", str(audio), "--quiet", home=home)
    assert spoken.returncode == 0, spoken.stderr
    assert audio.read_bytes()[:3] == b"ID3" and audio.stat().st_size > 5000
    assert list(home.rglob("*")) == []  # nothing was written to the user's own folders
