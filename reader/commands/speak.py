"""``coproduction-reader speak SECTION_ID --out FILE.mp3|FILE.wav``: a section read aloud into a file.

``--all --out FOLDER`` saves every section, one numbered file each. Rate and voice default to
the listener's settings.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.commands import guide_or_report, whole_number
from reader.speech.engine import MAX_RATE, MIN_RATE


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("section", nargs="?", metavar="SECTION_ID",
                        help="the section to read (see the 'sections' command)")
    parser.add_argument("--all", action="store_true", help="read every section, one file each, into a folder")
    parser.add_argument("--out", required=True, type=Path,
                        help="the file to write (.mp3 or .wav), or the folder with --all")
    parser.add_argument("--format", choices=("mp3", "wav"), default="mp3", help="file type with --all (mp3)")
    parser.add_argument("--rate", type=whole_number(MIN_RATE, MAX_RATE, "words per minute"),
                        help=f"words per minute ({MIN_RATE} to {MAX_RATE})")
    parser.add_argument("--voice", metavar="ID", help="a voice id from the 'voices' command")
    parser.add_argument("--quiet", action="store_true", help="no progress on standard error")


def _minutes(ms: int) -> str:
    seconds = round(ms / 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"


def run(args: argparse.Namespace) -> int:
    from reader import paths
    from reader.settings import Settings
    from reader.speech.engine import EngineUnavailable, open_engine
    from reader.speech.export import ExportCancelled, audio_format, export_script, export_scripts
    from reader.speech.prepare import prepare_section
    from reader.speech.pronounce import load_lexicon

    def fail(message: str, status: int = 1) -> int:
        print(f"coproduction-reader speak: {message}", file=sys.stderr)
        return status

    if args.all == bool(args.section):
        return fail("give either a SECTION_ID or --all", 2)
    guide = guide_or_report("speak")
    if guide is None:
        return 1
    section = None if args.all else guide.get(args.section)
    if not args.all:  # wrong arguments are told before the voice is even loaded
        if section is None:
            return fail(f"there is no section “{args.section}”; the 'sections' command lists them", 2)
        try:
            audio_format(args.out)
        except ValueError as error:
            return fail(str(error), 2)
    settings = Settings(paths.settings_file())
    if settings.problem:  # the saved voice and speed may have been left out: say so
        print(f"coproduction-reader speak: {settings.problem}", file=sys.stderr)
    rate = args.rate or settings.get("speech_rate")
    try:
        engine = open_engine()
    except EngineUnavailable as error:
        return fail(str(error))
    available = {v.id for v in engine.voices()}
    saved = settings.get("speech_voice")
    if args.voice and args.voice not in available:
        return fail(f"there is no voice “{args.voice}”; the 'voices' command lists them", 2)
    if not args.voice and saved and saved not in available:  # removed since it was chosen
        print(f"coproduction-reader speak: the saved voice “{saved}” is no longer on this computer; "
              "using the usual voice for the guide's language", file=sys.stderr)
        saved = ""
    voice = args.voice or saved or engine.default_voice(guide.language)
    if voice not in available:
        return fail(f"there is no voice “{voice}”; the 'voices' command lists them", 2)
    lexicon, problem = load_lexicon()
    if problem:
        print(f"coproduction-reader speak: {problem} (using the shipped pronunciations only)", file=sys.stderr)

    def progress(done: int, total: int, title: str) -> None:
        if not args.quiet:
            print(f"\r{title[:50]:<50} {done * 100 // max(total, 1):3d}%", end="", file=sys.stderr, flush=True)

    try:
        if args.all:
            scripts = [prepare_section(section, guide, lexicon) for section in guide]
            results = export_scripts(engine, scripts, args.out, args.format, voice=voice, rate=rate,
                                     progress=progress, album=guide.title)
        else:
            assert section is not None
            results = [export_script(engine, prepare_section(section, guide, lexicon), args.out, voice=voice,
                                     rate=rate, progress=progress, album=guide.title)]
    except (ValueError, OSError, RuntimeError, ExportCancelled) as error:
        if not args.quiet:
            print(file=sys.stderr)
        return fail(str(error))
    if not args.quiet:
        print(file=sys.stderr)
    for result in results:
        print(f"{result.path}\t{_minutes(result.duration_ms)}\t{result.size / 1e6:.1f} MB")
    return 0
