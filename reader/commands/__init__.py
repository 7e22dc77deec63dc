"""Sub-commands of ``coproduction-reader``: one module each, listed in ``reader.cli.COMMANDS``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.model import Guide


def guide_or_report(command: str = "") -> Guide | None:
    """The guide with its added content; None after saying on standard error which file is broken."""
    from reader.library import open_guide
    from reader.loader import ContentError

    try:
        return open_guide()
    except ContentError as error:
        print(f"coproduction-reader{' ' + command if command else ''}: {error}", file=sys.stderr)
        return None


def whole_number(minimum: int, maximum: int, unit: str = "") -> Callable[[str], int]:
    """An argparse type: a whole number in a range (a trailing % is allowed), with a plain error."""
    suffix = f" {unit}" if unit else ""

    def convert(text: str) -> int:
        try:
            value = int(text.strip().rstrip("%"))
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
        if not minimum <= value <= maximum:
            raise argparse.ArgumentTypeError(f"must be between {minimum} and {maximum}{suffix}")
        return value

    return convert
