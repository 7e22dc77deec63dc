"""How long adding content takes: a 50-section pack created, installed and listed, and an import.

Prints figures; asserts nothing. Run from the project root: ``python bench/packs.py``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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


if __name__ == "__main__":
    main()
