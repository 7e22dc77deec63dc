"""The table of contents: sections in reading order, examples nested under their overview."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from reader.model import Guide
from reader.ui.i18n import tr

SECTION_ROLE = Qt.ItemDataRole.UserRole


class _WrappingDelegate(QStyledItemDelegate):
    """Qt's tree views do not wrap item text by themselves: measure it at the column's width."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        view = self.parent()
        assert isinstance(view, QTreeWidget)
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = max(40, view.viewport().width() - view.indentation() * (depth + 1) - 12)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        # Wrap as the delegate paints: at word boundaries, or anywhere when one word is too long.
        layout = QTextLayout(text, view.font())
        option_wrap = QTextOption()
        option_wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option_wrap)
        layout.beginLayout()
        height = 0.0
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            height += line.height()
        layout.endLayout()
        return QSize(width, round(height) + max(6, QFontMetrics(view.font()).height() // 3))


class ContentsPanel(QTreeWidget):
    sectionChosen = Signal(str)

    def __init__(self, guide: Guide, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contents")
        self.setHeaderHidden(True)
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
        self.set_guide(guide)
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)

    def set_guide(self, guide: Guide) -> None:
        self.clear()
        self._items.clear()
        for section in guide:
            parent = self._items.get(section.parent) if section.parent else None
            item = QTreeWidgetItem([section.title])
            item.setData(0, SECTION_ROLE, section.id)
            tip = section.summary or section.title
            if section.pack != "guide":
                item.setText(0, tr("{title} (added)").format(title=section.title))
                tip = tr("Added content from “{pack}”. {tip}").format(pack=section.pack, tip=tip)
            item.setToolTip(0, tip)
            if parent is not None:
                parent.addChild(item)
            else:
                self.addTopLevelItem(item)
            self._items[section.id] = item
        self.expandAll()

    def _chosen(self, item: QTreeWidgetItem) -> None:
        self.sectionChosen.emit(item.data(0, SECTION_ROLE))

    def show_current(self, section_id: str) -> None:
        item = self._items.get(section_id)
        if item is not None and self.currentItem() is not item:
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
