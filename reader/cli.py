"""The ``coproduction-reader`` command: no arguments opens the window, sub-commands script the core.

Each sub-command lives in ``reader/commands/<name>.py`` with ``add_arguments(parser)`` and
``run(args) -> int``; heavy imports stay inside ``run`` so start-up pays only for what it uses.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import keyword
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any, NoReturn

from reader import APP_ID, __version__

COMMANDS: dict[str, str] = {
    "sections": "List the guide's sections.",
    "pack": "Create, add, list or remove content packs (more sections, from a zip file).",
    "import": "Add a Markdown, text or web page file as a new section of a local pack.",
    "screenshot": "Render the main window offscreen to a PNG file and exit.",
    "index": "Build or check the search index (set-up runs this once).",
    "search": "Search the guide and print the matching passages.",
    "speak": "Read a section aloud into an MP3 or WAV file.",
    "voices": "List the voices available for reading aloud.",
    "keys": "List every command of the window with its keys and menu (a key card to print).",
    "talking-book": "Save the guide as an EPUB 3 talking book: the text, highlighted as the voice reads it.",
}
USAGE_ERROR = 2
#: Commands that import Whoosh, answer and exit: the cyclic garbage collector's passes over every
#: object just imported (about 45 in a search) cost more than the few cycles they free. They run
#: with a first-generation threshold past what a search allocates, so a search never stops to
#: collect, while a search that must first build a large index still collects now and then.
SHORT_LIVED = frozenset({"search"})
#: The first generation's threshold then, and for the window until its first paint.
_FEW_COLLECTIONS = 200_000


def _terminal_columns() -> int:
    """What ``shutil.get_terminal_size`` answers: ``$COLUMNS``, else the terminal's width, else 80."""
    with contextlib.suppress(KeyError, ValueError):
        if (columns := int(os.environ["COLUMNS"])) > 0:
            return columns
    with contextlib.suppress(AttributeError, ValueError, OSError):
        if sys.__stdout__ is not None and (columns := os.get_terminal_size(sys.__stdout__.fileno()).columns) > 0:
            return columns
    return 80


class _Formatter(argparse.HelpFormatter):
    """argparse's own layout, to the terminal's width. argparse makes a formatter for every argument
    added (to check its metavar), and each imported ``shutil``, with three compression modules, to
    ask that width: 2 ms of a search that prints no help."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         _terminal_columns() - 2 if width is None else width)


class _Parser(argparse.ArgumentParser):
    """Wrong arguments: one line on standard error and exit status 2, as the issue tracker asks."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(USAGE_ERROR, f"{self.prog}: error: {message} (try --help)\n")


def _command_module(name: str) -> ModuleType:
    module = name.replace("-", "_")
    if keyword.iskeyword(module):  # ``import`` lives in import_.py
        module += "_"
    return importlib.import_module(f"reader.commands.{module}")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; with ``only``, the other sub-commands are left out, so running one
    command imports nothing the others need (``search`` must not load speech) and builds no parser
    it will not use (each costs argparse's look-ups for translations of its own help)."""
    parser = _Parser(prog=APP_ID, description="An offline, accessible reader for the Co-production guide. "
                     "With no command, the reader's window opens.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--translation", metavar="LANGUAGE", default=None,
                        help="the window's language: a language code such as de, a .qm file, 'pseudo' to check "
                             "that every string is translated and fits, or 'en' (default: the computer's language; "
                             "also COPRODUCTION_READER_TRANSLATION)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, summary in COMMANDS.items():
        if only is None or name == only:
            _command_module(name).add_arguments(commands.add_parser(name, help=summary, description=summary))
    return parser


def _open_window(language: str | None = None) -> int:
    # Building the window makes about 100,000 objects and frees few: the collector's passes over
    # them before the first paint would find almost nothing. It collects as usual once the page shows.
    thresholds = gc.get_threshold()
    gc.set_threshold(_FEW_COLLECTIONS, *thresholds[1:])
    from reader import window_start  # noqa: F401  the core the first page needs, before Qt (see there)
    from reader.ui.app import run_app

    return run_app(language, on_first_paint=lambda: gc.set_threshold(*thresholds))


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments:
        return _open_window()
    thresholds = gc.get_threshold()
    if arguments[0] in SHORT_LIVED:
        gc.set_threshold(_FEW_COLLECTIONS, *thresholds[1:])
    try:
        return _run(arguments)
    finally:
        gc.set_threshold(*thresholds)


def _run(arguments: list[str]) -> int:
    args = build_parser(arguments[0] if arguments[0] in COMMANDS else None).parse_args(arguments)
    if args.command is None:
        return _open_window(args.translation)
    try:
        return int(_command_module(args.command).run(args) or 0)
    except BrokenPipeError:  # ``coproduction-reader index --check | head -2``: the rest is not wanted
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return 1
