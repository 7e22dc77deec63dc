"""Every test runs headless and with its own user folders, never the real ones."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import netguard

netguard.install()  # before any test module imports code that might look a host up

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("COPRODUCTION_READER_CONTENT", None)

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


@pytest.fixture(autouse=True)
def user_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh folder for settings, data and cache, so tests never touch the user's own."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("COPRODUCTION_READER_HOME", str(home))
    monkeypatch.setenv("COPRODUCTION_READER_INDEX", str(home / "bundled-index"))
    return home


@pytest.fixture
def guide():
    from reader.library import open_guide

    return open_guide(CONTENT)


@pytest.fixture(scope="module")
def guide_index(tmp_path_factory: pytest.TempPathFactory):
    """The bundled guide's real search index on disk, built once per test module."""
    from reader.library import open_guide
    from reader.search import SearchIndex

    with SearchIndex.open_or_build(open_guide(CONTENT), roots=[tmp_path_factory.mktemp("guide") / "index"]) as index:
        yield index


@pytest.fixture(autouse=True)
def no_network() -> None:
    """Every test runs offline: any attempt to use the network fails the test, even if it was caught."""
    netguard.attempts.clear()
    yield
    if netguard.attempts:
        found = list(netguard.attempts)
        netguard.attempts.clear()
        pytest.fail("the test tried to use the network:\n" + "\n".join(found), pytrace=False)
