"""The search panel: a box that finds passages as you type, filters, and the results list.

``SearchDock(context)`` adds the panel to the main window as a dock (hidden until Ctrl+F),
connects it to the reading view and starts the search worker after the window's first
paint, so start-up never pays for the search engine.

Keys: Ctrl+F from anywhere puts the focus in the box; Down moves into the results; Enter
or a click opens the passage at its paragraph with every matching word marked; Escape in
the results or the text goes back to the box, and in the box closes the panel; F3 and
Shift+F3 step through the matches in the open section.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QAccessible,
    QAccessibleAnnouncementEvent,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QResizeEvent,
    QShortcut,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader import themes
from reader.model import Guide
from reader.search.results import Hit, IndexReport, SearchResults
from reader.ui import search_box
from reader.ui.context import SectionsChange, WindowContext
from reader.ui.first_paint import after_first_paint
from reader.ui.i18n import tr, translated
from reader.ui.match_highlights import MatchHighlights, counter_text
from reader.ui.search_box import SearchBox
from reader.ui.search_worker import SearchThread

DEBOUNCE_MS = 150
PREPARE_AFTER_PAINT_MS = 300
HIT_ROLE = Qt.ItemDataRole.UserRole


def announce(widget: QWidget, message: str) -> None:
    """Have screen readers say ``message`` without moving the focus."""
    if not message:
        return
    event = QAccessibleAnnouncementEvent(widget, message)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


def marked_html(snippet_html: str, theme: themes.Theme) -> str:
    """Our extracts hold only escaped text and <b> marks: show the marks in the theme's search colours."""
    mark = (f'<span style="background-color:{theme.search_background}; color:{theme.search_text}; '
            'font-weight:bold">')
    return snippet_html.replace("<b>", mark).replace("</b>", "</span>")


def also_in(hit: object) -> str:
    """ "Also in: IRISS, Project 99" for a passage that appears in other sections too."""
    return tr("Also in: {sections}").format(sections=", ".join(hit.also_titles))  # type: ignore[attr-defined]


def spoken(hit: object) -> str:
    """A result as a screen reader says it: where it is, the extract, and where else it appears."""
    text = f"{hit.where}: {hit.snippet_text}"  # type: ignore[attr-defined]
    return f"{text} {also_in(hit)}" if hit.also else text  # type: ignore[attr-defined]


class _ResultDelegate(QStyledItemDelegate):
    """Draws a result as its section title (and heading) over the extract, matches highlighted,
    wrapped, and where else the same passage appears."""

    MARGIN = 6

    def __init__(self, parent: QWidget, theme: Callable[[], themes.Theme]) -> None:
        super().__init__(parent)
        self.theme = theme

    def _document(self, index: QModelIndex | QPersistentModelIndex, width: int,
                  option: QStyleOptionViewItem) -> QTextDocument:
        hit = index.data(HIT_ROLE)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(self.MARGIN)
        also = f"<br><i>{html.escape(also_in(hit))}</i>" if hit.also else ""
        document.setHtml(f"<b>{html.escape(hit.where)}</b><br>{marked_html(hit.snippet_html, self.theme())}{also}")
        document.setTextWidth(max(80, width))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        self.initStyleOption(option, index)
        view = option.widget
        style = view.style() if view is not None else None
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, view)
        document = self._document(index, option.rect.width(), option)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(option.rect.translated(-option.rect.topLeft()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 300
        document = self._document(index, width, option)
        return QSize(width, round(document.size().height()) + 2)


class ResultsList(QListWidget):
    """The results; Enter opens one, Escape (or Up from the first) returns to the box."""

    chosen = Signal(object)  # the Hit
    readAloud = Signal(object)  # the Hit
    backToBox = Signal()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Entering the list (Tab, Shift+Tab) chooses an item, so screen readers say it and the first
        Down goes to the second: Qt makes item 1 current without selecting it, and Orca says only "list"."""
        super().focusInEvent(event)
        if self.count() and (self.currentItem() is None or not self.currentItem().isSelected()):
            self.setCurrentRow(max(0, self.currentRow()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape or (key == Qt.Key.Key_Up and self.currentRow() <= 0):
            self.backToBox.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            wanted = self.readAloud if event.modifiers() & Qt.KeyboardModifier.ControlModifier else self.chosen
            wanted.emit(self.currentItem().data(HIT_ROLE))
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # heights depend on the width


class SearchPanel(QWidget):
    """The box, the filters, what was found, and the match counter for the open section."""

    queryChanged = Signal()  # the words or the filters changed: search again
    passageChosen = Signal(str, str)  # section id, paragraph anchor
    readAloudRequested = Signal(str, str)  # section id, paragraph anchor
    closeRequested = Signal()

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_panel")
        self.setAccessibleName(tr("Search"))

        self.box = SearchBox()
        self.box.setObjectName("search_box")
        self.box.setPlaceholderText(tr("Words to find"))
        self.box.setAccessibleName(tr("Search the guide"))
        self.box.setAccessibleDescription(tr("Results appear below as you type. Down arrow moves to them."))

        self.kind = QComboBox()
        self.kind.setObjectName("search_kind")
        self.kind.setAccessibleName(tr("Kind of section"))
        self.tag = QComboBox()
        self.tag.setObjectName("search_tag")
        self.tag.setAccessibleName(tr("Tag"))
        for combo in (self.kind, self.tag):  # as wide as "All kinds of section", not as the longest tag
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(len(tr("All kinds of section")) * 3 // 4)  # counted in widths of "X"
        self.set_guide(guide)

        self.status = QLabel()
        self.status.setObjectName("search_status")
        self.status.setWordWrap(True)
        # What was found is also the box's and the list's description, said with them. Orca reads a
        # panel's free-standing labels as the focus comes into it, so Ctrl+F back to a search said it
        # twice; a label with a relation is not free-standing: this one is its own buddy (so an "&" in
        # its text is doubled, see show_message).
        self.status.setBuddy(self.status)
        self.suggestion = QPushButton()
        self.suggestion.setObjectName("search_suggestion")
        self.suggestion.hide()
        self.results = ResultsList()
        self.results.setObjectName("search_results")
        self.results.setAccessibleName(tr("Search results"))
        self.results.setWordWrap(True)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # The window hands in its page's theme; on its own the panel uses the default colours.
        self.theme: Callable[[], themes.Theme] = lambda: themes.get(themes.DEFAULT)
        self.results.setItemDelegate(_ResultDelegate(self.results, lambda: self.theme()))
        self.read_aloud = QPushButton(tr("&Read it aloud"))
        self.read_aloud.setObjectName("search_read_aloud")
        self.read_aloud.setAccessibleDescription(tr("Opens the chosen result and reads it aloud from there "
                                                    "(Ctrl+Enter in the results)."))
        self.read_aloud.setEnabled(False)
        self.matches = QLabel()
        self.matches.setObjectName("search_matches")

        filters = QVBoxLayout()  # one above the other, so "All kinds of section" shows whole in a narrow panel
        filters.addWidget(self.kind)
        filters.addWidget(self.tag)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(self.suggestion)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.read_aloud)
        layout.addWidget(self.matches)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.queryChanged)
        self.box.textEdited.connect(lambda _text: self._debounce.start())
        self.box.returnPressed.connect(self._open_first)
        self.box.downPressed.connect(self.focus_results)
        self.box.escapePressed.connect(self.closeRequested)
        self.kind.currentIndexChanged.connect(lambda _i: self.queryChanged.emit())
        self.tag.currentIndexChanged.connect(lambda _i: self.queryChanged.emit())
        self.suggestion.clicked.connect(self._take_suggestion)
        self.results.chosen.connect(self._choose)
        self.results.itemClicked.connect(lambda item: self._choose(item.data(HIT_ROLE)))
        self.results.backToBox.connect(self.focus_box)
        self.results.readAloud.connect(self._read)
        self.results.currentItemChanged.connect(lambda item, _old: self.read_aloud.setEnabled(item is not None))
        self.read_aloud.clicked.connect(lambda: self._read(self.results.currentItem().data(HIT_ROLE))
                                        if self.results.currentItem() else None)
        self._suggested = ""

    def set_guide(self, guide: Guide) -> None:
        """Offer the kinds and tags of these sections (added content brings its own), keeping the choice."""
        for combo, everything, values, label in (
                (self.kind, tr("All kinds of section"), guide.kinds(), lambda k: k.replace("-", " ").capitalize()),
                (self.tag, tr("All tags"), guide.tags(),
                 lambda t: t.replace("-", " ").capitalize().replace("Co ", "Co-"))):
            chosen = combo.currentData() or ""
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for value in values:
                combo.addItem(label(value), value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)

    def set_text_pixels(self, pixels: int) -> None:
        """The results follow the window's text size, as the contents do; the box, filters and buttons are
        controls, and follow the interface size with the rest of the window."""
        font = QFont(self.results.font())
        font.setPixelSize(pixels)
        self.results.setFont(font)
        self.results.scheduleDelayedItemsLayout()

    # What the user asked ------------------------------------------------------------------

    def search_soon(self) -> None:
        """Search after the typing pause, as typing in the box does (the toolbar's box types here too)."""
        self._debounce.start()

    def query(self) -> tuple[str, str, str]:
        return self.box.text().strip(), self.kind.currentData() or "", self.tag.currentData() or ""

    def flush(self) -> None:
        """Search now for what is typed (Enter before the pause, or tests)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.queryChanged.emit()

    # Moving around ------------------------------------------------------------------------

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def focus_results(self) -> None:
        if self.results.count() == 0:
            return
        if self.results.currentRow() < 0:
            self.results.setCurrentRow(0)
        self.results.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_first(self) -> None:
        self.flush()
        item = self.results.currentItem() or self.results.item(0)
        if item is not None:
            self._choose(item.data(HIT_ROLE))

    def _choose(self, hit: Hit | None) -> None:
        if hit is not None:
            self.passageChosen.emit(hit.section, hit.anchor)

    def _read(self, hit: Hit | None) -> None:
        if hit is not None:
            self.readAloudRequested.emit(hit.section, hit.anchor)

    def _take_suggestion(self) -> None:
        if self._suggested:
            self.box.setText(self._suggested)
            self.queryChanged.emit()
            self.focus_box()

    # Showing what was found ---------------------------------------------------------------

    def show_message(self, message: str, speak: bool = True) -> None:
        self.status.setText(message.replace("&", "&&"))  # shown and named with one "&", not as a shortcut
        self.results.setAccessibleDescription(message)
        self.box.setAccessibleDescription(message)
        if speak:
            announce(self, message)

    def clear_results(self) -> None:
        self.results.clear()
        self.suggestion.hide()
        self._suggested = ""
        self.matches.clear()
        self.status.clear()
        self.box.setAccessibleDescription(tr("Results appear below as you type. Down arrow moves to them."))

    def show_results(self, found: SearchResults) -> None:
        """Fill the list from a :class:`reader.search.SearchResults`, keeping the focus where it is."""
        had_focus = self.results.hasFocus()
        self.results.clear()
        for hit in found.results:
            item = QListWidgetItem()
            said = spoken(hit)
            item.setData(Qt.ItemDataRole.DisplayRole, said)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, said)
            item.setData(HIT_ROLE, hit)
            self.results.addItem(item)
        self._suggested = found.suggestion or ""
        if self._suggested:
            self.suggestion.setText(tr("Did you mean “{words}”?").format(words=self._suggested))
            self.suggestion.setAccessibleName(self.suggestion.text())
            self.suggestion.show()
        else:
            self.suggestion.hide()
        self.show_message(self._describe(found))
        if had_focus:
            if self.results.count():
                self.results.setCurrentRow(0)
            else:
                self.focus_box()  # never leave the focus on an empty list

    @staticmethod
    def _describe(found: SearchResults) -> str:
        total, shown = found.total, len(found.results)
        query = found.query
        if total == 0:
            text = tr("No passages match “{query}”.").format(query=query)
        elif found.fuzzy_used:
            text = tr("No exact matches for “{query}”. %n passages with similar words:", None, total).format(
                query=query)
        elif found.any_words_used:
            text = tr("No passage has all of “{query}”. %n passages with some of the words:", None,
                      total).format(query=query)
        else:
            text = tr("%n passages found.", None, total)
        if 0 < shown < total:
            text += " " + tr("Showing the first %n.", None, shown)
        notes = " ".join(map(translated, found.notes))
        return f"{text} {notes}".strip()

    def show_matches(self, current: int, total: int) -> None:
        if total == 0:
            self.matches.setText(tr("No matches in this section.") if self.box.text().strip() else "")
        elif current == 0:
            self.matches.setText(tr("{total} matches in this section. F3 goes to the next.").format(total=total)
                                 if total != 1 else tr("1 match in this section."))
        else:
            self.matches.setText(counter_text(current, total))


class SearchDock(QObject):
    """Connects the panel, the worker and the reading view of a main window."""

    def __init__(self, context: WindowContext) -> None:
        super().__init__(context.host)
        self.context = context
        self.panel = SearchPanel(context.guide)
        self.panel.theme = context.view.theme
        self.dock = QDockWidget(tr("Search"), context.host)
        self.dock.setObjectName("search_dock")
        self.dock.setAccessibleName(tr("Search"))
        self.dock.setWidget(self.panel)
        context.add_dock(self.dock, pane=self.panel)

        self.view = context.view
        self.highlights = MatchHighlights(self.view)
        self.worker = SearchThread(self)
        self.ready = False
        self.closed = False
        self.report: IndexReport | None = None
        self._say_match = False  # True while showing a match the reader asked for (not the page drawn again)
        self._opening = False  # True while a result opens: a panel lying over the page gives way, marks stay
        self._shown: SearchResults | None = None  # the answer in the list and on the page, if any

        self.panel.queryChanged.connect(self.search_now)
        self.panel.passageChosen.connect(self.open_passage)
        self.panel.readAloudRequested.connect(self.read_passage)
        self.panel.closeRequested.connect(self.close)
        self.worker.worker.ready.connect(self._ready)
        self.worker.worker.unavailable.connect(self._unavailable)
        self.worker.worker.found.connect(self._found)
        self.highlights.changed.connect(self._matches_changed)
        self.dock.visibilityChanged.connect(self._visibility_changed)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.view, context=Qt.ShortcutContext.WidgetShortcut)
        back.activated.connect(self._escape_from_text)
        after_first_paint(self.view.viewport(), lambda: QTimer.singleShot(PREPARE_AFTER_PAINT_MS, self.prepare))
        context.sectionsChanged.connect(self._sections_changed)
        self.toolbar_box = self._toolbar_box()

    def _toolbar_box(self) -> SearchBox:
        """The search box on the toolbar: typing there searches as the panel's box does, and opens the panel."""
        box = search_box.toolbar_box(self.context.commands)
        box.textEdited.connect(self._typed_on_toolbar)

        def open_first() -> None:
            self._typed_on_toolbar(box.text())
            self.panel._open_first()

        def to_results() -> None:
            self.panel.flush()
            self.panel.focus_results()

        box.returnPressed.connect(open_first)
        box.downPressed.connect(to_results)
        box.escapePressed.connect(self.close)
        self.panel.box.textChanged.connect(lambda text: box.setText(text) if box.text() != text else None)
        return box

    def _typed_on_toolbar(self, text: str) -> None:
        self.prepare()
        if not self.dock.isVisible():
            self.dock.show()
        if self.panel.box.text() != text:
            self.panel.box.setText(text)
            self.panel.queryChanged.emit() if not text else self.panel.search_soon()

    # Starting the engine only once the window is on screen --------------------------------

    def prepare(self) -> None:
        """Open (or build) the index in the worker; harmless to call again."""
        if not self.worker.started and not self.closed and shiboken6.isValid(self.worker):  # not once deleted
            self.worker.start(self.context.guide)

    def _sections_changed(self, change: SectionsChange) -> None:
        """Content was added or removed: search it at once, without rebuilding the rest of the index."""
        self.panel.set_guide(change.guide)
        if self.closed:
            return
        if change.outside:  # the other program has already updated the index on disk: open it again
            self.ready = False
            self.worker.start(change.guide)
            return
        if not self.worker.started:  # not open yet: open the index for the content as it was, then change it
            self.worker.start(change.previous)
        if change.removed:
            self.worker.remove_sections(change.removed)
        if change.added:
            self.worker.add_sections(change.added)
        self.search_now()

    def _ready(self, report: IndexReport) -> None:
        self.ready, self.report = True, report
        if self.panel.query()[0]:
            self.search_now()

    def _unavailable(self, message: str) -> None:
        self._shown = None  # the message replaces the answer's: the next answer is shown whole
        self.panel.show_message(tr("Search is not available: {reason}").format(reason=message))

    # Searching ----------------------------------------------------------------------------

    def show_and_focus(self) -> None:
        """Show the panel, then, once it is on screen, put the keyboard in the box.

        Focusing a box that is not shown yet sends screen readers a caret move before any focus
        change, and Orca says nothing at all: the first Ctrl+F after start-up was silent."""
        self.prepare()
        shown = self.dock.isVisible()
        self.dock.show()
        self.dock.raise_()
        if shown:
            self.panel.focus_box()
        else:
            QTimer.singleShot(0, self._focus_new_box)

    def _focus_new_box(self) -> None:
        """The box of a panel just shown takes the focus. Orca says the box with its description (a
        one-line plain-text box is presented the first time too: saying its name and description as
        well had Orca say the description twice)."""
        if not shiboken6.isValid(self.panel):
            return
        self.panel.focus_box()

    def search_now(self) -> None:
        text, kind, tag = self.panel.query()
        if not text:
            self.worker.search("", kind, tag)  # makes any search still running stale
            self._shown = None
            self.panel.clear_results()
            self.highlights.clear()
            return
        if not self.ready:
            self.prepare()
            self._shown = None  # the message replaces the answer's, as in _unavailable
            self.panel.show_message(tr("Getting search ready…"), speak=False)
            return
        self.worker.search(text, kind, tag)

    def _found(self, request: int, found: SearchResults) -> None:
        if request != self.worker.latest:
            return  # an answer to an older query: the user has typed since
        if found == self._shown:
            # The same answer again (the index opened again, content added that does not match): the
            # reader keeps their place in the list and their current match, and hears nothing twice.
            return
        self._shown = found
        self.panel.show_results(found)
        self.highlights.set_highlighter(found.highlighter)

    # The open section ---------------------------------------------------------------------

    def open_passage(self, section_id: str, anchor: str) -> None:
        self._opening = True
        try:
            if not self.context.reading.open_section(section_id, anchor):
                return
        finally:
            self._opening = False
        self._say_match = True
        self.highlights.select_first_in(anchor)
        self._say_match = False
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def read_passage(self, section_id: str, anchor: str) -> None:
        """Open a result with its matches marked and have it read aloud from that paragraph."""
        listening = self.context.listening
        if listening is None:
            return
        self.open_passage(section_id, anchor)
        listening.read_section(section_id, anchor)

    def step(self, delta: int) -> None:
        """F3 / Shift+F3: the next or previous match in the open section."""
        if not self.highlights.highlighter:
            self.show_and_focus()
            return
        self._say_match = True
        moved = self.highlights.step(delta)
        self._say_match = False
        if not moved:
            self.context.show_status(tr("No matches in this section."), 4000)

    def _matches_changed(self, current: int, total: int) -> None:
        self.panel.show_matches(current, total)
        if current and self._say_match:
            message = counter_text(current, total)
            self.context.show_status(message, 4000)
            words = self.view.textCursor().selectedText().strip()
            self.context.say(f"{message}: {words}" if words else message)

    def _escape_from_text(self) -> None:
        if self.dock.isVisible():
            self.panel.focus_box()

    def close(self) -> None:
        self.dock.hide()

    def _visibility_changed(self, visible: bool) -> None:
        host = self.context.host
        if not shiboken6.isValid(host):
            return  # the window is being destroyed
        if visible or not host.isVisible() or host.isMinimized():
            return  # shown again, or only the whole window was minimised or closed
        if self._opening:
            return  # a panel over the page gave way to the result chosen in it: its matches are wanted
        self._shown = None  # the marks are gone: the next answer puts them back, even the same one
        self.highlights.clear()
        self.panel.matches.clear()
        focused = QApplication.focusWidget()
        if focused is None or self.panel.isAncestorOf(focused) or focused is self.panel:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def shutdown(self) -> None:
        """Stop the worker thread (the window is closing); it is not started again."""
        self.closed = True
        self.worker.stop()
