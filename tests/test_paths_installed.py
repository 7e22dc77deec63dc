"""Where things are in an installed wheel: the guide inside the package, the index in the user's cache."""

from __future__ import annotations

from reader import paths
from reader.search.index import default_roots

from .conftest import ROOT


def test_a_checkout_reads_its_own_content_and_index_folders(monkeypatch):
    monkeypatch.delenv(paths.INDEX_ENV)
    assert paths.installed_bundle() is None  # the checkout never holds reader/bundled/
    assert paths.content_dir() == ROOT / "content"
    assert paths.bundled_index_dir() == ROOT / "index"


def test_an_installed_wheel_reads_its_bundle_and_keeps_the_index_in_the_cache(tmp_path, monkeypatch, user_home):
    package = tmp_path / "site-packages" / "reader"
    (package / "bundled" / "content").mkdir(parents=True)
    monkeypatch.setattr(paths, "PACKAGE", package)
    monkeypatch.delenv(paths.INDEX_ENV)
    assert paths.content_dir() == package / "bundled" / "content"
    assert paths.bundled_index_dir() == user_home / "cache" / "index"
    assert default_roots() == [user_home / "cache" / "index"]  # looked in once, not twice
