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
