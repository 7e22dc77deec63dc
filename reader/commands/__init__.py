"""Sub-commands of ``coproduction-reader``: one module each, listed in ``reader.cli.COMMANDS``."""

from __future__ import annotations

import sys
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
