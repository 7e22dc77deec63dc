"""Content packs: create, add, list, replace and remove, through the same loader as the guide."""

from __future__ import annotations

import os
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from reader import paths
from reader.library import open_library
from reader.model import Section
from reader.packs import PackError, add, create, list_packs, remove, scan, store
from reader.render import render_section
from tests.packkit import folder_entries, tree_hash, write_pack_folder, zip_entries


class Recorder:
    """A listener as the search index will be one: it hears about sections after they are on disk."""

    def __init__(self) -> None:
        self.events: list[tuple[str, list[str]]] = []

    def on_sections_added(self, sections: Sequence[Section]) -> None:
        assert all(section.path.is_file() for section in sections)
        self.events.append(("added", [section.id for section in sections]))

    def on_sections_removed(self, section_ids: Sequence[str]) -> None:
        self.events.append(("removed", list(section_ids)))


@pytest.fixture
def pack_zip(tmp_path: Path) -> Path:
    folder = write_pack_folder(tmp_path / "stories")
    return create(folder, tmp_path / "stories.zip").path


def test_round_trip_create_add_list_remove(tmp_path: Path, pack_zip: Path) -> None:
    recorder = Recorder()
    installed = add(pack_zip, listener=recorder)
    assert installed.name == "local-stories"
    assert installed.folder == paths.data_dir() / "packs" / "local-stories"
    assert [s.id for s in installed.sections] == ["lunch-club", "garden-group"]
    assert all(s.pack == "local-stories" and s.path.is_relative_to(installed.folder) for s in installed.sections)

    [listed] = list_packs()
    assert (listed.name, listed.title, len(listed.sections)) == ("local-stories", "Local stories", 2)
    guide = open_library().guide
    assert guide.get("lunch-club") is not None and guide.get("lunch-club").pack == "local-stories"
    assert guide.sections[-1].id == "garden-group"  # appended after the bundled guide
    assert "planned the lunch club together" in " ".join(
        b.text for b in render_section(guide.get("lunch-club"), guide).blocks)

    assert remove("local-stories", listener=recorder) == ["lunch-club", "garden-group"]
    assert list_packs() == []
    assert "lunch-club" not in open_library().guide
    assert recorder.events == [("added", ["lunch-club", "garden-group"]),
                               ("removed", ["lunch-club", "garden-group"])]
    assert not any((paths.data_dir() / "packs").iterdir())


def test_created_zip_holds_only_the_pack(tmp_path: Path) -> None:
    folder = write_pack_folder(tmp_path / "stories", extra={".DS_Store": b"x", ".git/config": "x",
                                                            "pictures/garden.png": b"\x89PNG\r\n\x1a\n...."})
    made = create(folder, folder / "stories.zip")  # written inside the folder: not zipped into itself
    with zipfile.ZipFile(made.path) as zip_file:
        assert sorted(zip_file.namelist()) == ["garden-group.md", "lunch-club.md", "manifest.yaml",
                                               "pictures/garden.png"]
    assert (made.name, made.sections, made.files) == ("local-stories", 2, 4)


def test_a_zipped_folder_installs_too(tmp_path: Path) -> None:
    """People zip the folder itself; Finder adds __MACOSX entries. Both are fine."""
    folder = write_pack_folder(tmp_path / "stories")
    entries = [(f"stories/{name}", data) for name, data in folder_entries(folder)]
    entries += [("__MACOSX/stories/._lunch-club.md", b"\x00\x05\x16\x07"), ("stories/.DS_Store", b"x")]
    installed = add(zip_entries(tmp_path / "zipped.zip", entries))
    assert sorted(p.name for p in installed.folder.iterdir()) == ["garden-group.md", "lunch-club.md",
                                                                   "manifest.yaml"]


def test_same_name_is_refused_unless_replacing(tmp_path: Path, pack_zip: Path) -> None:
    add(pack_zip)
    before = tree_hash(paths.data_dir())
    with pytest.raises(PackError, match="already installed"):
        add(pack_zip)
    assert tree_hash(paths.data_dir()) == before

    newer = write_pack_folder(tmp_path / "v2", sections=[("lunch-club", "The lunch club", "Now on Fridays.\n"),
                                                         ("allotment", "The allotment", "A new page.\n")])
    recorder = Recorder()
    installed = add(create(newer, tmp_path / "v2.zip").path, replace=True, listener=recorder)
    assert [s.id for s in installed.sections] == ["lunch-club", "allotment"]
    assert "Now on Fridays." in open_library().guide.get("lunch-club").body
    assert "garden-group" not in open_library().guide
    assert recorder.events == [("removed", ["lunch-club", "garden-group"]), ("added", ["lunch-club", "allotment"])]
    assert [p.name for p in (paths.data_dir() / "packs").iterdir()] == ["local-stories"]


def test_pack_sections_may_sit_under_a_guide_section(tmp_path: Path) -> None:
    folder = write_pack_folder(tmp_path / "more")
    text = (folder / "manifest.yaml").read_text().replace("kind: examples\n", "kind: examples\n  parent: examples\n")
    (folder / "manifest.yaml").write_text(text)
    installed = add(create(folder, tmp_path / "more.zip").path)
    guide = open_library().guide
    assert [s.id for s in guide.children("examples")][-2:] == [s.id for s in installed.sections]


def test_remove_unknown_pack_names_the_installed_ones(pack_zip: Path) -> None:
    with pytest.raises(PackError, match=r"no pack named 'nope' is installed \(no packs are installed\)"):
        remove("nope")
    add(pack_zip)
    with pytest.raises(PackError, match=r"installed: local-stories"):
        remove("../packs")


def test_a_broken_installed_pack_is_reported_and_the_guide_still_opens(pack_zip: Path) -> None:
    installed = add(pack_zip)
    (installed.folder / "manifest.yaml").write_text("name: local-stories\nsections: [\n")
    library = open_library()
    assert len(library.guide) == len(open_library(include_packs=False).guide)
    [problem] = library.problems
    assert "local-stories" in problem and "manifest.yaml:" in problem
    installed_packs, broken = scan()
    assert installed_packs == [] and broken[0].name == "local-stories"
    remove("local-stories")  # a broken pack can still be removed
    assert open_library().problems == []


def test_a_hand_made_clash_between_installed_packs_leaves_the_later_one_out(tmp_path: Path,
                                                                            pack_zip: Path) -> None:
    add(pack_zip)
    copy = paths.data_dir() / "packs" / "more-stories"
    copy.mkdir()
    for path in (paths.data_dir() / "packs" / "local-stories").iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    manifest = copy / "manifest.yaml"
    manifest.write_text(manifest.read_text().replace("name: local-stories", "name: more-stories"))
    library = open_library()
    assert [p.name for p in library.packs] == ["local-stories"]
    assert "already used by the content pack 'local-stories'" in library.problems[0]


def test_pack_html_is_cleaned_when_shown(tmp_path: Path) -> None:
    body = 'Plain <span style="color:red">red</span> and <font face="x">font</font> text.\n'
    folder = write_pack_folder(tmp_path / "styled", sections=[("styled", "Styled", body)])
    installed = add(create(folder, tmp_path / "styled.zip").path)
    html = render_section(installed.sections[0]).html
    assert "style=" not in html and "<font" not in html
    assert "Plain <span>red</span> and font text." in html
    assert 'id="p1"' in html and 'id="title"' in html


def test_interrupted_replace_is_undone_and_leftovers_cleared(pack_zip: Path) -> None:
    installed = add(pack_zip)
    packs = installed.folder.parent
    aside = packs / f"{store.REPLACED_PREFIX}local-stories.abcd1234"
    os.rename(installed.folder, aside)  # as if the process died between the two renames
    leftover = packs / f"{store.STAGING_PREFIX}dead"
    leftover.mkdir()
    old = time.time() - store.STALE_SECONDS - 5
    for path in (aside, leftover):
        os.utime(path, (old, old))
    assert [p.name for p in open_library().packs] == ["local-stories"]
    assert sorted(p.name for p in packs.iterdir()) == ["local-stories"]


def _keep_page(section_id: str) -> None:
    """As the window leaves it on closing: the page of the section it showed, kept for the next start."""
    from reader import page_cache

    guide = open_library().guide
    section = guide.get(section_id)
    assert section is not None
    page_cache.store(section, render_section(section, guide))


def test_a_start_on_a_guide_page_lists_the_packs_only_after_it(pack_zip: Path) -> None:
    from reader.library import open_for_start

    library, later = open_for_start("introduction")
    assert not later  # no packs: the library is whole at once
    add(pack_zip)
    library, later = open_for_start("introduction")
    assert not later and "lunch-club" in library.guide  # no page kept yet: it is rendered with everything known
    _keep_page("introduction")
    library, later = open_for_start("introduction")
    assert later and "introduction" in library.guide and "lunch-club" not in library.guide
    assert library.guide == open_library(include_packs=False).guide
    library, later = open_for_start("")  # no place saved: the first section, kept too
    assert not later  # the page kept is another section's
    _keep_page("lunch-club")
    library, later = open_for_start("lunch-club")  # a pack's section: its pack is needed at once
    assert not later and library.guide.get("lunch-club") is not None
