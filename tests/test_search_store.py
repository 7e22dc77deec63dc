"""The index on disk: always fresh, never lost, never trusted blindly, safe with two copies running."""

from __future__ import annotations

import fcntl
import json
import os
import pickle
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reader.loader import load_guide
from reader.model import Section
from reader.search import SearchIndex, store
from reader.search.index import IndexUnavailable

from .conftest import CONTENT, ROOT
from .search_content import mini_guide


def live_folder(root: Path) -> Path:
    return root / json.loads((root / store.POINTER).read_text())["dir"]


def whoosh_file(root: Path, suffix: str) -> Path:
    return next(p for p in live_folder(root).iterdir() if p.name.endswith(suffix))


@pytest.fixture
def built(tmp_path):
    """A mini guide and a freshly built index of it; the index is closed again at once."""
    guide = mini_guide(tmp_path / "content")
    root = tmp_path / "index"
    with SearchIndex.open_or_build(guide, roots=[root]) as index:
        assert index.report.action == "rebuilt"
    return guide, root


def reopen(guide, root: Path) -> SearchIndex:
    return SearchIndex.open_or_build(guide, roots=[root])


def test_first_start_builds_and_second_start_opens(built):
    guide, root = built
    with reopen(guide, root) as index:
        assert (index.report.found, index.report.action) == ("fresh", "opened")
        assert index.search("coproduction").total == 3
    assert store.inspect(root, store.content_fingerprint(guide)).fresh


def test_content_change_rebuilds_with_the_new_words(built, tmp_path):
    _, root = built
    path = tmp_path / "content" / "other.md"
    path.write_text("Allotments and community gardens.\n", encoding="utf-8")
    changed = load_guide(tmp_path / "content")
    with reopen(changed, root) as index:
        assert (index.report.found, index.report.action) == ("stale", "rebuilt")
        assert "1 section changed" in index.report.detail
        assert [h.section for h in index.search("allotment").results] == ["other"]
        assert index.search("goods").total == 0


def test_added_and_removed_sections_make_it_stale(built, tmp_path):
    guide, root = built
    fewer = guide.sections[:-1]
    with reopen(fewer, root) as index:
        assert index.report.found == "stale" and "1 section removed" in index.report.detail
        assert index.search("café").total == 0


def test_another_version_of_the_reader_makes_it_stale(built, monkeypatch):
    guide, root = built
    monkeypatch.setattr(store, "recipe", lambda: "schema 999; markdown 0")
    with reopen(guide, root) as index:
        assert (index.report.found, index.report.action) == ("stale", "rebuilt")
        assert "another version" in index.report.detail


def _delete_segment(root):
    whoosh_file(root, ".seg").unlink()


def _truncate_segment(root):
    path = whoosh_file(root, ".seg")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _corrupt_segment_same_size(root):
    path = whoosh_file(root, ".seg")
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 64] = bytes(255 - b for b in data[middle:middle + 64])
    path.write_bytes(bytes(data))


def _delete_toc(root):
    whoosh_file(root, ".toc").unlink()


def _alter_toc(root):
    path = whoosh_file(root, ".toc")
    data = bytearray(path.read_bytes())
    data[10] ^= 0xFF
    path.write_bytes(bytes(data))


def _extra_file(root):
    (live_folder(root) / "_MAIN_2.toc").write_bytes(b"not ours")


def _garbage_pointer(root):
    (root / store.POINTER).write_text("{not json", encoding="utf-8")


def _pointer_elsewhere(root):
    pointer = json.loads((root / store.POINTER).read_text())
    pointer["dir"] = "../../somewhere"
    (root / store.POINTER).write_text(json.dumps(pointer), encoding="utf-8")


def _delete_live_folder(root):
    import shutil

    shutil.rmtree(live_folder(root))


DAMAGE = [_delete_segment, _truncate_segment, _corrupt_segment_same_size, _delete_toc, _alter_toc,
          _extra_file, _garbage_pointer, _pointer_elsewhere, _delete_live_folder]


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__.strip("_"))
def test_damaged_index_is_noticed_and_rebuilt(built, damage):
    guide, root = built
    damage(root)
    assert store.inspect(root, store.content_fingerprint(guide)).status == "damaged"
    with reopen(guide, root) as index:
        assert (index.report.found, index.report.action) == ("damaged", "rebuilt")
        assert index.search("coproduction").total == 3
        assert index.check().found == "fresh"


class _Payload:
    """Unpickling this creates a file: proof that a table of contents was loaded."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def test_a_planted_table_of_contents_is_never_unpickled(built, tmp_path):
    guide, root = built
    marker = tmp_path / "code-ran"
    toc = whoosh_file(root, ".toc")
    toc.write_bytes(pickle.dumps(_Payload(marker)))
    with reopen(guide, root) as index:
        assert index.report.action == "rebuilt"
    assert not marker.exists()


def test_a_planted_index_without_our_pointer_is_never_opened(tmp_path):
    guide = mini_guide(tmp_path / "content")
    root = tmp_path / "index"
    planted = root / ("ix-" + "0" * 32)
    planted.mkdir(parents=True)
    marker = tmp_path / "code-ran"
    (planted / "_MAIN_1.toc").write_bytes(pickle.dumps(_Payload(marker)))
    with reopen(guide, root) as index:
        assert (index.report.found, index.report.action) == ("missing", "rebuilt")
    assert not marker.exists()
    assert not planted.exists()  # swept away as a superseded build


def test_a_failed_build_leaves_the_old_index_in_use(built, tmp_path, monkeypatch):
    guide, root = built
    before = (root / store.POINTER).read_bytes()
    (tmp_path / "content" / "other.md").write_text("Something new.\n", encoding="utf-8")
    changed = load_guide(tmp_path / "content")

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("reader.search.build.add_documents", crash)
    with pytest.raises(OSError):
        reopen(changed, root)
    assert (root / store.POINTER).read_bytes() == before
    assert not [p for p in root.iterdir() if p.name.startswith(store.BUILD_PREFIX)]
    with reopen(guide, root) as index:  # the old content still opens, untouched
        assert index.report.action == "opened"


def test_abandoned_builds_are_swept_but_recent_ones_kept(built):
    guide, root = built
    old = root / f"{store.BUILD_PREFIX}{'a' * 32}"
    recent = root / f"{store.BUILD_PREFIX}{'b' * 32}"
    for folder in (old, recent):
        folder.mkdir()
        (folder / "half.seg").write_bytes(b"x")
    hours_ago = time.time() - 2 * store.ABANDONED_AFTER
    os.utime(old, (hours_ago, hours_ago))
    with SearchIndex.open_or_build(guide, roots=[root]) as index:
        index.rebuild()
    assert not old.exists() and recent.exists()
    assert len([p for p in root.iterdir() if p.name.startswith(store.LIVE_PREFIX)]) == 1


# Where the index lives -------------------------------------------------------------------------

def test_read_only_install_uses_the_cache(tmp_path):
    guide = mini_guide(tmp_path / "content")
    blocker = tmp_path / "installed-read-only"
    blocker.write_text("a file: nothing can be created beneath it, even by an administrator")
    bundled, cache = blocker / "index", tmp_path / "cache" / "index"
    assert not store.can_write(bundled)
    with SearchIndex.open_or_build(guide, roots=[bundled, cache]) as index:
        assert index.report.action == "rebuilt" and index.report.fallback
        assert index.location == cache
        assert index.search("coproduction").total == 3
    with SearchIndex.open_or_build(guide, roots=[bundled, cache]) as index:
        assert (index.report.action, index.location) == ("opened", cache)


def test_fresh_bundled_index_is_used_even_when_not_writable(built, tmp_path, monkeypatch):
    guide, bundled = built
    cache = tmp_path / "cache" / "index"
    monkeypatch.setattr(store, "can_write", lambda root: root != bundled)
    with SearchIndex.open_or_build(guide, roots=[bundled, cache]) as index:
        assert (index.report.action, index.location, index.report.fallback) == ("opened", bundled, False)
    assert not cache.exists()


def test_stale_bundled_index_that_cannot_be_written_is_rebuilt_in_the_cache(built, tmp_path, monkeypatch):
    guide, bundled = built
    cache = tmp_path / "cache" / "index"
    before = (bundled / store.POINTER).read_bytes()
    monkeypatch.setattr(store, "can_write", lambda root: root != bundled)
    changed = guide.sections[1:]
    with SearchIndex.open_or_build(changed, roots=[bundled, cache]) as index:
        assert (index.report.found, index.report.action, index.location) == ("stale", "rebuilt", cache)
        assert any("cannot be written" in step for step in index.report.steps)
    assert (bundled / store.POINTER).read_bytes() == before


def test_no_writable_folder_is_a_clear_error(tmp_path):
    guide = mini_guide(tmp_path / "content")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(IndexUnavailable, match="no folder can hold the search index"):
        SearchIndex.open_or_build(guide, roots=[blocker / "a", blocker / "b"])


def test_default_locations_follow_the_environment(user_home):
    from reader.search.index import default_roots

    assert default_roots() == [user_home / "bundled-index", user_home / "cache" / "index"]


# Content packs: sections added and removed without a full rebuild ---------------------------------

def test_add_and_remove_sections(built, tmp_path, monkeypatch):
    guide, root = built
    page = tmp_path / "pack" / "allotments.md"
    page.parent.mkdir()
    page.write_text("Allotments", encoding="utf-8")
    extra = Section("allotments", "Allotments", "examples", page,
                    "Our allotment group grows food with neighbours.", ("community",), pack="garden")
    with reopen(guide, root) as index:
        monkeypatch.setattr("reader.search.build.write_index",
                            lambda *a, **k: pytest.fail("a full rebuild was not expected"))
        assert index.add_sections([extra]) == 1
        found = index.search("allotments")
        assert [(h.section, h.anchor) for h in found.results] == [("allotments", "p1")]
        assert index.search("coproduction").total == 3
        with reopen([*guide, extra], root) as again:  # the next start knows the pack is in
            assert again.report.action == "opened"
        assert index.remove_sections(["allotments"]) == 1
        assert index.search("allotments").total == 0
    with reopen(guide, root) as index:
        assert index.report.action == "opened"


def _allotments(tmp_path: Path) -> Section:
    page = tmp_path / "pack" / "allotments.md"
    page.parent.mkdir(exist_ok=True)
    page.write_text("Allotments", encoding="utf-8")
    return Section("allotments", "Allotments", "examples", page,
                   "Our allotment group grows food with neighbours.", ("community",), pack="garden")


def test_adding_content_to_an_index_another_copy_replaced_rebuilds_without_waiting(built, tmp_path):
    """The change holds the build lock when it finds the index stale; the rebuild it starts
    must not wait for that same lock (searches queue behind it, with no word to the user)."""
    guide, root = built
    lock_timeout = 15.0
    with SearchIndex.open_or_build(guide, roots=[root], lock_timeout=lock_timeout) as index:
        with SearchIndex.open_or_build(list(guide)[1:], roots=[root]) as other:  # another copy, other content
            assert other.report.action == "rebuilt"
        started = time.monotonic()
        index.add_sections([_allotments(tmp_path)])
        elapsed = time.monotonic() - started
        assert elapsed < lock_timeout / 2, f"the rebuild waited {elapsed:.1f} s for its own lock"
        assert index.report.action == "rebuilt"
        assert not [step for step in index.report.steps if "lock" in step]
        assert index.search("allotments").total == 1
        assert index.search("coproduction").total == 3  # the whole guide, not the other copy's part
    with reopen([*guide, _allotments(tmp_path)], root) as again:
        assert again.report.action == "opened"


def test_the_build_lock_is_reentrant_in_a_thread_and_exclusive_between_threads(tmp_path):
    import threading

    with store.build_lock(tmp_path, 5) as outer:
        with store.build_lock(tmp_path, 5) as inner:
            assert outer and inner
        seen: list[bool] = []

        def other_thread() -> None:
            with store.build_lock(tmp_path, 0.2) as had:
                seen.append(had)

        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
        assert seen == [False]  # still held by this thread after the inner one let go
    with store.build_lock(tmp_path, 0.2) as had:
        assert had


def test_builds_swept_away_by_other_copies_are_retried_a_few_times_only(tmp_path, monkeypatch):
    """If every build vanishes before it can be opened, the reader stops with a clear message
    rather than building forever."""
    import reader.search.index as index_module
    from reader.search import build

    guide = mini_guide(tmp_path / "content")
    builds = []
    real_write = build.write_index

    def counting_write(*args, **kwargs):
        builds.append(1)
        if len(builds) > 10:
            raise AssertionError("building without end")
        return real_write(*args, **kwargs)

    def vanished(inspection):
        raise FileNotFoundError("swept away by another copy")

    monkeypatch.setattr(build, "write_index", counting_write)
    monkeypatch.setattr(index_module, "_open_live", vanished)
    with pytest.raises(IndexUnavailable, match="kept being replaced"):
        SearchIndex.open_or_build(guide, roots=[tmp_path / "index"])
    assert 1 < len(builds) <= index_module.OPEN_ATTEMPTS + 1


def test_searcher_refresh_is_never_called(built, tmp_path, monkeypatch):
    from whoosh.searching import Searcher

    guide, root = built
    monkeypatch.setattr(Searcher, "refresh", lambda self: pytest.fail("Searcher.refresh() was called"))
    extra = Section("extra", "Extra", "help", tmp_path / "x.md", "Beekeeping notes.", ())
    with reopen(guide, root) as index:
        index.search("coproduction")
        index.add_sections([extra])
        assert index.search("beekeeping").total == 1
        index.rebuild()
        assert index.search("beekeeping").total == 1


# Two copies of the reader at once -----------------------------------------------------------------

BUILDER = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    sys.path.insert(0, {root!r})
    from reader.loader import load_guide
    from reader.search import SearchIndex
    guide = load_guide(Path({content!r}))
    go = Path({go!r})
    while not go.exists():
        time.sleep(0.005)
    index = SearchIndex.open_or_build(guide, roots=[Path({index!r})], lock_timeout={timeout})
    print(json.dumps({{"action": index.report.action, "total": index.search("co-design").total,
                      "steps": index.report.steps}}))
""")


def _start_builders(tmp_path: Path, count: int, timeout: float) -> list[subprocess.Popen]:
    go = tmp_path / "go"
    script = BUILDER.format(root=str(ROOT), content=str(CONTENT), go=str(go), index=str(tmp_path / "index"),
                            timeout=timeout)
    processes = [subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(count)]
    time.sleep(1.0)  # let every interpreter start and wait at the line
    go.write_text("go")
    return processes


def _results(processes) -> list[dict]:
    outputs = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        outputs.append(json.loads(out))
    return outputs


@pytest.mark.slow
def test_copies_starting_together_build_once_and_all_search(tmp_path, guide):
    outputs = _results(_start_builders(tmp_path, 3, timeout=60))
    assert {o["total"] for o in outputs} == {outputs[0]["total"]} and outputs[0]["total"] > 0
    assert sorted(o["action"] for o in outputs).count("rebuilt") == 1
    root = tmp_path / "index"
    assert store.inspect(root, store.content_fingerprint(guide)).fresh
    assert len([p for p in root.iterdir() if p.name.startswith(store.LIVE_PREFIX)]) == 1


@pytest.mark.slow
def test_copies_that_cannot_wait_for_the_lock_still_build_safely(tmp_path, guide):
    root = tmp_path / "index"
    root.mkdir()
    with (root / store.LOCK).open("a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)  # a third copy holds the lock throughout
        outputs = _results(_start_builders(tmp_path, 2, timeout=0))
    # Each copy builds on its own; one that starts after the other has finished may open that build.
    assert sorted(o["action"] for o in outputs) in (["rebuilt", "rebuilt"], ["opened", "rebuilt"])
    assert all(any("kept the build lock" in step for step in o["steps"]) for o in outputs
               if o["action"] == "rebuilt")
    assert store.inspect(root, store.content_fingerprint(guide)).fresh
    with SearchIndex.open_or_build(guide, roots=[root]) as index:
        assert index.report.action == "opened" and index.search("co-design").total > 0


@pytest.mark.slow
def test_a_killed_builder_leaves_no_stale_lock(tmp_path, guide):
    root = tmp_path / "index"
    root.mkdir()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import fcntl, sys, time
        handle = open({str(root / store.LOCK)!r}, "a+b")
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        print("locked", flush=True)
        time.sleep(60)
    """)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    holder.kill()
    holder.wait()
    holder.stdout.close()
    started = time.perf_counter()
    with SearchIndex.open_or_build(guide, roots=[root], lock_timeout=30) as index:
        assert index.report.action == "rebuilt"
        assert not any("kept the build lock" in step for step in index.report.steps)
    assert time.perf_counter() - started < 10


@pytest.mark.slow
def test_searching_goes_on_while_another_copy_rebuilds_and_sweeps(tmp_path, guide):
    root = tmp_path / "index"
    with SearchIndex.open_or_build(guide, roots=[root]) as index:
        expected = index.search("co-design").total
        rebuilder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from pathlib import Path
            sys.path.insert(0, {str(ROOT)!r})
            from reader.loader import load_guide
            from reader.search import SearchIndex
            index = SearchIndex.open_or_build(load_guide(Path({str(CONTENT)!r})), roots=[Path({str(root)!r})])
            for _ in range(5):
                index.rebuild()
            print("done")
        """)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        totals = set()
        while rebuilder.poll() is None:
            totals.add(index.search("co-design").total)
        out, err = rebuilder.communicate()
        assert out.strip() == "done", err
        assert totals <= {expected}
        assert index.search("co-design").total == expected  # our build was swept; its files are still open
    assert len([p for p in root.iterdir() if p.name.startswith(store.LIVE_PREFIX)]) == 1


@pytest.mark.slow
def test_an_opened_index_still_searches_after_another_copy_replaced_it(tmp_path, guide):
    root = tmp_path / "index"
    with SearchIndex.open_or_build(guide, roots=[root]) as index:
        first_build = live_folder(root)
        subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from pathlib import Path
            sys.path.insert(0, {str(ROOT)!r})
            from reader.loader import load_guide
            from reader.search import SearchIndex
            SearchIndex.open_or_build(load_guide(Path({str(CONTENT)!r})), roots=[Path({str(root)!r})]).rebuild()
        """)], check=True, capture_output=True)
        assert not first_build.exists()  # swept by the other copy
        assert index.search("co-design").total > 0


@pytest.mark.skipif(os.name != "posix", reason="file identities are vouched for on POSIX file systems only")
def test_an_unchanged_index_opens_without_reading_its_files_again(built, monkeypatch):
    guide, root = built
    hashed: list[str] = []
    real_hash = store._file_hash
    monkeypatch.setattr(store, "_file_hash", lambda path: hashed.append(path.name) or real_hash(path))
    assert store.inspect(root, store.content_fingerprint(guide)).fresh
    assert hashed == []  # each file is as it was when its hash was taken
    toc = whoosh_file(root, ".toc")
    before = toc.stat()
    data = bytearray(toc.read_bytes())
    data[-1] ^= 0xFF
    time.sleep(0.06)
    toc.write_bytes(bytes(data))  # the same size, and the modification time put back as it was
    os.utime(toc, ns=(before.st_atime_ns, before.st_mtime_ns))
    inspection = store.inspect(root, store.content_fingerprint(guide))
    assert (inspection.status, inspection.detail) == ("damaged", f"file {toc.name} has been altered")
    assert hashed == [toc.name]


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs Linux's list of mapped files")
def test_the_open_index_is_read_not_mapped_into_memory(built):
    guide, root = built
    with reopen(guide, root) as index:
        assert index.search("coproduction").total == 3
        mapped = Path("/proc/self/maps").read_text()
        assert str(live_folder(root)) not in mapped  # mapped pages would count against the reader's memory


def test_adding_a_section_hashes_only_the_files_the_change_wrote_and_records_their_true_hashes(
        built, tmp_path, monkeypatch):
    guide, root = built
    before = set(store.read_pointer(root)["files"])
    hashed: list[str] = []
    real_hash = store._file_hash
    monkeypatch.setattr(store, "_file_hash", lambda path: hashed.append(path.name) or real_hash(path))
    with reopen(guide, root) as index:
        assert index.add_sections([_allotments(tmp_path)]) == 1
    pointer = store.read_pointer(root)
    written = set(pointer["files"]) - before
    assert written and sorted(hashed) == sorted(written)  # the segments copied from the live build were not read
    monkeypatch.setattr(store, "_file_hash", real_hash)
    assert pointer["files"] == store.file_fingerprint(live_folder(root))  # every recorded hash is the file's own
    with reopen([*guide, _allotments(tmp_path)], root) as again:
        assert again.report.action == "opened" and again.search("allotments").total == 1
