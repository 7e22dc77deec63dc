"""``coproduction-reader import FILE [--pack NAME]``: a document becomes a section of a local pack."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="a Markdown (.md), text (.txt) or web page "
                        "(.html) file")
    parser.add_argument("--pack", default="local", metavar="NAME",
                        help="the pack to add it to (made if needed; default: local)")


def run(args: argparse.Namespace) -> int:
    from reader.loader import ContentError
    from reader.packs import PackError, import_document
    from reader.packs.notify import index_listener

    try:
        with index_listener() as listener:
            section = import_document(args.file, args.pack, listener=listener)
    except (PackError, ContentError) as error:
        print(f"coproduction-reader: refused: {error}", file=sys.stderr)
        return 1
    print(f"Added '{section.title}' to the pack '{section.pack}' as the section '{section.id}'.")
    if listener is not None and listener.problem:
        print(f"coproduction-reader: warning: {listener.problem}", file=sys.stderr)
    return 0
