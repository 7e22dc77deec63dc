"""``coproduction-reader talking-book --out FILE.epub``: the guide as an EPUB 3 talking book.

The text with every sentence highlighted as the reader's own voice says it (Media Overlays),
for phones, e-readers and talking-book players. ``--text-only`` makes the same book without
audio, and needs no voice.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.commands import guide_or_report, whole_number
from reader.speech.engine import MAX_RATE, MIN_RATE


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", required=True, type=Path, help="the book to write (.epub)")
    parser.add_argument("--voice", metavar="ID", help="a voice id from the 'voices' command")
    parser.add_argument("--rate", type=whole_number(MIN_RATE, MAX_RATE, "words per minute"),
                        help=f"words per minute ({MIN_RATE} to {MAX_RATE})")
    parser.add_argument("--text-only", action="store_true", help="no audio: a small book for any e-reader")
    parser.add_argument("--section", metavar="ID", action="append", default=[],
                        help="only this section (repeat for more; default: the whole guide and added content)")
    parser.add_argument("--quiet", action="store_true", help="no progress on standard error")


def run(args: argparse.Namespace) -> int:
    from reader import paths
    from reader.book.build import build_book, file_size, listening_time
    from reader.settings import Settings
    from reader.speech.engine import EngineUnavailable, open_engine
    from reader.speech.export import ExportCancelled
    from reader.speech.pronounce import load_lexicon

    def fail(message: str, status: int = 1) -> int:
        print(f"coproduction-reader talking-book: {message}", file=sys.stderr)
        return status

    if args.out.suffix.lower() != ".epub":
        return fail(f"“{args.out.name}” must end in .epub", 2)
    guide = guide_or_report("talking-book")
    if guide is None:
        return 1
    unknown = [wanted for wanted in args.section if wanted not in guide]
    if unknown:
        return fail(f"there is no section “{unknown[0]}”; the 'sections' command lists them", 2)
    # Reading order, whatever order the sections were named in.
    sections = [s for s in guide if s.id in set(args.section)] if args.section else list(guide)
    settings = Settings(paths.settings_file())
    rate = args.rate or settings.get("speech_rate")
    engine = None
    voice = ""
    narrator = ""
    if not args.text_only:
        try:
            engine = open_engine()
        except EngineUnavailable as error:
            return fail(str(error))
        voice = args.voice or settings.get("speech_voice") or engine.default_voice(guide.language)
        known = {v.id: v for v in engine.voices()}
        if voice not in known:
            return fail(f"there is no voice “{voice}”; the 'voices' command lists them", 2)
        narrator = f"{known[voice].name} ({engine.name}, a synthetic voice)"
    lexicon, problem = load_lexicon()
    if problem:
        print(f"coproduction-reader talking-book: {problem} (using the shipped pronunciations only)",
              file=sys.stderr)

    shown: list[tuple[str, int]] = []

    def progress(done: int, total: int, title: str) -> None:
        percent = done * 100 // max(total, 1)
        if not args.quiet and (not shown or shown[-1] != (title, percent)):
            shown.append((title, percent))
            print(f"\r{title[:50]:<50} {percent:3d}%", end="", file=sys.stderr, flush=True)

    try:
        result = build_book(guide, args.out, sections=sections, engine=engine, voice=voice, rate=rate,
                            lexicon=lexicon, progress=progress, narrator=narrator)
    except (ValueError, OSError, RuntimeError, ExportCancelled) as error:
        if not args.quiet:
            print(file=sys.stderr)
        return fail(str(error) or error.__class__.__name__)
    if not args.quiet:
        print(file=sys.stderr)
    heard = f", {listening_time(result.duration_ms)} of listening" if result.duration_ms else ", text only"
    print(f"Saved {result.path}: {file_size(result.size)}{heard}, {result.sections} sections.")
    return 0
