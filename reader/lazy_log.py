"""A module's logger that imports :mod:`logging` only when something is logged.

The core logs only when something goes wrong (a pack left out, a damaged cache), and ``logging``
with what it imports (``traceback``, ``string``, ``threading``...) was several milliseconds of
every command-line search, which logs nothing. Records are the same as from
``logging.getLogger(name)``: same logger name, and the caller's file and line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import logging


class LazyLogger:
    """``logging.getLogger(name)``'s ``warning`` and ``info``, the logger made on first use."""

    def __init__(self, name: str) -> None:
        self.name = name

    def _logger(self) -> logging.Logger:
        import logging

        return logging.getLogger(self.name)

    def warning(self, message: str, *args: Any) -> None:
        self._logger().warning(message, *args, stacklevel=2)

    def info(self, message: str, *args: Any) -> None:
        self._logger().info(message, *args, stacklevel=2)
