"""The library cache: sections listed without parsing, never trusted once a file changes or the
cache is damaged, and safe when two copies of the reader write it at once."""

from __future__ import annotations

import logging
import marshal
import os
import subprocess
import sys
import textwrap
import time
import zlib
from pathlib import Path

import pytest

from reader import library_cache
from reader.library import open_library
from reader.packs import add, create, packs_dir
from reader.search import SearchIndex
from tests.packkit import write_pack_folder

ROOT = Path(__file__).resolve().parent.parent


def _install(tmp_path: Path, name: str = "local-stories", **kwargs: object) -> Path:
    folder = write_pack_folder(tmp_path / name, name=name, **kwargs)  # type: ignore[arg-type]
    add(create(folder, tmp_path / f"{name}.zip").path)
    return packs_dir() / name


def _listing(guide: object) -> list[tuple]:
    return [(s.id, s.title, s.kind, s.tags, s.parent, s.summary, s.pack, s.path.resolve(), s.body)
            for s in guide]  # type: ignore[attr-defined]


def refuse_strict_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if any content folder is parsed strictly (YAML) instead of listed from the cache."""
    import reader.loader
    import reader.packs.validate

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a content folder was parsed although the cache matched it")

    monkeypatch.setattr(reader.loader, "load_guide", refuse)
    monkeypatch.setattr(reader.packs.validate, "load_pack", refuse)


def test_second_start_lists_everything_from_the_cache_with_bodies_read_on_demand(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _install(tmp_path)
    strict = open_library()  # writes the cache
    assert library_cache.cache_file().is_file()
    refuse_strict_loading(monkeypatch)
    cached = open_library()
    assert [p.name for p in cached.packs] == ["local-stories"]
    assert not any(section.loaded for section in cached.guide)
    assert _listing(cached.guide) == _listing(strict.guide)  # same ids, titles, order, tags... and bodies
    assert "**lunch club**" in cached.guide.get("lunch-club").body


def test_a_changed_section_file_is_loaded_again_not_taken_from_the_cache(tmp_path: Path) -> None:
    installed = _install(tmp_path)
    open_library()
    page = installed / "garden-group.md"
    page.write_text("---\nsummary: Changed by hand.\n---\nThe garden group now meets on Fridays.\n",
                    encoding="utf-8")
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 5_000_000_000))
    section = open_library().guide.get("garden-group")
    assert section.summary == "Changed by hand."
    assert "Fridays" in section.body


def test_a_pack_broken_after_it_was_cached_still_names_its_file_and_line(tmp_path: Path) -> None:
    installed = _install(tmp_path)
    open_library()
    manifest = installed / "manifest.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("title: The lunch club", "title: [unclosed"),
                        encoding="utf-8")
    library = open_library()
    assert library.packs == []
    assert len(library.problems) == 1
    assert "manifest.yaml:" in library.problems[0] and "malformed YAML" in library.problems[0]


def _retitled(cached: bytes) -> bytes:
    """The cache with a title changed in place and everything else, its checksum too, as written."""
    assert b"The lunch club" in cached
    return cached.replace(b"The lunch club", b"The lunch CLUB")


def _summed(payload: bytes) -> bytes:
    """A file with the format's line and the payload's own checksum, as the cache writes them."""
    return library_cache.MAGIC + zlib.crc32(payload).to_bytes(4, "big") + payload


@pytest.mark.parametrize("damage", [
    lambda cached: b"{\"format\": 1, \"folders\": {\"x\": ", lambda cached: b"\xff\xfe garbage",
    lambda cached: b"[1, 2, 3]", lambda cached: b"{\"format\": 3, \"folders\": {}}",
    lambda cached: cached[:len(cached) // 2],  # cut short
    _retitled,  # a byte changed in the middle: marshal alone would list the wrong title
    lambda cached: library_cache.MAGIC + bytes(4) + cached[len(library_cache.MAGIC) + 4:],  # checksum lost
    lambda cached: _summed(marshal.dumps([1, 2, 3])),  # summed, but not a mapping
    lambda cached: cached.replace(b" marshal %d\n" % marshal.version, b" marshal %d\n" % (marshal.version + 1), 1),
])
def test_a_damaged_cache_is_rebuilt_with_a_message_never_trusted(
        tmp_path: Path, damage: object, caplog: pytest.LogCaptureFixture) -> None:
    _install(tmp_path)
    expected = _listing(open_library().guide)
    cached = library_cache.cache_file().read_bytes()
    library_cache.cache_file().write_bytes(damage(cached))  # type: ignore[operator]
    with caplog.at_level(logging.WARNING, logger="reader.library_cache"):
        assert _listing(open_library().guide) == expected
    assert "was rebuilt" in caplog.text or "damaged" in caplog.text
    rebuilt = library_cache.LibraryCache()
    assert rebuilt.problem is None and len(rebuilt.entries) == 2


def test_a_damaged_entry_is_not_trusted(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    installed = _install(tmp_path)
    expected = _listing(open_library().guide)
    cache = library_cache.LibraryCache()
    entry = cache.entry(str(installed.resolve()))
    first, *others = entry["sections"]
    entry["sections"] = ((first[0], {"not": "a title"}, *first[2:]), *others)  # not text, files all unchanged
    cache.changed = True
    cache.save()
    with caplog.at_level(logging.WARNING, logger="reader.library_cache"):
        assert _listing(open_library().guide) == expected
    assert "damaged" in caplog.text


def test_a_cached_pack_that_now_clashes_with_another_is_refused_as_before(tmp_path: Path) -> None:
    _install(tmp_path, "pack-b", sections=[("shared-id", "B", "Text of B.\n")])
    open_library()
    # A pack sorted before it now claims the same id (copied in by hand, not through add).
    write_pack_folder(packs_dir() / "pack-a", name="pack-a", sections=[("shared-id", "A", "Text of A.\n")])
    library = open_library()
    assert [pack.name for pack in library.packs] == ["pack-a"]
    assert "already used by the content pack 'pack-a'" in library.problems[0]


def test_the_index_opens_from_the_cache_without_reading_any_section(tmp_path: Path) -> None:
    _install(tmp_path)
    root = tmp_path / "index"
    SearchIndex.open_or_build(open_library().guide, roots=[root]).close()
    guide = open_library().guide  # as a new process sees it: listed from the cache
    with SearchIndex.open_or_build(guide, roots=[root]) as index:
        assert index.report.action == "opened"  # the cache's digests match the bodies indexed
        assert not any(section.loaded for section in guide)
        assert [hit.section for hit in index.search("vegetables").results] == ["garden-group"]


def test_pack_add_records_the_new_pack_so_the_next_start_parses_nothing(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    open_library()
    _install(tmp_path)
    refuse_strict_loading(monkeypatch)
    assert [pack.name for pack in open_library().packs] == ["local-stories"]


_WRITER = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from reader.library import open_library
    from reader.library_cache import LibraryCache
    manifest = Path(sys.argv[1])
    seen = set()
    for round in range(int(sys.argv[2])):
        # Touch the pack so every start finds its entry stale and writes the cache again.
        os.utime(manifest, ns=(manifest.stat().st_atime_ns, manifest.stat().st_mtime_ns + 1_000_000))
        cache = LibraryCache()
        if cache.problem:
            print("DAMAGED", cache.problem)
            sys.exit(1)
        library = open_library()
        seen.add(tuple(s.id for s in library.guide))
    print(len(seen))
""")


def test_two_copies_starting_at_once_never_see_a_damaged_cache(tmp_path: Path, user_home: Path) -> None:
    installed = _install(tmp_path)
    open_library()
    env = dict(os.environ, COPRODUCTION_READER_HOME=str(user_home), PYTHONPATH=str(ROOT))
    copies = [subprocess.Popen([sys.executable, "-c", _WRITER, str(installed / "manifest.yaml"), "25"],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for _ in range(2)]
    for copy in copies:
        out, err = copy.communicate(timeout=300)
        assert copy.returncode == 0, out + err
        assert out.strip() == "1"  # every start listed the same sections
    assert library_cache.LibraryCache().problem is None  # a whole file, as one of them wrote it
    assert [pack.name for pack in open_library().packs] == ["local-stories"]


def _edit_in_place(page: Path, text: str) -> None:
    """Change a file's text without renaming it, as an editor saving over it does: its folder stays as it was."""
    folder_times = page.parent.stat().st_atime_ns, page.parent.stat().st_mtime_ns
    page.write_text(text, encoding="utf-8")
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 5_000_000_000))
    os.utime(page.parent, ns=folder_times)


def test_a_quick_listing_checks_folders_not_files_and_finds_an_edit_in_place_afterwards(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed = _install(tmp_path)
    open_library()
    _edit_in_place(installed / "garden-group.md",
                   "---\nsummary: Changed by hand.\n---\nThe garden group now meets on Fridays.\n")
    stats: list[str] = []
    real_stat = library_cache._stat
    monkeypatch.setattr(library_cache, "_stat", lambda path: stats.append(str(path)) or real_stat(path))
    quick = open_library(quick=True)
    assert all(Path(path).name == "manifest.yaml" for path in stats), stats  # no section file was looked at
    assert quick.guide.get("garden-group").summary != "Changed by hand."  # not seen yet...
    assert quick.changed_since_listed()  # ...but found when the files are checked
    now = open_library(quick=True)  # and the folder is not listed quickly again until it is reloaded
    assert now.guide.get("garden-group").summary == "Changed by hand."
    assert "Fridays" in now.guide.get("garden-group").body
    assert not now.changed_since_listed()


@pytest.mark.parametrize("change", ["rename a file", "replace the pack"])
def test_a_quick_listing_reloads_a_folder_whose_files_were_renamed_or_replaced(
        tmp_path: Path, change: str) -> None:
    installed = _install(tmp_path)
    open_library()
    page = installed / "garden-group.md"
    time.sleep(0.05)  # past the file system clock's tick (a few milliseconds), as any later change is
    if change == "rename a file":  # as our own writes replace a file: the folder changes, not the old file
        moved = installed / "garden-group.tmp"
        page.write_text("---\nsummary: Renamed into place.\n---\nThe garden group.\n", encoding="utf-8")
        os.replace(page, moved)
        os.replace(moved, page)
    else:
        folder = write_pack_folder(tmp_path / "again", name="local-stories", title="Local stories, again")
        add(create(folder, tmp_path / "again.zip").path, replace=True)
    listed = open_library(quick=True)
    strict = open_library()
    assert _listing(listed.guide) == _listing(strict.guide)
    assert not listed.changed_since_listed()


def test_a_listed_section_is_the_same_as_one_made_field_by_field(tmp_path: Path) -> None:
    from reader.model import UNREAD, Section

    page = tmp_path / "page.md"
    page.write_text("Words on the page.\n", encoding="utf-8")
    listed = Section.listed("s", "Title", "examples", str(page), ("a", "b"), "parent", "Sum.", "pack", "old", "d1")
    made = Section("s", "Title", "examples", str(page), UNREAD, ("a", "b"), "parent", "Sum.", "pack",  # type: ignore[arg-type]
                   replaces="old", known_digest="d1")
    assert listed.__dict__ == made.__dict__
    assert listed.path == page and not listed.loaded and listed.digest == "d1"
    assert listed == made and listed.loaded and listed.body.startswith("Words on the page.")


def test_folders_are_keyed_by_their_real_path_through_linked_parents(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Packs' folders are keyed by their real path, worked out once per parent folder: a parent reached
    through a link, a folder that is itself a link and a relative path give what ``resolve()`` gives."""
    real = tmp_path / "real"
    (real / "packs" / "one").mkdir(parents=True)
    (real / "elsewhere").mkdir()
    (tmp_path / "link").symlink_to(real)
    (real / "packs" / "linked").symlink_to(real / "elsewhere")
    parents: dict[Path, Path] = {}
    folders = [tmp_path / "link" / "packs" / "one", tmp_path / "link" / "packs" / "linked",
               real / "packs" / "one", tmp_path / "link" / "packs" / "missing", tmp_path / "link" / "packs" / ".."]
    for folder in folders:
        assert library_cache._key(folder, parents) == str(folder.resolve()), folder
    monkeypatch.chdir(real)
    assert library_cache._key(Path("packs") / "one", parents) == str((real / "packs" / "one").resolve())


def test_the_cache_an_earlier_version_left_is_removed_when_the_new_one_is_written(tmp_path: Path) -> None:
    _install(tmp_path)
    old = library_cache.cache_file().with_name("library.json")
    old.write_text('{"format": 3, "entries": {}}', encoding="utf-8")  # as an earlier reader left it
    library_cache.cache_file().unlink()
    open_library()  # lists the library again and writes the new cache
    assert library_cache.cache_file().is_file()
    assert not old.exists(), "the old cache stays in the user's folder for ever"


def test_listing_the_bundled_guide_alone_leaves_the_packs_entries_unread(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    installed = str(_install(tmp_path).resolve())
    expected = _listing(open_library().guide)
    read: list[str] = []
    unpack = library_cache.unpack
    monkeypatch.setattr(library_cache, "unpack", lambda entry: read.append(unpack(entry)["pack"]) or unpack(entry))
    guide_only = open_library(quick=True, include_packs=False)
    assert "lunch-club" not in guide_only.guide and read == ["guide"]
    cache = library_cache.LibraryCache(quick=True)
    assert type(cache.entries[installed]) is bytes  # as read from the file
    assert cache.entry(installed)["pack"] == "local-stories" and type(cache.entries[installed]) is dict
    cache.changed = True
    cache.save()  # an entry read and one left as read are written back alike
    assert _listing(open_library(quick=True).guide) == expected
