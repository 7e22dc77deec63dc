"""The reader never uses the network: the guard is real, and the main paths run under it.

``conftest.py`` installs the guard for every test, so each test in the suite already fails on
any attempt; the tests here make sure that the guard cannot be passing vacuously.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests import netguard
from tests.clirun import guarded_env, run_cli


def _connect(family: int, kind: int, action: str, address: tuple) -> None:
    with socket.socket(family, kind) as sock:
        if action == "sendto":
            sock.sendto(b"x", address)
        else:
            getattr(sock, action)(address)


def test_the_guard_stops_connections_look_ups_and_datagrams() -> None:
    assert netguard.installed()
    attempts = [
        lambda: socket.create_connection(("127.0.0.1", 9), timeout=1),
        lambda: socket.getaddrinfo("example.org", 443),
        lambda: socket.gethostbyname("example.org"),
        lambda: _connect(socket.AF_INET, socket.SOCK_STREAM, "connect", ("127.0.0.1", 9)),
        lambda: _connect(socket.AF_INET6, socket.SOCK_STREAM, "connect_ex", ("::1", 9)),
        lambda: _connect(socket.AF_INET, socket.SOCK_DGRAM, "sendto", ("127.0.0.1", 9)),
    ]
    for attempt in attempts:
        with pytest.raises(netguard.NetworkForbidden):
            attempt()
    assert len(netguard.attempts) == len(attempts)
    netguard.attempts.clear()  # expected here: do not fail this test


@pytest.mark.slow
def test_a_swallowed_attempt_still_fails_the_test(tmp_path: Path) -> None:
    """Run the suite's own conftest on a test that hides its attempt: the test must still fail."""
    here = Path(__file__).parent
    package = tmp_path / "tests"
    package.mkdir()
    for name in ("__init__.py", "conftest.py", "netguard.py"):
        shutil.copy(here / name, package / name)
    (package / "test_sneaky.py").write_text(
        "import contextlib, urllib.request\n\n"
        "def test_sneaky():\n"
        "    with contextlib.suppress(Exception):\n"
        "        urllib.request.urlopen('http://example.org', timeout=1)\n")
    env = dict(os.environ, PYTHONPATH=str(here.parent))
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(package)],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1, result.stdout
    assert "the test tried to use the network" in result.stdout
    assert "socket.create_connection(('example.org', 80)" in result.stdout
    assert "1 error" in result.stdout


def test_local_sockets_stay_allowed(tmp_path: Path) -> None:
    """Qt and D-Bus talk over AF_UNIX sockets; the guard must not break them."""
    path = str(tmp_path / "s")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(1)
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(path)
    client.close()
    server.close()


@pytest.mark.slow
def test_subprocesses_are_guarded_too(tmp_path: Path, user_home: Path) -> None:
    log = tmp_path / "network.log"
    code = "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 9))\nexcept OSError as e:\n" \
           "    print(type(e).__name__)\n"
    result = subprocess.run([sys.executable, "-c", code], env=guarded_env(user_home, log), capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.stdout.strip() == "NetworkForbidden"
    assert "create_connection" in log.read_text()


@pytest.mark.slow
def test_the_command_line_paths_run_offline(tmp_path: Path, user_home: Path) -> None:
    """Listing, importing, showing a section (as a picture), searching and speaking to a file."""
    assert run_cli("sections", home=user_home).returncode == 0
    doc = tmp_path / "notes.md"
    doc.write_text("# Notes\n\nSome words about the lunch club.\n")
    assert run_cli("import", doc, home=user_home).returncode == 0
    shot = tmp_path / "shot.png"
    result = run_cli("screenshot", "--section", "notes", "--out", shot, home=user_home)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 1000
    found = run_cli("search", "lunch club", home=user_home)
    assert found.returncode == 0 and "Notes  [notes#p1]" in found.stdout
    audio = tmp_path / "notes.mp3"
    spoken = run_cli("speak", "notes", "--out", audio, "--quiet", home=user_home)
    assert spoken.returncode == 0, spoken.stderr
    assert audio.read_bytes()[:3] == b"ID3"
