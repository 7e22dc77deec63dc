"""A content pack's full page takes the place of a short entry: in the contents, links and search."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reader.library import open_library
from reader.packs import PackError, add, create, remove
from reader.packs.notify import IndexUpdater
from reader.search import SearchIndex
from tests.packkit import write_pack_folder

# A stand-in written for the test: the real full pages are not available, and nothing may be invented about them.
FULL_PAGE = "## Starting points\n\nA stand-in for the full Young Scot page: notes from a lunchtime workshop.\n"


def young_scot_pack(tmp_path: Path, replaces: str = "young-scot") -> Path:
    folder = write_pack_folder(tmp_path / "full-pages", name="full-pages", title="Full example pages",
                               sections=[("young-scot-full", "Young Scot", FULL_PAGE)])
    manifest = yaml.safe_load((folder / "manifest.yaml").read_text())
    manifest["sections"][0]["replaces"] = replaces
    (folder / "manifest.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False))
    return create(folder, tmp_path / "full-pages.zip").path


def test_a_full_page_takes_the_short_entrys_place_in_contents_and_links(tmp_path: Path) -> None:
    before = open_library().guide
    place = before.position("young-scot")
    add(young_scot_pack(tmp_path))
    guide = open_library().guide
    assert [s.id for s in guide].count("young-scot-full") == 1 and "young-scot" not in [s.id for s in guide]
    assert guide.sections[place].id == "young-scot-full"  # the same place in the contents
    assert guide.sections[place].parent == "examples"  # under the examples, as the entry was
    assert guide.get("young-scot").id == "young-scot-full"  # bookmarks and history follow it
    assert guide.by_file(before.get("young-scot").path).id == "young-scot-full"  # so do links
    assert len(guide) == len(before)
    remove("full-pages")
    assert open_library().guide.get("young-scot").id == "young-scot"


def test_replacing_an_unknown_section_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="replaces 'no-such-page'"):
        young_scot_pack(tmp_path, replaces="no-such-page")


def test_search_finds_the_full_page_instead_of_the_short_entry(tmp_path: Path) -> None:
    guide = open_library().guide
    root = tmp_path / "index"
    with SearchIndex.open_or_build(guide, roots=[root]) as index:
        assert "young-scot" in {hit.section for hit in index.search("young scot", limit=50).results}
        updater = IndexUpdater(index)
        add(young_scot_pack(tmp_path), listener=updater)
        assert updater.problem is None
        sections = {hit.section for hit in index.search("young scot", limit=50).results}
        assert "young-scot-full" in sections and "young-scot" not in sections
        assert {hit.section for hit in index.search("lunchtime workshop").results} == {"young-scot-full"}
        remove("full-pages", listener=updater)
        sections = {hit.section for hit in index.search("young scot", limit=50).results}
        assert "young-scot" in sections and "young-scot-full" not in sections
    # The next start builds from the library as it is: the same answer.
    add(young_scot_pack(tmp_path / "again"))
    with SearchIndex.open_or_build(open_library().guide, roots=[root]) as index:
        sections = {hit.section for hit in index.search("young scot", limit=50).results}
        assert "young-scot-full" in sections and "young-scot" not in sections


def test_a_start_after_a_full_page_is_added_opens_on_it_not_on_the_entry_it_replaced(tmp_path: Path) -> None:
    """The page kept for the next start was the short entry's: a start that showed it first and listed
    the packs only after its first paint would show the entry, then swap in the full page."""
    from reader import page_cache
    from reader.library import open_for_start
    from reader.render import render_section

    guide = open_library().guide
    add(create(write_pack_folder(tmp_path / "other"), tmp_path / "other.zip").path)  # a pack that replaces nothing
    entry = guide.get("young-scot")
    page_cache.store(entry, render_section(entry, guide))
    assert open_for_start("young-scot")[1]  # the packs could wait: the kept page is the section's
    add(young_scot_pack(tmp_path))
    library, later = open_for_start("young-scot")
    assert not later and library.guide.get("young-scot").id == "young-scot-full"
