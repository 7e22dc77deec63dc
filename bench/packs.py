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
        from reader.library import open_library
        from reader.packs import add, create, import_document, remove

        folder = make_pack(scratch / "pack")
        create_times, add_times, open_times, remove_times, import_times = [], [], [], [], []
        for run in range(RUNS):
            out = scratch / f"pack-{run}.zip"
            seconds, made = timed(create, folder, out)
            create_times.append(seconds)
            seconds, _ = timed(add, made.path)
            add_times.append(seconds)
            seconds, library = timed(open_library)
            open_times.append(seconds)
            assert len(library.guide.sections) >= SECTIONS
            seconds, _ = timed(remove, "bench-pack")
            remove_times.append(seconds)
            doc = scratch / f"notes-{run}.md"
            doc.write_text("# Notes\n\n" + PARAGRAPH * 40 + "\n", encoding="utf-8")
            seconds, _ = timed(import_document, doc)
            import_times.append(seconds)
        zip_kb = made.path.stat().st_size / 1024

        def line(label: str, values: list[float]) -> None:
            print(f"{label:<46} median {statistics.median(values) * 1000:7.1f} ms   "
                  f"max {max(values) * 1000:7.1f} ms")

        print(f"Pack: {SECTIONS} sections of about {WORDS_PER_SECTION} words, zip {zip_kb:.0f} KB; {RUNS} runs; "
              f"{os.cpu_count()} CPUs")
        line("pack create (check + zip)", create_times)
        line("pack add (check zip, unpack, validate, install)", add_times)
        line("open guide + installed pack", open_times)
        line("pack remove", remove_times)
        line("import a Markdown document", import_times)
        index_note = "not measured: the search index is not part of this build yet"
        print(f"{'searchable after add':<46} {index_note}")


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
