"""Content that is valid yet would hang or crash the reader is refused, quickly, before anything is installed.

Each case here once installed and then stopped ``search``, ``index``, ``screenshot`` or the window at every
start, or crashed with a RecursionError or a traceback.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reader import paths
from reader.library import open_library
from reader.loader import ContentError, load_guide
from reader.packs import PackError, add, create, import_document, scan
from reader.packs.limits import CONTENT_LIMITS
from tests.hostile import HOSTILE_HTML, HOSTILE_MARKDOWN, LONG_TITLE
from tests.packkit import folder_entries, tree_hash, write_pack_folder, zip_entries, zip_folder

REFUSED_WITHIN = 5.0  # seconds; each is refused in well under a second on a quiet machine


def _refused(action, *args, **kwargs) -> tuple[str, float]:
    started = time.perf_counter()
    with pytest.raises(PackError) as raised:
        action(*args, **kwargs)
    return str(raised.value), time.perf_counter() - started


@pytest.mark.parametrize("name", list(HOSTILE_MARKDOWN))
def test_a_hostile_markdown_import_is_refused_quickly_naming_the_users_file(name: str, tmp_path: Path) -> None:
    document = tmp_path / "notes.md"
    document.write_text(HOSTILE_MARKDOWN[name], encoding="utf-8")
    before = tree_hash(paths.data_dir())
    message, took = _refused(import_document, document)
    assert message.startswith("notes.md"), message
    assert took < REFUSED_WITHIN, f"{name}: {took:.1f} s"
    assert tree_hash(paths.data_dir()) == before


@pytest.mark.parametrize("name", list(HOSTILE_HTML))
def test_a_hostile_web_page_import_is_refused_quickly(name: str, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(HOSTILE_HTML[name], encoding="utf-8")
    message, took = _refused(import_document, page)
    assert message.startswith("page.html") and "Recursion" not in message, message
    assert took < REFUSED_WITHIN, f"{name}: {took:.1f} s"


def test_a_deep_but_small_web_page_is_flattened_not_a_recursion_error(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<div>" * 200 + "Deep words." + "</div>" * 200, encoding="utf-8")
    section = import_document(page)
    assert "Deep words." in section.body


@pytest.mark.parametrize("name", ["50,000 [", "10,000-deep <div>", "list nested 200 deep (80 KB)",
                                  "80,000 &amp; (470 KB)"])
def test_a_hostile_pack_is_refused_and_nothing_is_installed(name: str, tmp_path: Path) -> None:
    folder = write_pack_folder(tmp_path / "src", sections=[("fine", "Fine", "Fine words.\n"),
                                                           ("hostile", "Hostile", HOSTILE_MARKDOWN[name])])
    pack = zip_folder(folder, tmp_path / "pack.zip")
    before = tree_hash(paths.data_dir())
    message, took = _refused(add, pack)
    assert message.startswith("hostile.md"), message
    assert took < REFUSED_WITHIN
    assert tree_hash(paths.data_dir()) == before


def test_a_huge_section_title_is_refused(tmp_path: Path) -> None:
    folder = write_pack_folder(tmp_path / "src", sections=[("long", LONG_TITLE, "Words.\n")])
    message, took = _refused(add, zip_folder(folder, tmp_path / "pack.zip"))
    assert "manifest.yaml" in message and "too large" in message and took < REFUSED_WITHIN


def test_a_long_section_title_is_refused(tmp_path: Path) -> None:
    folder = write_pack_folder(tmp_path / "src", sections=[("long", LONG_TITLE[:10_000], "Words.\n")])
    message, took = _refused(add, zip_folder(folder, tmp_path / "pack.zip"))
    assert "the title is 10,000 characters long" in message and took < REFUSED_WITHIN


def test_a_pack_edited_by_hand_afterwards_is_left_out_at_start_not_shown(tmp_path: Path) -> None:
    add(zip_folder(write_pack_folder(tmp_path / "src"), tmp_path / "pack.zip"))
    installed = paths.data_dir() / "packs" / "local-stories" / "lunch-club.md"
    installed.write_text("---\nsummary: x\n---\n" + HOSTILE_MARKDOWN["50,000 ["], encoding="utf-8")
    started = time.perf_counter()
    library = open_library()
    assert time.perf_counter() - started < REFUSED_WITHIN
    assert "lunch-club" not in library.guide and "garden-group" not in library.guide
    assert library.problems and "lunch-club.md" in library.problems[0]


def test_the_bundled_guide_is_held_to_the_same_limits(tmp_path: Path) -> None:
    folder = write_pack_folder(tmp_path / "content", sections=[("a", "A", HOSTILE_MARKDOWN["50,000 nested *"])])
    with pytest.raises(ContentError, match="'\\*' or '_'"):
        load_guide(folder)


def test_the_bundled_guide_is_well_within_the_limits() -> None:
    guide = load_guide(paths.content_dir())
    assert max(len(section.body.encode()) for section in guide) < CONTENT_LIMITS.max_section_bytes // 4


@pytest.mark.parametrize("attributes", ['{: onclick="alert(1)" }', '{: style="background: url(http://x.test/a)" }'])
def test_attribute_lists_cannot_bring_in_what_raw_html_may_not(attributes: str, tmp_path: Path) -> None:
    body = f"A paragraph with an attribute list.\n{attributes}\n"
    folder = write_pack_folder(tmp_path / "src", sections=[("page", "Page", body)])
    message, _ = _refused(add, zip_folder(folder, tmp_path / "pack.zip"))
    assert message.startswith("page.md:"), message
    document = tmp_path / "notes.md"
    document.write_text(body, encoding="utf-8")
    message, _ = _refused(import_document, document)
    assert message.startswith("notes.md:2"), message
    with pytest.raises(PackError):
        create(folder, tmp_path / "made.zip")


def test_yaml_nested_thousands_deep_is_a_message_not_a_recursion_error(tmp_path: Path) -> None:
    manifest = "name: deep\ntitle: Deep\nsections: " + "[" * 10_000 + "]" * 10_000 + "\n"
    message, _ = _refused(add, zip_entries(tmp_path / "deep.zip", [("manifest.yaml", manifest), ("a.md", "A")]))
    assert "nest" in message  # "nested too deeply", or libyaml's "exceeded maximum nesting depth"


@pytest.mark.parametrize(("name", "said"), [
    ("/".join(["d"] * 2000) + "/a.md", "folders"),
    ("CON.md", "Windows"), ("aux.md", "Windows"), ("notes/nul.txt", "Windows"), ("com1.yaml", "Windows"),
    ("what?.md", "Windows"), ("trailing.md.", "Windows"),
    ("evil\u202egpj.md", "characters"), ("x" * 200 + ".md", "at most"),
])
def test_names_no_computer_can_hold_are_refused(name: str, said: str, tmp_path: Path) -> None:
    folder = write_pack_folder(tmp_path / "src")
    pack = zip_entries(tmp_path / "bad.zip", [*folder_entries(folder), (name, "Text")])
    message, _ = _refused(add, pack)
    assert said in message and "Recursion" not in message


def test_create_refuses_a_name_windows_cannot_hold(tmp_path: Path) -> None:
    folder = write_pack_folder(tmp_path / "src", extra={"notes/aux.md": "Text"})
    message, _ = _refused(create, folder, tmp_path / "made.zip")
    assert "Windows" in message and not (tmp_path / "made.zip").exists()


# Unbounded and odd reads ---------------------------------------------------------------------

@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero on this system")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_importing_a_device_is_refused_without_reading_it(device: str, tmp_path: Path) -> None:
    link = tmp_path / "endless.md"
    link.symlink_to(device)
    message, took = _refused(import_document, link)
    assert "not an ordinary file" in message and took < 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_importing_a_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    message, took = _refused(import_document, pipe)
    assert "not an ordinary file" in message and took < 1


def test_importing_a_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "folder.md").mkdir()
    message, _ = _refused(import_document, tmp_path / "folder.md")
    assert "is a folder" in message


def test_binary_data_named_as_markdown_is_refused_at_once(tmp_path: Path) -> None:
    binary = tmp_path / "photo.md"
    binary.write_bytes(os.urandom(1024 * 1024))
    message, took = _refused(import_document, binary)
    assert "not a text file" in message and took < 1


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_text_from_notepad_is_read_as_written(encoding: str, tmp_path: Path) -> None:
    document = tmp_path / "notes.txt"
    data = "Hello from the café group.\n".encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    document.write_bytes(data)
    section = import_document(document)
    assert "Hello from the café group." in section.body and "ÿþ" not in section.body


@pytest.mark.parametrize("kind", ["folder", "pipe", "device"])
def test_pack_add_says_what_the_path_is_not_that_it_is_missing(kind: str, tmp_path: Path) -> None:
    target = tmp_path / "thing.zip"
    if kind == "folder":
        target.mkdir()
    elif kind == "pipe":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes on this system")
        os.mkfifo(target)
    else:
        if not os.path.exists("/dev/zero"):
            pytest.skip("no /dev/zero on this system")
        target.symlink_to("/dev/zero")
    message, took = _refused(add, target)
    assert "no such file" not in message and took < 1
    assert ("folder" in message) if kind == "folder" else ("not an ordinary file" in message)


def test_a_refused_web_page_names_the_users_file_not_a_staging_copy(tmp_path: Path) -> None:
    page = tmp_path / "minutes.html"
    page.write_text("<h1>Minutes</h1>" + "<p>" + "[" * 300 + "</p>", encoding="utf-8")
    message, _ = _refused(import_document, page)
    assert message.startswith("minutes.html") and ".md" not in message.split(":")[0], message


def test_scan_at_start_is_quick_even_with_hostile_installed_content(tmp_path: Path) -> None:
    for number in range(3):
        add(zip_folder(write_pack_folder(tmp_path / f"src{number}", name=f"pack-{number}",
                                         sections=[(f"s{number}", "S", "Words.\n")]), tmp_path / f"{number}.zip"))
        (paths.data_dir() / "packs" / f"pack-{number}" / f"s{number}.md").write_text(
            HOSTILE_MARKDOWN["10,000-deep <div>"], encoding="utf-8")
    started = time.perf_counter()
    installed, broken = scan()
    assert time.perf_counter() - started < REFUSED_WITHIN
    assert not installed and len(broken) == 3


def test_a_section_that_takes_too_long_to_prepare_is_refused(tmp_path: Path) -> None:
    from reader.packs.validate import prove

    folder = write_pack_folder(tmp_path / "src")
    ticks = iter(range(0, 10_000, 100))  # a clock that says every section took 100 seconds
    guide = load_guide(folder)
    with pytest.raises(PackError, match=r"lunch-club\.md: preparing the text took more than 15 seconds"):
        prove(guide.sections, folder, guide, clock=lambda: float(next(ticks)))


def test_markup_pythons_html_parser_gives_up_on_is_refused_not_a_crash(tmp_path: Path) -> None:
    body = "Some words.\n\n<div>\n<![a[ what ]]>\n</div>\n"  # found by probing with random Markdown
    folder = write_pack_folder(tmp_path / "src", sections=[("page", "Page", body)])
    message, _ = _refused(add, zip_folder(folder, tmp_path / "pack.zip"))
    assert message.startswith("page.md:") and "malformed" in message
    document = tmp_path / "notes.md"
    document.write_text(body, encoding="utf-8")
    message, _ = _refused(import_document, document)
    assert message.startswith("notes.md:4")
    page = tmp_path / "page.html"
    page.write_text(f"<p>{body}</p>", encoding="utf-8")
    assert "Some words." in import_document(page).body


def test_checking_content_uses_a_scratch_folder_of_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whoosh's in-memory index spills into one shared "MAIN.tmp" in the temporary folder, where two copies of
    the reader checking content at once deleted each other's files; one left there by another user blocked it."""
    import tempfile

    shared_temp = tmp_path / "temp"
    shared_temp.mkdir()
    (shared_temp / "MAIN.tmp").write_text("another program's file")
    monkeypatch.setattr(tempfile, "tempdir", str(shared_temp))
    pack = create(write_pack_folder(tmp_path / "stories"), tmp_path / "stories.zip")
    assert pack.path.exists()
    assert sorted(p.name for p in shared_temp.iterdir()) == ["MAIN.tmp"]  # and nothing of ours left behind


@pytest.mark.parametrize("broken", ["stemmed", "unstemmed", "pairs"])
def test_text_the_search_index_cannot_take_is_refused_naming_its_file(broken: str, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The check analyses each passage for every search field as the index writer does (no scratch index is
    written): a failure in any of the analysers refuses the pack, naming the file, and nothing is installed."""
    from reader.search import filters

    def poisoned(real):
        def call(self, tokens):
            for token in real(self, tokens):
                stemmed = getattr(self, "stemming", None)
                if "poison" in token.text and (broken == "pairs" or stemmed == (broken == "stemmed")):
                    raise ValueError("the analyser broke")
                yield token
        return call

    target = filters.PairFilter if broken == "pairs" else filters.WordFilter
    monkeypatch.setattr(target, "__call__", poisoned(target.__call__))
    folder = write_pack_folder(tmp_path / "src", sections=[("fine", "Fine", "Fine words.\n"),
                                                           ("hostile", "Hostile", "Some poisonous words.\n")])
    before = tree_hash(paths.data_dir())
    message, _ = _refused(add, zip_folder(folder, tmp_path / "pack.zip"))
    assert message.startswith("hostile.md: the reader could not show it (ValueError"), message
    assert tree_hash(paths.data_dir()) == before
