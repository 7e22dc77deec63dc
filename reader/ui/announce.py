"""Have screen readers say something that no focus change would: a state change, a result, a place.

Qt (6.8+) sends ``QAccessibleAnnouncementEvent`` to AT-SPI, UI Automation and NSAccessibility; NVDA,
VoiceOver and newer Orca speak it. Orca 43 (Debian 12's) ignores it, but presents a change of the
focused object's accessible description; so on Linux the message also becomes, for a moment, the
focused widget's description, and the widget's own description comes back once the focus leaves it
(restoring it while focused would be spoken too).

In a list or tree the object Orca follows is the current item, not the view (it ignores a change
to anything else), so there the message becomes the item's description, given by the model's
``AccessibleDescriptionRole`` and sent as a change of the view's focused child; the item's own
description comes back when another item becomes current or the focus leaves the view.
"""

from __future__ import annotations

import itertools
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QAccessibleInterface

_ORIGINAL = "announce_original_description"
_SAID = "announce_said"
_KEY = "announce_key"
_DESCRIPTION = Qt.ItemDataRole.AccessibleDescriptionRole
_keys = itertools.count(1)
_watching: set[int] = set()


def announce(widget: QWidget, message: str, *, assertive: bool = False, asked_at: float | None = None) -> None:
    """Say ``message`` without moving the focus.

    Polite messages wait for the screen reader to finish what it is saying; assertive ones
    interrupt it (use them only for what the user just asked for and must hear at once).
    """
    if not message:
        return
    # Qt's accessibility classes (their enums cost 5 ms to make) are imported when first used, after the paint.
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    event = QAccessibleAnnouncementEvent(widget, message)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
    if sys.platform.startswith("linux"):
        _item_note.asked_at = time.monotonic() if asked_at is None else asked_at
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
    if isinstance(focus, QAbstractItemView):  # Orca follows its current item, or the view when it has none
        _item_note.describe(focus, message)
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


def _focus_moved(old: QWidget | None, new: QWidget | None) -> None:
    _item_note.restore()
    if isinstance(new, QAbstractItemView):
        _item_note.watch(new)
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


class _ItemNote:
    """The one list or tree item whose description is, for now, a message: and what to put back.

    Qt (6.11) tells screen readers itself when an item's data changes, its description included, so
    a change made through the model is heard. Three cases need more:
    - an item that became current for the action being announced (Ctrl+PgDn moves the contents'
      current line) has not been presented yet (Orca lags the application by a few hundred
      milliseconds) and will be, description and all: the message goes in quietly, or it would be
      said twice;
    - when the view has rebuilt its accessible items (a new text size re-lays the contents out),
      the item Orca followed has gone and Orca ignores everything until the focus moves: so the
      current item is also given the focus again. Orca ignores that when it still follows the
      item, and otherwise presents the item with the message as its description;
    - a view may lay itself out again just after the message (a pane widening for a new text size
      comes after it on a busy computer), and Orca drops events from an item that has gone by the
      time it reads them: so for a moment an item rebuilt since is given the focus again.
    """

    JUST_MOVED_S = 0.3  # a current item this much older than the request is one Orca has presented
    RELAYOUT_CHECK_MS = 100
    RELAYOUT_CHECKS = 15  # how long after the message a rebuilt item is still given the focus: 1.5 s

    def __init__(self) -> None:
        # No view is kept: a list inside a Qt widget (a combo box's) can go without Python knowing.
        self._index = QPersistentModelIndex()
        self._original: object = None
        self._said = ""
        self.asked_at = 0.0  # when the message now being said was asked for
        self._moved: dict[int, float] = {}  # selection model's key → when its current item changed
        # Accessible ids, not interfaces: an id whose interface has gone finds nothing, a kept one would crash.
        self._view_id = 0
        self._cell_id = 0
        self._checks_left = 0
        self._relayout_timer: QTimer | None = None

    def watch(self, view: QAbstractItemView) -> None:
        """Follow ``view``'s current item (to know a new one, and to restore the one left)."""
        selection = view.selectionModel()
        if selection is None or selection.property(_KEY):
            return
        key = next(_keys)  # a Python wrapper's id() changes when Qt hands out a new wrapper
        selection.setProperty(_KEY, key)

        def moved() -> None:
            self._moved[key] = time.monotonic()
            self.restore()

        selection.currentChanged.connect(moved)  # (a time per list ever focused is kept: a few bytes)

    def describe(self, view: QAbstractItemView, message: str) -> bool:
        """Make ``message`` the description of ``view``'s current item; False when it cannot be done
        (no current item, a model that keeps no description)."""
        index = view.currentIndex()
        model = view.model()
        selection = view.selectionModel()
        if not index.isValid() or model is None or selection is None:
            return False
        self.watch(view)
        if self._index != QPersistentModelIndex(index):
            self.restore()
            self._original = index.data(_DESCRIPTION)
        fresh = self._moved.get(selection.property(_KEY), 0.0) >= self.asked_at - self.JUST_MOVED_S
        if fresh:
            model.blockSignals(True)
        try:
            if index.data(_DESCRIPTION) == message:
                model.setData(index, "", _DESCRIPTION)  # so that the same message twice is said twice
            model.setData(index, message, _DESCRIPTION)
        finally:
            if fresh:
                model.blockSignals(False)
        if index.data(_DESCRIPTION) != message:
            return False
        self._index, self._said = QPersistentModelIndex(index), message
        from PySide6.QtGui import QAccessible, QAccessibleEvent

        if not fresh and QAccessible.isActive():
            # Asked only now, with the view laid out: its accessible items follow its layout.
            view_iface = QAccessible.queryAccessibleInterface(view)
            cell = view_iface.focusChild() if view_iface is not None else None
            if cell is not None:
                QAccessible.updateAccessibility(QAccessibleEvent(cell, QAccessible.Event.Focus))
                self._follow_relayout(view_iface, cell)
        return True

    def _follow_relayout(self, view_iface: QAccessibleInterface, cell: QAccessibleInterface) -> None:
        from PySide6.QtGui import QAccessible

        self._view_id, self._cell_id = QAccessible.uniqueId(view_iface), QAccessible.uniqueId(cell)
        self._checks_left = self.RELAYOUT_CHECKS
        if self._relayout_timer is None:
            self._relayout_timer = QTimer()
            self._relayout_timer.setInterval(self.RELAYOUT_CHECK_MS)
            self._relayout_timer.timeout.connect(self._check_relayout)
        self._relayout_timer.start()

    def _check_relayout(self) -> None:
        """Give the focus again to the current item if the view has rebuilt it since the message."""
        from PySide6.QtGui import QAccessible, QAccessibleEvent

        self._checks_left -= 1
        view_iface = QAccessible.accessibleInterface(self._view_id) if self._index.isValid() else None
        if view_iface is None or not view_iface.isValid() or self._checks_left <= 0:
            self._stop_following()
            return
        cell = view_iface.focusChild()
        if cell is None or QAccessible.uniqueId(cell) == self._cell_id:
            return
        if self._index.data(_DESCRIPTION) != self._said:
            self._stop_following()
            return
        self._cell_id = QAccessible.uniqueId(cell)
        QAccessible.updateAccessibility(QAccessibleEvent(cell, QAccessible.Event.Focus))

    def _stop_following(self) -> None:
        self._checks_left = 0
        if self._relayout_timer is not None:
            self._relayout_timer.stop()

    def restore(self) -> None:
        """Put the item's own description back (Orca no longer follows it, so nothing is said)."""
        index, self._index = self._index, QPersistentModelIndex()
        self._stop_following()
        model = index.model() if index.isValid() else None  # None once the model has gone
        if model is not None and index.data(_DESCRIPTION) == self._said:
            model.setData(index, self._original, _DESCRIPTION)


_item_note = _ItemNote()


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
        self._asked_at = 0.0  # when the first of the waiting messages was asked for
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self.said: list[str] = []  # everything said, newest last (for tests and diagnosis)
        if sys.platform.startswith("linux"):
            _watch_focus()  # lists met from now on are watched, to know when their current item is new

    def say(self, message: str, *, assertive: bool = False) -> None:
        if message and message not in self._parts:
            if not self._parts:
                self._asked_at = time.monotonic()
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
        announce(widget, message, assertive=assertive, asked_at=self._asked_at)
