"""Forbid network access, and remember every attempt, so a test can prove the reader stays offline.

Installed for the whole test run by ``conftest.py`` and, through ``netguard_site/sitecustomize.py``,
in every command-line subprocess the tests start. Local (``AF_UNIX``) sockets stay allowed: Qt
and D-Bus use them to talk to the desktop, never to the network. An attempt raises
:class:`NetworkForbidden` and is recorded, so code that swallows the error is still caught.
"""

from __future__ import annotations

import os
import socket
import traceback
from collections.abc import Callable
from typing import Any

LOG_ENV = "NETGUARD_LOG"


class NetworkForbidden(OSError):
    """Raised instead of any network connection or look-up."""


attempts: list[str] = []
_originals: dict[tuple[object, str], Any] = {}


def _record(what: str) -> None:
    frames = "".join(traceback.format_stack(limit=8)[:-2])
    attempts.append(f"{what}\n{frames}")
    log = os.environ.get(LOG_ENV)
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{what}\n")
    raise NetworkForbidden(f"network access is forbidden here: {what}")


def _is_local(sock: socket.socket) -> bool:
    return getattr(socket, "AF_UNIX", None) is not None and sock.family == socket.AF_UNIX


def _guard_method(name: str) -> Callable[..., Any]:
    original = getattr(socket.socket, name)

    def guarded(self: socket.socket, *args: Any, **kwargs: Any) -> Any:
        if _is_local(self):
            return original(self, *args, **kwargs)
        return _record(f"socket.{name}{args!r}")

    return guarded


def _guard_function(name: str) -> Callable[..., Any]:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        return _record(f"socket.{name}{args!r}")

    return guarded


METHODS = ("connect", "connect_ex", "sendto", "sendmsg")
FUNCTIONS = ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr",
             "getnameinfo")


def install() -> None:
    """Patch the socket module (idempotent)."""
    if _originals:
        return
    for name in METHODS:
        _originals[(socket.socket, name)] = getattr(socket.socket, name)
        setattr(socket.socket, name, _guard_method(name))
    for name in FUNCTIONS:
        _originals[(socket, name)] = getattr(socket, name)
        setattr(socket, name, _guard_function(name))


def uninstall() -> None:
    for (owner, name), original in _originals.items():
        setattr(owner, name, original)
    _originals.clear()


def installed() -> bool:
    return bool(_originals)
