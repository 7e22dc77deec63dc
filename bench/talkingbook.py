"""The talking book: export time and size of the whole guide with audio and text-only, and its listening time.

The floor, measured in the same run, is the existing "Save as audio" of the whole guide (one MP3
per section with the same voice and pauses): the book adds its content documents, overlays and
zip on top of that. Each figure is the median of --runs runs (after one warm-up, which loads the
voice and the sentence splitter). Aims: under 10 s and under 15 MB with audio. Nothing is
asserted. Usage: python bench/talkingbook.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.book.build import build_book, listening_time  # noqa: E402
from reader.library import open_guide  # noqa: E402
from reader.speech.engine import open_engine  # noqa: E402
from reader.speech.export import export_scripts  # noqa: E402
from reader.speech.prepare import prepare_section  # noqa: E402
from reader.speech.pronounce import load_lexicon  # noqa: E402

CPU: dict[str, list[float]] = {"floor": [], "spoken": [], "text": []}


def timed(action, key: str = "") -> tuple[float, object]:
    """Wall-clock seconds; the CPU seconds of every thread are kept too, as other work on the machine
    stretches the wall clock but not the CPU time."""
    started, cpu = time.perf_counter(), time.process_time()
    result = action()
    if key:
        CPU[key].append(time.process_time() - cpu)
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    guide = open_guide()
    engine = open_engine()
    voice = engine.default_voice(guide.language)
    lexicon, _problem = load_lexicon()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)

        def floor() -> int:
            scripts = [prepare_section(section, guide, lexicon) for section in guide]
            results = export_scripts(engine, scripts, out / "mp3", voice=voice)
            return sum(result.size for result in results)

        def spoken():
            return build_book(guide, out / "guide.epub", engine=engine, voice=voice, lexicon=lexicon)

        def text_only():
            return build_book(guide, out / "text.epub", lexicon=lexicon)

        timed(spoken)  # warm-up
        figures: dict[str, list[float]] = {"floor": [], "spoken": [], "text": []}
        sizes: dict[str, int] = {}
        for _ in range(args.runs):
            seconds, size = timed(floor, "floor")
            figures["floor"].append(seconds)
            sizes["floor"] = int(size)  # type: ignore[arg-type]
            seconds, book = timed(spoken, "spoken")
            figures["spoken"].append(seconds)
            sizes["spoken"] = book.size  # type: ignore[attr-defined]
            heard = book.duration_ms  # type: ignore[attr-defined]
            seconds, text = timed(text_only, "text")
            figures["text"].append(seconds)
            sizes["text"] = text.size  # type: ignore[attr-defined]
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Whole guide, {len(guide)} sections, voice {voice}, {os.cpu_count()} CPUs (load {load:.1f}), "
          f"median of {args.runs} runs")
    print(f"  listening time:                    {listening_time(heard)} ({heard / 1000:.0f} s)")
    rows = (("floor: Save as audio, one MP3 each", "floor"), ("talking book with audio", "spoken"),
            ("talking book, text only", "text"))
    for label, key in rows:
        print(f"  {label:<34} {statistics.median(figures[key]):6.2f} s  {statistics.median(CPU[key]):6.2f} s CPU"
              f"  {sizes[key] / 1e6:6.2f} MB  (runs: {', '.join(f'{s:.2f}' for s in figures[key])})")
    print("  aims with audio: under 10 s and under 15 MB")


if __name__ == "__main__":
    main()
