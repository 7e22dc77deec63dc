"""Have screen readers say something that no focus change would: a state change, a result, a place.

Qt (6.8+) sends ``QAccessibleAnnouncementEvent`` to AT-SPI, UI Automation and NSAccessibility; NVDA,
VoiceOver and newer Orca speak it. Orca 43 (Debian 12's) ignores it, but presents a change of the
focused object's accessible description; so on Linux the message also becomes, for a moment, the
focused widget's description, and the widget's own description comes back once the focus leaves it
(restoring it while focused would be spoken too).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QApplication, QWidget

_ORIGINAL = "announce_original_description"
_SAID = "announce_said"
_watching: set[int] = set()


def announce(widget: QWidget, message: str, *, assertive: bool = False) -> None:
    """Say ``message`` without moving the focus.

    Polite messages wait for the screen reader to finish what it is saying; assertive ones
    interrupt it (use them only for what the user just asked for and must hear at once).
    """
    if not message:
        return
    event = QAccessibleAnnouncementEvent(widget, message)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
    if sys.platform.startswith("linux"):
        _describe_focus(message)


def _describe_focus(message: str) -> None:
    app = QApplication.instance()
    focus = QApplication.focusWidget()
    if focus is None or not isinstance(app, QApplication):
        return
    if focus.accessibleDescription() != focus.property(_SAID):
        focus.setProperty(_ORIGINAL, focus.accessibleDescription())
    focus.setAccessibleDescription("")  # so that the same message twice is said twice
    focus.setAccessibleDescription(message)
    focus.setProperty(_SAID, message)
    if id(app) not in _watching:
        _watching.add(id(app))
        app.focusChanged.connect(_focus_moved)


def _focus_moved(old: QWidget | None, _new: QWidget | None) -> None:
    if old is None or old.property(_SAID) is None:
        return

    def restore() -> None:
        try:
            if old.accessibleDescription() == old.property(_SAID) and not old.hasFocus():
                old.setAccessibleDescription(old.property(_ORIGINAL) or "")
            old.setProperty(_SAID, None)
        except RuntimeError:  # the widget has gone
            pass

    QTimer.singleShot(500, restore)
