"""The reader's main paths, one after another in one window, with the network forbidden.

Every test runs under the guard (``tests/conftest.py``); this one walks the paths a user takes
so that the proof does not depend on which other tests happen to exist.
"""

from __future__ import annotations

from pathlib import Path

from tests import netguard
from tests.ui.test_search_panel import search_for


def test_start_open_search_and_import_without_the_network(make_window, qtbot, tmp_path: Path) -> None:
    assert netguard.installed()
    window = make_window()  # start
    assert window.open_section("introduction")  # open a section
    assert "When we set out to develop a new resource" in window.view.toPlainText()

    panel = search_for(qtbot, window, "co-design")  # search (the index is built in this test's folder)
    assert panel.results.count() > 0

    page = tmp_path / "walks.html"  # import a document, with links and pictures from the web in it
    page.write_text('<h1>Walking group</h1><p>See <a href="https://example.org">our site</a>.</p>'
                    '<img src="https://example.org/tracker.gif" alt="A map">')
    window.added_content.choose_file = lambda: str(page)
    window.actions["add_content"].trigger()
    assert window.current == "walking-group"
    assert "[Picture: A map]" in window.view.toPlainText()
    assert netguard.attempts == []
