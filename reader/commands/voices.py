"""``coproduction-reader voices [--json]``: the voices this computer can read aloud with."""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.add_argument("--language", metavar="CODE", help="only voices for this language, e.g. en or en-gb")


def run(args: argparse.Namespace) -> int:
    from reader.speech.engine import EngineUnavailable, open_engine

    try:
        engine = open_engine()
    except EngineUnavailable as error:
        print(f"coproduction-reader voices: {error}", file=sys.stderr)
        return 1
    voices = engine.voices()
    if args.language:
        wanted = args.language.lower()
        voices = [v for v in voices if any(lang.lower() == wanted or lang.lower().startswith(wanted + "-")
                                           for lang in v.languages)]
    default = engine.default_voice()
    if args.json:
        print(json.dumps({"engine": engine.name, "timing": engine.timing.value, "default": default,
                          "voices": [{"id": v.id, "name": v.name, "languages": list(v.languages),
                                      "gender": v.gender} for v in voices]}, ensure_ascii=False, indent=2))
        return 0
    width = max((len(v.id) for v in voices), default=2)
    for voice in voices:
        mark = "  (default)" if voice.id == default else ""
        print(f"{voice.id:<{width}}  {', '.join(voice.languages):<16} {voice.name}{mark}")
    print(f"{len(voices)} voices from {engine.name}; highlight follows "
          f"{'words' if engine.timing.value == 'words' else 'sentences'}.", file=sys.stderr)
    return 0
