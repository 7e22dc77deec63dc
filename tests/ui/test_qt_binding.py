"""The Qt binding itself must be sound: some releases corrupt Python's reference counts."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont


def test_calls_returning_nothing_keep_none_alive():
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every such call; the reader then aborts."""
    font = QFont()
    before = sys.getrefcount(None)
    for size in range(1000):  # few enough that a broken binding fails this test rather than aborting
        font.setPixelSize(10 + size % 20)
    assert sys.getrefcount(None) - before > -100
