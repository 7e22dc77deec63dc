"""How long adding content takes (a 50-section pack created, installed, opened; an import), and how
big the portable build is.

Prints figures; asserts nothing. Run from the project root: ``python bench/packs.py``; add
``--build`` to build the portable app first (about 25 s), else an existing ``dist/`` is measured.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECTIONS = 50
WORDS_PER_SECTION = 600
RUNS = 5

PARAGRAPH = ("Carers, volunteers and staff met every week to plan the service together, sharing what "
             "each of them knew and deciding as equals what to change first. ")


def make_pack(folder: Path) -> Path:
    import yaml

    folder.mkdir(parents=True)
    entries = []
    for number in range(SECTIONS):
        section_id = f"local-example-{number + 1}"
        words = PARAGRAPH.split()
        paragraphs = []
        for start in range(0, WORDS_PER_SECTION, 60):
            paragraphs.append(" ".join(words[(start + i) % len(words)] for i in range(60)) + ".")
        body = f"---\nsummary: Example {number + 1}.\n---\n## Starting points\n\n" + "\n\n".join(paragraphs)
        (folder / f"{section_id}.md").write_text(body + "\n", encoding="utf-8")
        entries.append({"id": section_id, "file": f"{section_id}.md", "title": f"Local example {number + 1}",
                        "kind": "examples", "tags": ["local"]})
    manifest = {"name": "bench-pack", "title": "Benchmark pack", "language": "en-GB", "sections": entries}
    (folder / "manifest.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
    return folder


def timed(function, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        os.environ["COPRODUCTION_READER_HOME"] = str(scratch / "home")
        os.environ["COPRODUCTION_READER_INDEX"] = str(scratch / "index")
        from reader.library import open_library
        from reader.packs import add, create, import_document, remove
        from reader.packs.notify import IndexUpdater
        from reader.search import SearchIndex

        folder = make_pack(scratch / "pack")
        start = time.perf_counter()
        index = SearchIndex.open_or_build(open_library().guide)
        first_build = time.perf_counter() - start
        guide_passages = index.report.documents
        timings: dict[str, list[float]] = {name: [] for name in (
            "create", "add", "searchable", "open", "remove", "unindexed", "import", "rebuild")}
        for run in range(RUNS):
            out = scratch / f"pack-{run}.zip"
            seconds, made = timed(create, folder, out)
            timings["create"].append(seconds)
            seconds, _ = timed(add, made.path)
            timings["add"].append(seconds)
            remove("bench-pack")
            # The path a user takes: install, index the new passages, find a word from the pack.
            updater = IndexUpdater(index)
            start = time.perf_counter()
            add(made.path, listener=updater)
            found = index.search("volunteers")
            timings["searchable"].append(time.perf_counter() - start)
            assert updater.problem is None and any(h.section.startswith("local-example") for h in found.results)
            seconds, _ = timed(index.rebuild)  # what the same change would cost as a full rebuild
            timings["rebuild"].append(seconds)
            seconds, library = timed(open_library)
            timings["open"].append(seconds)
            assert len(library.guide.sections) >= SECTIONS
            seconds, _ = timed(remove, "bench-pack")
            timings["remove"].append(seconds)
            start = time.perf_counter()
            remove_ids = [s.id for s in library.packs[0].sections]
            index.remove_sections(remove_ids)
            timings["unindexed"].append(time.perf_counter() - start)
            doc = scratch / f"notes-{run}.md"
            doc.write_text("# Notes\n\n" + PARAGRAPH * 40 + "\n", encoding="utf-8")
            seconds, _ = timed(import_document, doc)
            timings["import"].append(seconds)
        index.close()
        zip_kb = made.path.stat().st_size / 1024

        def line(label: str, values: list[float]) -> None:
            print(f"{label:<52} median {statistics.median(values) * 1000:7.1f} ms   "
                  f"max {max(values) * 1000:7.1f} ms")

        print(f"Pack: {SECTIONS} sections of about {WORDS_PER_SECTION} words, zip {zip_kb:.0f} KB; {RUNS} runs; "
              f"{os.cpu_count()} CPUs")
        print(f"{'first index build (guide only, ' + str(guide_passages) + ' passages)':<52} "
              f"{first_build * 1000:7.1f} ms")
        line("pack create (check + zip)", timings["create"])
        line("pack add (check zip, unpack, validate, install)", timings["add"])
        line("pack add until a search finds its words", timings["searchable"])
        line("open guide + installed pack", timings["open"])
        line("pack remove", timings["remove"])
        line("take its passages out of the index", timings["unindexed"])
        line("import a Markdown document", timings["import"])
        line("full rebuild of guide + pack, for comparison", timings["rebuild"])


def portable_sizes(build: bool) -> None:
    dist = ROOT / "dist"
    if build:
        start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build_portable.py")], check=True,
                       capture_output=True)
        print(f"{'portable build (PyInstaller + zip)':<46} {time.perf_counter() - start:7.1f} s")
    folder = dist / "portable" / "coproduction-reader"
    if not folder.is_dir():
        print(f"{'portable folder':<46} not built (run with --build)")
        return
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"{'portable folder':<46} {size / 1e6:7.1f} MB")
    for archive in sorted(dist.glob("coproduction-reader-*.zip")):
        print(f"{'  zipped: ' + archive.name:<46} {archive.stat().st_size / 1e6:7.1f} MB")


if __name__ == "__main__":
    main()
    portable_sizes("--build" in sys.argv[1:])
