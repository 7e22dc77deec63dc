"""A reusable check that a window, dialog, panel or menu shows everything whole on a small screen.

:func:`problems` walks the visible widgets under a root and lists, in words:
- text cut: a label, button, check box or list box whose text is wider than the widget
  (Qt elides or clips it: "Cance", "OpenDysl"), or a label laid out past its parent's edge;
- off screen: a control outside ``area`` (the screen), a toolbar command pushed into the
  toolbar's unlabelled overflow, or a menu hidden behind the menu bar's "»";
- a reading column narrower than :data:`MIN_COLUMN_CHARACTERS`.

Widgets inside a scroll area are checked for cut text but not for position: they can be
scrolled to. Use it from any test: ``assert layout_check.problems(window, area) == []``.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontMetricsF, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QWidget,
)

MIN_COLUMN_CHARACTERS = 45
TOLERANCE = 2  # pixels: rounding between measuring and drawing
_SAMPLE = "When we set out to develop a new resource, we asked people what makes co-production work."
_CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractScrollArea)


def _plain(text: str) -> str:
    if "<" in text and ">" in text:  # rich text: measure the words, not the tags
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    return re.sub(r"&(?!&)", "", text).replace("&&", "&")


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton)):
        text = _plain(widget.text())
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    return f"{type(widget).__name__} {widget.objectName() or '?'} “{text[:40]}”"


def _in_scroll_area(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QTextBrowser):
            return True
        parent = parent.parentWidget()
    return False


def cut_text(widget: QWidget) -> str | None:
    """Why ``widget``'s text does not fit it, or None when it does."""
    metrics = widget.fontMetrics()
    if isinstance(widget, QLabel):
        text = _plain(widget.text())
        if not text or (widget.pixmap() is not None and not widget.pixmap().isNull()):
            return None
        parent = widget.parentWidget()
        if parent is not None and widget.geometry().right() > parent.rect().right() + TOLERANCE:
            return f"runs {widget.geometry().right() - parent.rect().right()} px past the edge of its " \
                   f"{type(parent).__name__} {parent.objectName() or '?'}"
        room = widget.contentsRect().width() - 2 * max(0, widget.margin()) - max(0, widget.indent())
        if widget.wordWrap():
            longest = max(text.split(), key=metrics.horizontalAdvance, default="")
            need = metrics.horizontalAdvance(longest)
            lines_room = widget.height() >= widget.heightForWidth(widget.width()) - TOLERANCE
            if need > room + TOLERANCE:
                return f"the word “{longest}” needs {need} px, has {room}"
            return None if lines_room else f"wrapped text needs {widget.heightForWidth(widget.width())} px " \
                                           f"of height, has {widget.height()}"
        need = max(metrics.horizontalAdvance(line) for line in text.splitlines() or [""])
        return f"needs {need} px, has {room}" if need > room + TOLERANCE else None
    if isinstance(widget, QComboBox):
        text = widget.currentText()
        items = [widget.itemText(index) for index in range(widget.count())]
        chrome = widget.sizeHint().width() - max((metrics.horizontalAdvance(item) for item in items), default=0)
        need = metrics.horizontalAdvance(text) + chrome  # the arrow, frame and padding around the words
        return f"needs {need} px, has {widget.width()}" if text and need > widget.width() + TOLERANCE else None
    if isinstance(widget, QAbstractButton):
        if not _plain(widget.text()):
            return None
        need = widget.sizeHint().width()
        return f"needs {need} px, has {widget.width()}" if need > widget.width() + TOLERANCE else None
    return None


def off_screen(widget: QWidget, area: QRect) -> str | None:
    top_left = widget.mapToGlobal(QPoint(0, 0))
    rect = QRect(top_left, widget.size())
    inside = area.adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE).contains(rect)
    return None if inside else f"at {rect.getRect()}, outside {area.getRect()}"


def overflowing_toolbar_commands(toolbar: QToolBar) -> list[str]:
    """Commands of ``toolbar`` that do not fit and hide behind its overflow handle."""
    hidden = []
    for action in toolbar.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        button = toolbar.widgetForAction(action)
        if button is not None and not button.isVisible():
            hidden.append(action.text().replace("&", ""))
    return hidden


def column_characters(view: QTextBrowser) -> float:
    """How many characters of running text fit on one line of the reading page."""
    frame = view.document().rootFrame().frameFormat()
    width = view.viewport().width() - frame.leftMargin() - frame.rightMargin()
    font = view.document().defaultFont()
    average = QFontMetricsF(font).horizontalAdvance(_SAMPLE) / len(_SAMPLE)
    return width / average


def problems(root: QWidget, area: QRect, check_position: bool = True, check_column: bool = True) -> list[str]:
    """Everything under ``root`` that is cut, off ``area`` or too narrow to read, in words."""
    found: list[str] = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible() or widget.width() <= 0 or isinstance(widget, QMenu):
            continue
        reason = cut_text(widget)
        if reason:
            found.append(f"text cut: {_name(widget)}: {reason}")
        if check_position and isinstance(widget, _CONTROLS) and not _in_scroll_area(widget, root):
            reason = off_screen(widget, area)
            if reason:
                found.append(f"off screen: {_name(widget)} {reason}")
        if isinstance(widget, QToolBar):
            found += [f"hidden in the toolbar overflow: {text}" for text in overflowing_toolbar_commands(widget)]
        if isinstance(widget, QMenuBar):
            extension = widget.findChild(QToolButton, "qt_menubar_ext_button")
            if extension is not None and extension.isVisible():
                found.append("menus hidden behind the menu bar's »")
    for view in root.findChildren(QTextBrowser, "reading_view") if check_column else []:
        if view.isVisible() and column_characters(view) < MIN_COLUMN_CHARACTERS:
            found.append(f"reading column only {column_characters(view):.0f} characters wide")
    return found


def menu_problems(menu: QMenu, area: QRect) -> list[str]:
    """A menu must fit the screen without scrolling, and show every entry whole."""
    hint = menu.sizeHint()
    found = []
    if hint.width() > area.width() or hint.height() > area.height():
        found.append(f"menu {menu.objectName() or menu.title()} is {hint.width()}×{hint.height()}, "
                     f"screen {area.width()}×{area.height()}")
    return found
