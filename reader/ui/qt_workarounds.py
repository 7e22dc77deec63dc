"""Guard against a reference-count fault of PySide6 6.12.0 on Python 3.11.

Measured on Debian 12 with Python 3.11.7: each call of a Qt method that returns nothing
(``setObjectName``, ``update``, ``setEnabled``…) drops one reference to ``None`` that it
never took. Python 3.12 and later never free ``None`` (PEP 683, immortal objects); on 3.11
its count reaches zero after some thousands of calls and the interpreter aborts with
"Fatal Python error: none_dealloc". PySide6 6.11.3 does not have the fault.

When the fault is detected, ``None`` gets a reference count so large that it can never
reach zero, which is what Python 3.12 does for it anyway. Nothing else changes.
"""

from __future__ import annotations

import ctypes
import sys

PROBE_CALLS = 200
IMMORTAL_BOOST = 1 << 40  # more void calls than a process could make in centuries


def leaks_none() -> bool:
    """True when calling a void Qt method loses references to ``None``."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(PROBE_CALLS):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - PROBE_CALLS // 2


def protect_none() -> bool:
    """Make ``None`` unfreeable if this Python and PySide6 need it; True when applied."""
    if sys.version_info >= (3, 12) or not leaks_none():
        return False
    # On CPython 3.11 the reference count is the first field of every object.
    ctypes.c_ssize_t.from_address(id(None)).value += IMMORTAL_BOOST
    return True
