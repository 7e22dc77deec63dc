"""Every bad pack is refused with a message that says what is wrong, and nothing on disk changes."""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from reader import paths
from reader.packs import PackError, add, create, list_packs
from tests.packkit import folder_entries, tree_hash, write_pack_folder, zip_entries, zip_folder

MANIFEST = "name: bad\ntitle: Bad\nsections:\n  - id: page\n    file: page.md\n    title: Page\n    kind: examples\n"


def _good(tmp_path: Path, body: str = "Some words.\n", **kwargs) -> list[tuple[str, bytes]]:
    folder = write_pack_folder(tmp_path / "src", name="bad", title="Bad", sections=[("page", "Page", body)],
                               **kwargs)
    return folder_entries(folder)


def _with(tmp_path: Path, *extra: tuple[str | zipfile.ZipInfo, bytes | str], body: str = "Some words.\n",
          **kwargs) -> Path:
    return zip_entries(tmp_path / "bad.zip", [*_good(tmp_path, body, **kwargs), *extra])


def _manifest(tmp_path: Path, manifest: str, pages: dict[str, str] | None = None) -> Path:
    pages = {"page.md": "Some words.\n"} if pages is None else pages
    return zip_entries(tmp_path / "bad.zip", [("manifest.yaml", manifest), *pages.items()])


def _info(name: str, mode: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = mode << 16
    return info


def _raw(tmp_path: Path, data: bytes) -> Path:
    (tmp_path / "bad.zip").write_bytes(data)
    return tmp_path / "bad.zip"


def _central_entries(data: bytearray) -> dict[bytes, int]:
    """Offsets of each central directory entry, by file name."""
    entries: dict[bytes, int] = {}
    offset = data.find(b"PK\x01\x02")
    while offset != -1:
        name_length = int.from_bytes(data[offset + 28:offset + 30], "little")
        entries[bytes(data[offset + 46:offset + 46 + name_length])] = offset
        offset = data.find(b"PK\x01\x02", offset + 46 + name_length)
    return entries


def _encrypted(tmp_path: Path) -> Path:
    """Python cannot write an encrypted zip: set the 'encrypted' flag as a tool that can would."""
    path = _with(tmp_path, ("notes.txt", "secret"))
    data = bytearray(path.read_bytes())
    offset = _central_entries(data)[b"notes.txt"]
    data[offset + 8] |= 0x1
    path.write_bytes(bytes(data))
    return path


def _too_many(tmp_path: Path) -> Path:
    return _with(tmp_path, *((f"notes/{n}.txt", "x") for n in range(500)))


def _too_big(tmp_path: Path) -> Path:
    chunk = os.urandom(1024 * 1024).hex()  # 2 MB of text that does not compress much
    return zip_entries(tmp_path / "bad.zip", [*_good(tmp_path), *((f"big{n}.txt", chunk) for n in range(11))])


def _bomb(tmp_path: Path) -> Path:
    return _with(tmp_path, ("notes.txt", b"a" * (8 * 1024 * 1024)))


def _lying_size(tmp_path: Path) -> Path:
    """The zip says 10 bytes; the data inflates to far more."""
    path = _with(tmp_path, ("notes.txt", b"hello " * 50_000))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zip_file:
        local = zip_file.getinfo("notes.txt").header_offset
    data[local + 22:local + 26] = (10).to_bytes(4, "little")
    offset = _central_entries(data)[b"notes.txt"]
    data[offset + 24:offset + 28] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    return path


def _picture_outside(tmp_path: Path) -> Path:
    """A picture path that climbs out of the pack's folder to a file of the user's."""
    private = tmp_path / "private.png"
    private.write_bytes(b"\x89PNG\r\n\x1a\n")
    climb = os.path.relpath(private, paths.data_dir() / "packs" / "staging")
    return _with(tmp_path, body=f"![A private picture]({climb})\n")


def _clash_other_pack(tmp_path: Path) -> Path:
    first = write_pack_folder(tmp_path / "first", name="first", sections=[("page", "Page", "First.\n")])
    add(create(first, tmp_path / "first.zip").path)
    return _with(tmp_path)


CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "not a zip": (lambda t: _raw(t, b"just text"), r"^bad\.zip is not a zip file$"),
    "truncated zip": (lambda t: _raw(t, _with(t).read_bytes()[:-30]), r"not a zip file|damaged"),
    "missing file": (lambda t: t / "nowhere.zip", r"no such file"),
    "parent path": (lambda t: _with(t, ("../evil.md", "x")), r"'\.\./evil\.md' points outside"),
    "deep parent path": (lambda t: _with(t, ("notes/../../evil.md", "x")), r"points outside"),
    "absolute path": (lambda t: _with(t, ("/tmp/evil.md", "x")), r"is an absolute path"),
    "drive path": (lambda t: _with(t, ("C:/evil.md", "x")), r"is an absolute path"),
    "backslash path": (lambda t: _with(t, ("..\\evil.md", "x")), r"characters not allowed"),
    "symlink": (lambda t: _with(t, (_info("link.md", stat.S_IFLNK | 0o777), "/etc/passwd")), r"'link\.md' is a link"),
    "device": (lambda t: _with(t, (_info("dev.md", stat.S_IFCHR | 0o644), "")), r"not an ordinary file"),
    "encrypted": (_encrypted, r"is encrypted"),
    "twice in zip": (lambda t: _with(t, ("Page.md", "again")), r"'Page\.md' appears twice"),
    "too many files": (_too_many, r"more than 500 files"),
    "too big": (_too_big, r"more than 20 MB"),
    "zip bomb": (_bomb, r"compressed suspiciously well"),
    "lying size": (_lying_size, r"larger than the zip says|damaged"),
    "program file": (lambda t: _with(t, ("tool.exe", b"MZ")), r"'tool\.exe' is not allowed in a pack"),
    "fake picture": (lambda t: _with(t, ("photo.png", b"<html>")),
                     r"'photo\.png' is named as a picture but is not one"),
    "no manifest": (lambda t: zip_entries(t / "bad.zip", [("page.md", "x")]), r"no manifest\.yaml at its top level"),
    "malformed manifest": (lambda t: _manifest(t, "name: bad\ntitle: Bad\nsections: [\n  - id: page\n"),
                           r"^manifest\.yaml:\d+: malformed YAML"),
    "unknown key": (lambda t: _manifest(t, MANIFEST + "    colour: red\n"), r"^manifest\.yaml:4: unknown key"),
    "missing section file": (lambda t: _manifest(t, MANIFEST, pages={}),
                             r"manifest\.yaml:4: file 'page\.md' is missing"),
    "duplicate id": (lambda t: _manifest(t, MANIFEST + MANIFEST.split("sections:\n")[1]),
                     r"manifest\.yaml:8: duplicate section id 'page' \(first used on line 4\)"),
    "no name": (lambda t: _manifest(t, MANIFEST.replace("name: bad\n", "")), r"needs a 'name'"),
    "no title": (lambda t: _manifest(t, MANIFEST.replace("title: Bad\n", "")), r"needs a 'title'"),
    "reserved name": (lambda t: _manifest(t, MANIFEST.replace("name: bad", "name: guide")),
                      r"kept for the bundled guide"),
    "clash with guide": (lambda t: _manifest(t, MANIFEST.replace("id: page", "id: foreword")),
                         r"manifest\.yaml:4: section id 'foreword' is already used by the bundled guide"),
    "clash with pack": (_clash_other_pack, r"section id 'page' is already used by the content pack 'first'"),
    "malformed front matter": (lambda t: _manifest(t, MANIFEST, {"page.md": "---\nsummary: [\n---\nText\n"}),
                               r"^page\.md:\d+: malformed front matter"),
    "not utf-8": (lambda t: _manifest(t, MANIFEST, {"page.md": b"caf\xe9\n"}), r"^page\.md: not UTF-8"),
    "script": (lambda t: _with(t, body="Hello.\n\n<script>alert('hi')</script>\n"),
               r"^page\.md:6: raw HTML <script> is not allowed"),
    "event handler": (lambda t: _with(t, body='Hello <b onmouseover="steal()">there</b>.\n'),
                      r"^page\.md:4: the event handler 'onmouseover' on <b>"),
    "remote picture": (lambda t: _with(t, body='<img src="https://tracker.example/p.gif" alt="">\n'),
                       r"^page\.md:4: 'https://tracker\.example/p\.gif' would be loaded from the internet"),
    "iframe": (lambda t: _with(t, body='<iframe src="https://example.org"></iframe>\n'), r"raw HTML <iframe>"),
    "javascript link": (lambda t: _with(t, body="Click [here](javascript:alert(1)).\n"),
                        r"^page\.md:4: the address 'javascript:alert\(1\)' on <a> is not allowed"),
    "file link": (lambda t: _with(t, body="Open [this](file:///C:/Windows/System32/cmd.exe).\n"),
                  r"the address 'file:///C:/Windows/System32/cmd\.exe'"),
    "picture outside": (_picture_outside, r"^page\.md:4: the picture 'private\.png' is outside the pack's folder"),
    "styled remote": (lambda t: _with(t, body='<p style="background: url(https://x.example/a.png)">Hi</p>\n'),
                      r"a style on <p> that loads a resource"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_pack_is_refused_and_nothing_changes(case: str, tmp_path: Path) -> None:
    build, message = CASES[case]
    bad = build(tmp_path)
    before = tree_hash(paths.data_dir())
    installed_before = [p.name for p in list_packs()]
    with pytest.raises(PackError, match=message):
        add(bad)
    assert tree_hash(paths.data_dir()) == before
    assert [p.name for p in list_packs()] == installed_before


def test_the_refusal_message_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(PackError) as caught:
        add(_with(tmp_path, body="<script>x</script>\n"))
    assert "\n" not in str(caught.value)


def test_create_refuses_what_add_would(tmp_path: Path) -> None:
    folder = write_pack_folder(tmp_path / "src", sections=[("page", "Page", "<script>x</script>\n")])
    with pytest.raises(PackError, match=r"page\.md:4: raw HTML <script>"):
        create(folder, tmp_path / "out.zip")
    assert not (tmp_path / "out.zip").exists()
    folder = write_pack_folder(tmp_path / "src2")
    (folder / "link.md").symlink_to(folder / "lunch-club.md")
    with pytest.raises(PackError, match=r"'link\.md' is a link"):
        create(folder, tmp_path / "out.zip")
    with pytest.raises(PackError, match=r"must end in \.zip"):
        create(write_pack_folder(tmp_path / "src3"), tmp_path / "out.tar")


def test_markdown_pictures_from_the_web_are_allowed_but_never_fetched(tmp_path: Path) -> None:
    """A Markdown picture is shown as its description offline, so it is no reason to refuse a pack."""
    from reader.render import render_section

    pack = add(_with(tmp_path, body="![A photo of the group](https://example.org/group.jpg)\n"))
    html = render_section(pack.sections[0]).html
    assert "https://example.org" not in html and "[Picture: A photo of the group]" in html


def test_pictures_inside_the_pack_are_shown(tmp_path: Path) -> None:
    from reader.render import render_section

    pixel = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                          "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
    pack = add(_with(tmp_path, ("pictures/dot.png", pixel), body="![A dot](pictures/dot.png)\n"))
    html = render_section(pack.sections[0]).html
    assert f'src="{pack.folder / "pictures" / "dot.png"}"' in html and 'alt="A dot"' in html


def test_zipped_folder_with_a_folder_made_by_the_tool(tmp_path: Path) -> None:
    folder = write_pack_folder(tmp_path / "src")
    zip_folder(folder, tmp_path / "ok.zip", prefix="src/")
    assert add(tmp_path / "ok.zip").name == "local-stories"
