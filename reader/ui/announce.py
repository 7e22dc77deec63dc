"""Have screen readers say something that no focus change would: a state change, a result, a place.

Qt (6.8+) sends ``QAccessibleAnnouncementEvent`` to AT-SPI, UI Automation and NSAccessibility; NVDA,
VoiceOver and newer Orca speak it. Orca 43 (Debian 12's) ignores it, but presents a change of the
focused object's accessible description; so on Linux the message also becomes, for a moment, the
focused widget's description, and the widget's own description comes back once the focus leaves it
(restoring it while focused would be spoken too).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QTimer
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


def describe(widget: QWidget, text: str) -> None:
    """Give ``widget`` a lasting description (what Where Am I reads) without it being spoken now.

    On Linux a change of the focused widget's description is spoken, so while ``widget`` has the
    focus the new description waits, and takes over once the focus leaves it.
    """
    if not (sys.platform.startswith("linux") and widget.hasFocus()):
        widget.setAccessibleDescription(text)
        return
    if widget.property(_SAID) is None:
        widget.setProperty(_SAID, widget.accessibleDescription())
    widget.setProperty(_ORIGINAL, text)
    _watch_focus()


def _describe_focus(message: str) -> None:
    focus = QApplication.focusWidget()
    if focus is None or not isinstance(QApplication.instance(), QApplication):
        return
    if focus.accessibleDescription() != focus.property(_SAID):
        focus.setProperty(_ORIGINAL, focus.accessibleDescription())
    if focus.accessibleDescription() == message:
        focus.setAccessibleDescription("")  # so that the same message twice is said twice
    focus.setAccessibleDescription(message)
    focus.setProperty(_SAID, message)
    _watch_focus()


def _watch_focus() -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication) and id(app) not in _watching:
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


class Teller(QObject):
    """One voice for the window: what several parts ask to say in one go is said as one message.

    Opening a search result changes the section and selects a match; moving the focus, the new
    place and the match would otherwise be three announcements, each cutting off the one before.
    Messages asked for in the same turn of the event loop are joined, in order, and said once the
    focus has settled, to whichever widget then has it.
    """

    DELAY_MS = 30
    WAIT_FOR_FOCUS = 20  # times DELAY_MS: a dialog that just closed hands the focus back a little later

    def __init__(self, parent: QObject | None = None, fallback: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fallback = fallback
        self._parts: list[str] = []
        self._assertive = False
        self._waited = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.said: list[str] = []  # everything said, newest last (for tests and diagnosis)

    def say(self, message: str, *, assertive: bool = False) -> None:
        if message and message not in self._parts:
            self._parts.append(message)
            self._assertive = self._assertive or assertive
            self._timer.start()

    def flush(self) -> None:
        """Say what is waiting now."""
        self._timer.stop()
        if not self._parts:
            return
        if QApplication.focusWidget() is None and self._waited < self.WAIT_FOR_FOCUS:
            self._waited += 1
            self._timer.start()
            return
        self._waited = 0
        message = " ".join(part if part.endswith((".", "!", "?", ":")) else part + "." for part in self._parts)
        assertive, self._parts, self._assertive = self._assertive, [], False
        widget = QApplication.focusWidget() or self._fallback
        if widget is None:
            return
        self.said.append(message)
        announce(widget, message, assertive=assertive)
