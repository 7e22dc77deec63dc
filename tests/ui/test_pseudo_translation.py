"""The window in the pseudo-translation: every string a user sees or hears is translated, and none is cut.

The pseudo-translation (reader/pseudo_translation.py) wraps each string of the extracted
catalogue in ⟦…⟧ and makes it 40 % longer. With it loaded, the test opens every menu, panel,
dialog and the toolbars at 1024×600 and fails on text that is not wrapped (never translated,
or never extracted) or that is wider than the widget showing it. The guide's own words (the
text, section titles in the contents and the search results) are content, not interface.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QWidget,
)

from reader import APP_NAME, paths
from reader.pseudo_translation import CLOSE, OPEN, is_pseudo
from reader.settings import Settings
from reader.ui import translation
from reader.ui.added_content import ManageDialog
from reader.ui.main_window import MainWindow

from .conftest import RecordedMessages

WIDTH, HEIGHT = 1024, 600
# Parts of the window that show the guide itself, not the interface.
CONTENT = ("reading_view", "contents", "search_results")
# Lists whose entries come from the content (its kinds and tags) or the computer (its voices), after an
# "all" entry that is the interface's.
NAMED_ELSEWHERE = ("search_kind", "search_tag", "voice_choice")


@dataclass(frozen=True)
class Shown:
    where: str
    text: str
    fits: bool = True


@pytest.fixture
def pseudo(qapp) -> Iterator[None]:
    """The pseudo-translation loaded as ``COPRODUCTION_READER_TRANSLATION=pseudo`` loads it; English after."""
    assert translation.install("pseudo") == []
    yield
    translation.install("en")


@pytest.fixture
def window(pseudo, qtbot, guide, monkeypatch) -> Iterator[MainWindow]:
    monkeypatch.setenv("COPRODUCTION_READER_SPEECH", "fake")  # the Listen controls as they are with a voice
    monkeypatch.setenv("COPRODUCTION_READER_AUDIO", "null")
    window = MainWindow(guide, Settings(paths.settings_file()), messages=RecordedMessages(), remember=False)
    qtbot.addWidget(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.speech.controller.loading, timeout=10000)
    yield window
    window.close()


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text).replace("&&", "&") if "<" in text else text.replace("&&", "&")


def _translated(text: str, guide) -> bool:
    """Wrapped as a whole, or nothing to translate (numbers, symbols), or the guide's or the app's own name."""
    text = _plain(text).strip()
    return not re.search(r"[A-Za-z]", text) or is_pseudo(text) or text in (APP_NAME, guide.title)


def _wider(metrics: QFontMetrics, text: str, room: int) -> bool:
    return any(metrics.horizontalAdvance(line.replace("&", "")) > room for line in _plain(text).split("\n"))


def _is_content(widget: QWidget) -> bool:
    while widget is not None:
        if widget.objectName() in CONTENT:
            return True
        widget = widget.parentWidget()
    return False


def shown_in(root: QWidget) -> list[Shown]:
    """Every string the widgets under ``root`` show or give to a screen reader, and whether it fits."""
    found: list[Shown] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or _is_content(widget):
            continue
        where = f"{type(widget).__name__} {widget.objectName() or ''}".strip()
        metrics = widget.fontMetrics()
        for text in (widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()):
            if text:
                found.append(Shown(f"{where} (tip or name)", text))
        if widget.isWindow() and widget.windowTitle():
            found.append(Shown(f"{where} (title)", widget.windowTitle()))
        if isinstance(widget, QLabel) and widget.text():
            room = widget.contentsRect().width() - 2 * widget.margin()
            if widget.wordWrap():
                fits = widget.heightForWidth(widget.contentsRect().width()) <= widget.contentsRect().height() + 1 \
                    or widget.heightForWidth(widget.contentsRect().width()) < 0
            else:
                fits = not _wider(metrics, widget.text(), room)
            found.append(Shown(where, widget.text(), fits))
        elif isinstance(widget, QAbstractButton) and widget.text():
            found.append(Shown(where, widget.text(), widget.width() >= widget.sizeHint().width()))
        elif isinstance(widget, QGroupBox) and widget.title():
            found.append(Shown(where, widget.title(), not _wider(metrics, widget.title(), widget.width())))
        elif isinstance(widget, QComboBox):
            option = QStyleOptionComboBox()
            widget.initStyleOption(option)
            field = widget.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                                  QStyle.SubControl.SC_ComboBoxEditField, widget)
            fits = not _wider(metrics, widget.currentText(), field.width())
            if widget.objectName() in NAMED_ELSEWHERE:
                everything = widget.count() > 0 and widget.itemData(0) == ""  # "All tags": the interface's
                found += [Shown(f"{where} (item)", widget.itemText(0))] if everything else []
                found.append(Shown(where, OPEN + CLOSE, fits))  # the chosen name is not ours, but must fit
                continue
            found += [Shown(f"{where} (item)", widget.itemText(i)) for i in range(widget.count())]
            found.append(Shown(where, widget.currentText(), fits))
        elif (isinstance(widget, QLineEdit | QPlainTextEdit) and widget.placeholderText()
              and not (widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText())):
            found.append(Shown(f"{where} (placeholder)", widget.placeholderText(),
                               not _wider(metrics, widget.placeholderText(), widget.width() - 8)))
        elif isinstance(widget, QTabWidget):
            bar = widget.tabBar()
            for i in range(widget.count()):
                found.append(Shown(f"{where} (tab)", widget.tabText(i),
                                   bar.tabRect(i).width() >= bar.tabSizeHint(i).width()))
        elif isinstance(widget, QDockWidget):
            found.append(Shown(f"{where} (title)", widget.windowTitle(),
                               not _wider(metrics, widget.windowTitle(), widget.width() - 40)))
        elif isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            found += [Shown(f"{where} (heading)", header.text(c)) for c in range(widget.columnCount())]
            # Qt elides an item's text that is wider than its cell less the focus frame's margins.
            margin = 2 * (widget.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1)
            iterator = QTreeWidgetItemIterator(widget)
            while iterator.value() is not None:
                item = iterator.value()
                indent = widget.visualItemRect(item).x() - widget.header().sectionViewportPosition(0)
                room = widget.columnWidth(0) - indent - margin
                found.append(Shown(f"{where} (row)", item.text(0), not _wider(metrics, item.text(0), room)))
                iterator += 1
    return found


def menu_texts(menu: QMenu, where: str) -> list[Shown]:
    found = [Shown(where, menu.title())] if menu.title() else []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        text = action.text().split("\t")[0]  # after a tab: the key, which Qt shows beside the entry
        found.append(Shown(f"{where} ▸ {_plain(text)}", text))
        if action.statusTip():
            found.append(Shown(f"{where} ▸ {_plain(action.text())} (tip)", action.statusTip()))
        if action.menu() is not None:
            found += menu_texts(action.menu(), f"{where} ▸ {_plain(action.text())}")
    return found


def _check(found: list[Shown], guide, exempt: tuple[str, ...] = ()) -> None:
    untranslated = sorted({f"{s.where}: {s.text!r}" for s in found
                           if not _translated(s.text, guide) and s.text not in exempt})
    cut = sorted({f"{s.where}: {s.text!r}" for s in found if not s.fits})
    assert not untranslated, "shown untranslated:\n" + "\n".join(untranslated)
    assert not cut, "cut off (wider than its widget):\n" + "\n".join(cut)


def _exempt_content(window: MainWindow) -> tuple[str, ...]:
    """Section titles the window shows in its own places (status line, bookmarks): content, not interface."""
    return tuple(section.title for section in window.guide.sections)


def test_the_pseudo_translation_wraps_and_lengthens(pseudo) -> None:
    from reader.ui.i18n import tr

    assert tr("&File") == OPEN + "&Fílé··" + CLOSE
    assert tr("%n passages found.", None, 3).startswith(OPEN + "3 ")
    assert tr("A string that was never extracted") == "A string that was never extracted"


def test_the_check_sees_untranslated_and_cut_text(pseudo, qtbot, guide) -> None:
    from reader.ui.i18n import tr

    box = QWidget()
    qtbot.addWidget(box)
    cut = QLabel(tr("&Using this reader").replace("&", ""), box)
    cut.setFixedWidth(40)
    plain = QLabel("Never extracted", box)
    plain.move(0, 40)
    tree = QTreeWidget(box)
    tree.setHeaderLabels([tr("Command"), tr("Keys")])  # the last column stretches; the first does not
    row = QTreeWidgetItem(tree, [tr("&Voice and pronunciation…"), ""])
    tree.setGeometry(0, 80, 300, 100)
    tree.setColumnWidth(0, 60)
    box.resize(300, 200)
    box.show()
    qtbot.waitExposed(box)
    found = {shown.text: shown for shown in shown_in(box)}
    assert not found[cut.text()].fits and found[plain.text()].fits
    assert not found[row.text(0)].fits
    tree.resizeColumnToContents(0)
    assert {shown.text: shown for shown in shown_in(box)}[row.text(0)].fits
    assert not _translated(plain.text(), guide) and _translated(cut.text(), guide)


@pytest.mark.qt_log_ignore("This plugin does not support")  # offscreen: a popup menu cannot grab the keyboard
def test_menus_and_toolbars_are_translated(window: MainWindow, qtbot, guide) -> None:
    found: list[Shown] = []
    for action in window.menuBar().actions():
        menu = action.menu()
        menu.popup(window.mapToGlobal(QPoint(0, 0)))
        qtbot.waitUntil(menu.isVisible)
        found += menu_texts(menu, "menu")
        found += shown_in(menu)
        menu.close()
    context = window.text_menu(QPoint(10, 10))
    found += menu_texts(context, "text's context menu")
    context.deleteLater()
    for toolbar in window.findChildren(type(window.toolbar)):
        assert toolbar.isVisible(), toolbar.objectName()
        found += shown_in(toolbar)
        buttons = [b for b in toolbar.findChildren(QToolButton) if b.isVisible() and b.defaultAction()]
        assert buttons, toolbar.objectName()
    found += shown_in(window)
    _check(found, guide, _exempt_content(window))


def test_panels_are_translated_and_fit(window: MainWindow, qtbot, guide) -> None:
    window.actions["search"].trigger()
    qtbot.keyClicks(window.search.panel.box, "carers")
    qtbot.waitUntil(lambda: window.search.panel.results.count() > 0, timeout=10000)  # and the count is shown
    window.actions["reading_settings"].trigger()
    window.actions["show_bookmarks"].trigger()
    qtbot.wait(50)
    _check(shown_in(window), guide, _exempt_content(window))


def test_dialogs_are_translated_and_fit(window: MainWindow, qtbot, guide) -> None:
    found: list[Shown] = []
    preferences = window.comfort.show_preferences()
    qtbot.waitExposed(preferences)
    pages = preferences.findChild(QTabWidget)
    for index in range(pages.count()):
        pages.setCurrentIndex(index)
        qtbot.wait(20)
        found += shown_in(preferences)
    preferences.close()

    window.speech.actions["speech_voice"].trigger()
    from reader.ui.voice_dialog import VoiceDialog

    voice = window.findChild(VoiceDialog)
    qtbot.waitExposed(voice)
    found += shown_in(voice)
    voice.reject()

    manage = ManageDialog(window.added_content, window)
    qtbot.addWidget(manage)
    manage.show()
    qtbot.waitExposed(manage)
    found += shown_in(manage)
    manage.close()

    def inspect_prompt() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            found.extend(shown_in(dialog))
            dialog.reject()
        else:
            QTimer.singleShot(20, inspect_prompt)

    QTimer.singleShot(20, inspect_prompt)
    window.actions["add_bookmark"].trigger()
    assert any("(title)" in s.where for s in found[-20:]), "the bookmark prompt was seen"

    window.actions["about"].trigger()
    messages: RecordedMessages = window.messages  # type: ignore[assignment]
    found += [Shown(f"message {kind}", text) for kind, title, body in messages.shown for text in (title, body)]
    _check(found, guide, _exempt_content(window))


def test_the_talking_book_progress_is_translated_and_fits(window: MainWindow, qtbot, guide, tmp_path) -> None:
    """File › Save as a talking book: the progress dialog while it works, and the word when it is cancelled."""
    from reader.speech.fake import FakeEngine

    window.speech.controller.engine = FakeEngine(delay=0.03)  # slow enough for the progress to show

    class Chooser:
        def save_file(self, suggested: str) -> object:
            return tmp_path / "guide.epub"

    window.talking_book.chooser = Chooser()  # type: ignore[assignment]
    window.talking_book.save()
    dialog = window.talking_book.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.value() >= 1, timeout=10000)
    found = shown_in(dialog)
    assert any("(title)" in shown.where for shown in found), "the progress dialog was seen"
    dialog.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: window.talking_book.worker is None, timeout=10000)
    found.append(Shown("status line", window.statusBar().currentMessage()))
    _check(found, guide, _exempt_content(window))
