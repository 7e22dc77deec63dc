"""The index folder: only our own builds are ever deleted, and an index we did not build is never unpickled."""

from __future__ import annotations

import json
import os
import pickle
import time
from pathlib import Path

import pytest

from reader.search import SearchIndex, store

from .search_content import mini_guide


@pytest.fixture
def built(tmp_path):
    guide = mini_guide(tmp_path / "content")
    root = tmp_path / "shared" / "index"
    with SearchIndex.open_or_build(guide, roots=[root]) as index:
        assert index.report.action == "rebuilt"
    return guide, root


def _pointer(root: Path) -> dict:
    return json.loads((root / store.POINTER).read_text())


def test_the_sweep_leaves_folders_that_only_look_like_ours(built, tmp_path):
    guide, root = built
    theirs = [root / "ix-2023-minutes", root / "ix-family-photos", root / ".build-holiday",
              root / ("ix-" + "0" * 31 + "g")]
    for folder in theirs:
        folder.mkdir()
        (folder / "precious.txt").write_text("keep me")
    old = time.time() - 10 * store.ABANDONED_AFTER
    os.utime(root / ".build-holiday", (old, old))
    with SearchIndex.open_or_build(guide, roots=[root], rebuild=True):
        pass
    for folder in theirs:
        assert (folder / "precious.txt").read_text() == "keep me"


def test_the_sweep_never_follows_a_link(built, tmp_path):
    guide, root = built
    elsewhere = tmp_path / "photos"
    elsewhere.mkdir()
    (elsewhere / "holiday.jpg").write_bytes(b"\xff\xd8\xffphoto")
    name = "ix-" + "a" * 32
    (root / name).symlink_to(elsewhere, target_is_directory=True)
    with SearchIndex.open_or_build(guide, roots=[root], rebuild=True):
        pass
    assert (elsewhere / "holiday.jpg").exists() and (root / name).is_symlink()


def test_an_old_looking_build_holding_anything_but_files_is_left_alone(built):
    guide, root = built
    name = "ix-" + "b" * 32
    (root / name / "sub").mkdir(parents=True)
    (root / name / "sub" / "notes.txt").write_text("mine")
    with SearchIndex.open_or_build(guide, roots=[root], rebuild=True):
        pass
    assert (root / name / "sub" / "notes.txt").exists()


def test_superseded_builds_of_ours_are_still_swept(built):
    guide, root = built
    first = _pointer(root)["dir"]
    with SearchIndex.open_or_build(guide, roots=[root], rebuild=True):
        pass
    assert not (root / first).exists()


class _Boom:
    def __reduce__(self):
        return (Path.write_text, (Path(os.environ["COPRODUCTION_READER_HOME"]) / "pwned", "ran"))


def test_a_forged_table_of_contents_with_recomputed_hashes_is_never_unpickled(built):
    guide, root = built
    pointer = _pointer(root)
    live = root / pointer["dir"]
    toc = next(path for path in live.iterdir() if path.suffix == ".toc")
    toc.write_bytes(pickle.dumps(_Boom()))
    pointer["files"] = store.file_fingerprint(live)  # the attacker recomputes every hash
    (root / store.POINTER).write_text(json.dumps(pointer))
    inspection = store.inspect(root, store.content_fingerprint(guide))
    assert inspection.status == "damaged" and "not written by this reader" in inspection.detail
    with SearchIndex.open_or_build(guide, roots=[root]) as index:
        assert index.report.action == "rebuilt" and index.search("coproduction").total == 3
    assert not (Path(os.environ["COPRODUCTION_READER_HOME"]) / "pwned").exists()


def test_a_pointer_without_a_signature_is_not_trusted(built):
    guide, root = built
    pointer = _pointer(root)
    del pointer["signature"]
    (root / store.POINTER).write_text(json.dumps(pointer))
    assert store.inspect(root, store.content_fingerprint(guide)).status == "damaged"


def test_the_key_lives_beside_the_index_folder_never_inside_it(built):
    _, root = built
    assert store.key_file(root).parent == root.parent and store.key_file(root).stat().st_size >= 32
    assert not any("key" in path.name for path in root.iterdir())


@pytest.mark.parametrize("change", [
    {"documents": "abc"}, {"documents": -1}, {"documents": True}, {"sections": "abc"}, {"sections": {"a": 1}},
    {"files": {"x": "y"}}, {"files": {"../../etc/passwd": [1, "x"]}}, {"files": {"x": [1]}}, {"dir": 5},
    {"recipe": None},
])
def test_a_pointer_with_wrong_types_means_rebuild_not_crash(built, change):
    guide, root = built
    pointer = {**_pointer(root), **change}
    (root / store.POINTER).write_text(json.dumps(pointer))
    assert store.inspect(root, store.content_fingerprint(guide)).status == "damaged"
    with SearchIndex.open_or_build(guide, roots=[root]) as index:
        assert index.report.action == "rebuilt"


@pytest.mark.parametrize("text", ["[" * 100_000 + "]" * 100_000, '{"format": NaN}', "\x00" * 10])
def test_a_damaged_pointer_means_rebuild(built, text):
    guide, root = built
    (root / store.POINTER).write_text(text)
    with SearchIndex.open_or_build(guide, roots=[root]) as index:
        assert index.report.action == "rebuilt"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_in_place_of_the_pointer_never_blocks(built):
    guide, root = built
    (root / store.POINTER).unlink()
    os.mkfifo(root / store.POINTER)
    started = time.perf_counter()
    inspection = store.inspect(root, store.content_fingerprint(guide))
    assert inspection.status == "damaged" and time.perf_counter() - started < 1
