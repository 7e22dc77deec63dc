"""The table of contents: sections in reading order, examples indented under their overview.

The rows are kept flat (every section a top-level item, examples drawn indented) rather than
nested: Qt's accessibility for a nested tree reports the selected row by its row within its parent,
so screen readers entering the contents named another section ("North Lanarkshire" for "Project
99"), and every leaf said "expanded". A flat list keeps what Orca is told and what is shown the
same; the nesting is shown by the indent and said by each example's description.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from reader import pane_room
from reader.model import Guide, Section
from reader.ui.first_paint import after_first_paint
from reader.ui.i18n import tr

SECTION_ROLE = Qt.ItemDataRole.UserRole
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 1  # 0 for a section, 1 for an example under it
# Lines made before the window first shows (more than a screen holds); with thousands of added
# sections the rest follow in batches once the list has painted (an item costs Qt about 30
# microseconds; at 100 packs the lines made before the paint cost it 14 ms, now 1 ms).
FIRST_BATCH = 150
LATER_BATCH = 1500


class _WrappingDelegate(QStyledItemDelegate):
    """Qt's tree views do not wrap item text by themselves: measure it at the column's width."""

    def __init__(self, parent: QTreeWidget) -> None:
        super().__init__(parent)
        self._measured: dict[tuple[str, int, str], QSize] = {}  # Qt asks again on every re-layout

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        view = self.parent()
        assert isinstance(view, QTreeWidget)
        depth = int(index.data(LEVEL_ROLE) or 0)
        width = max(40, view.viewport().width() - view.indentation() * depth - 12)
        if not view.isVisible():
            # Until the list shows, its width is not yet its own: the splitter, the window's place and
            # the window's layout as it shows gave it three in turn, every title measured at each. A
            # line's height stands in; Qt measures the lines again as the list shows, before it paints.
            return QSize(width, QFontMetrics(view.font()).height())
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        key = (text, width, view.font().key())
        found = self._measured.get(key)
        if found is None:
            if len(self._measured) > 50_000:
                self._measured.clear()
            found = self._measured[key] = self._measure(text, width, view.font())
        return QSize(found)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        view = self.parent()
        assert isinstance(view, QTreeWidget)
        depth = int(index.data(LEVEL_ROLE) or 0)
        if depth:
            option = QStyleOptionViewItem(option)
            option.rect.adjust(view.indentation() * depth, 0, 0, 0)
        super().paint(painter, option, index)

    @staticmethod
    def _measure(text: str, width: int, font: QFont) -> QSize:
        # Wrap as the delegate paints: at word boundaries, or anywhere when one word is too long.
        layout = QTextLayout(text, font)
        option_wrap = QTextOption()
        option_wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option_wrap)
        layout.beginLayout()
        height = 0.0
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            height += line.height()
        layout.endLayout()
        return QSize(width, round(height) + max(6, QFontMetrics(font).height() // 3))


class ContentsPanel(QTreeWidget):
    sectionChosen = Signal(str)

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contents")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setAccessibleName(tr("Contents"))
        self.setAccessibleDescription(tr("The guide's sections. Use the arrow keys to move and Enter to open "
                                         "one."))
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Long titles wrap to the panel's width instead of being cut off.
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setItemDelegate(_WrappingDelegate(self))
        self._items: dict[str, QTreeWidgetItem] = {}
        self._pending: list[Section] = []
        self._listed: list[Section] = []  # every section with a line, or waiting for one, in order
        self._guide = guide
        self._words: list[str] | None = None  # see words_to_fit
        self._wanted: str | None = None  # the current section, when its line is still to come
        self._filler = QTimer(self)
        self._filler.setSingleShot(True)
        self._filler.timeout.connect(self._fill_later)
        self.set_guide(guide)
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)

    def set_guide(self, guide: Guide) -> None:
        """One line per section; past :data:`FIRST_BATCH` lines the rest are added after the
        list has painted, a batch at a time, so a large library does not delay the first page.

        Sections only added after those listed (the packs listed just after the first paint) keep
        the lines already there, so nothing the user sees moves."""
        sections = list(guide)
        listed = self._listed
        if listed and len(sections) > len(listed) and sections[:len(listed)] == listed:
            self._guide, self._words, self._listed = guide, None, sections
            waiting = bool(self._pending)
            self._pending += sections[len(listed):]
            if not waiting:  # else a batch is on its way already
                if len(self._items) < FIRST_BATCH:  # as many lines at once as a new list gets
                    self._add_more(FIRST_BATCH - len(self._items))
                if self._pending:
                    after_first_paint(self.viewport(), self._fill_later)
            return
        self._listed = sections
        self.clear()
        self._items.clear()
        self._guide, self._words = guide, None
        self._pending = list(guide)
        self._add_more(FIRST_BATCH)
        if self._pending:  # the rest once the list is on screen (at once, if it already is)
            after_first_paint(self.viewport(), self._fill_later)

    def _fill_later(self) -> None:
        """A batch, then the next one on the event loop's next turn, so keys are handled between them."""
        self._add_more(LATER_BATCH)
        if self._pending:
            self._filler.start(0)

    def words_to_fit(self) -> list[str]:
        """The few words of the lines (all of them, not only those made yet) that could be the widest,
        widest first: the list is never made narrower than its widest word."""
        if self._words is None:
            titles = [section.title for section in self._guide]
            if any(section.pack != "guide" for section in self._guide):
                titles.append(tr("{title} (added)").replace("{title}", " "))
            self._words = pane_room.widest_words(titles)
        return self._words

    def _add_more(self, count: int) -> None:
        batch, self._pending = self._pending[:count], self._pending[count:]
        added_title, added_tip = tr("{title} (added)"), tr("Added content from “{pack}”. {tip}")
        in_parent = tr("In “{parent}”")
        top: list[QTreeWidgetItem] = []
        for section in batch:
            parent = self._items.get(section.parent) if section.parent else None
            tip = section.summary or section.title
            if section.pack != "guide":
                item = QTreeWidgetItem([added_title.format(title=section.title)])
                tip = added_tip.format(pack=section.pack, tip=tip)
            else:
                item = QTreeWidgetItem([section.title])
            item.setData(0, SECTION_ROLE, section.id)
            item.setToolTip(0, tip)
            if parent is not None:
                item.setData(0, LEVEL_ROLE, int(parent.data(0, LEVEL_ROLE) or 0) + 1)
                item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, in_parent.format(parent=parent.text(0)))
            top.append(item)
            self._items[section.id] = item
        self.addTopLevelItems(top)
        if self._wanted in self._items:
            self.show_current(self._wanted)

    def complete(self) -> bool:
        """Whether every section has its line (see :meth:`set_guide`)."""
        return not self._pending

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Left goes from an example up to the section it is listed under, Right from that section down to
        its first example, as in any tree (the rows are flat, so Qt's own tree keys do nothing here)."""
        item = self.currentItem()
        if item is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            section_id = item.data(0, SECTION_ROLE)
            target: QTreeWidgetItem | None = None
            if event.key() == Qt.Key.Key_Left:
                target = self._items.get(self._parent_of(section_id) or "")
            elif event.key() == Qt.Key.Key_Right:
                below = self.itemBelow(item)
                if below is not None and self._parent_of(below.data(0, SECTION_ROLE)) == section_id:
                    target = below
            if target is not None:
                self.setCurrentItem(target)
                self.scrollToItem(target)
                event.accept()
                return
        super().keyPressEvent(event)

    def _parent_of(self, section_id: str) -> str | None:
        section = self._guide.get(section_id)
        return section.parent if section is not None else None

    def _chosen(self, item: QTreeWidgetItem) -> None:
        self.sectionChosen.emit(item.data(0, SECTION_ROLE))

    def show_current(self, section_id: str) -> None:
        self._wanted = section_id
        item = self._items.get(section_id)
        if item is not None and (self.currentItem() is not item or self.selectedItems() != [item]):
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)
            self.scrollToItem(item)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # row heights depend on the width

    def current_section(self) -> str | None:
        item = self.currentItem()
        return item.data(0, SECTION_ROLE) if item else None

    def set_text_pixels(self, pixels: int) -> None:
        font = QFont(self.font())
        font.setPixelSize(pixels)
        self.setFont(font)
        self.scheduleDelayedItemsLayout()
