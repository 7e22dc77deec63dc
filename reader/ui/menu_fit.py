"""Menus that always fit: at a large interface size, a long menu is drawn a step or two smaller.

A menu cannot reflow, and Qt scrolls one taller than the screen with small unlabelled
arrows that many readers never find. So a menu that would reach past the window (or the
screen, if smaller) is drawn at the next smaller interface size (font, icons, padding), step
by step, until it fits, but never smaller than the computer's own menu size (100 %). The
rest of the interface keeps the size the reader chose. The menu bar is treated the same way:
wider than the window, Qt would hide its last menus behind an unlabelled "»".
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QMetaObject, QObject, QSize, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QStyle, QWidget

from reader import interface_size
from reader.ui import interface_scale, look

_WATCHED = "reader_menu_fit"  # a menu's dynamic property, once it is fitted as it opens
_SIZED = "reader_menu_sized"  # a menu's dynamic property: the size it is drawn at / the interface size then


class MenuFit(QObject):
    """Keeps every menu of the main window ``host``, submenus included, within the window and its screen."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.host = host
        self._busy = False
        self._pending = False
        self._styles: dict[int, QStyle] = {}
        self._opening: list[QMetaObject.Connection] = []
        self.watch_new()
        host.installEventFilter(self)
        self.fit_all()

    def watch_new(self) -> None:
        """Fit each menu as it opens, those made since (by a feature built after the first paint) too.

        Each menu's fitting is connected again, after what the features connected since (Comfort fills
        the Bookmarks menu as it opens), so a menu is measured once it is filled."""
        for menu in self.host.findChildren(QMenu):
            if not menu.property(_WATCHED):
                menu.setProperty(_WATCHED, True)
                menu.installEventFilter(self)
        for connection in self._opening:
            QObject.disconnect(connection)
        self._opening = [menu.aboutToShow.connect(lambda m=menu: self.fit(m))
                         for menu in self.host.findChildren(QMenu)]

    def room(self) -> QSize:
        screen = self.host.screen().availableGeometry()
        return QSize(min(screen.width(), self.host.width()), min(screen.height(), self.host.height()))

    def fit_all(self) -> None:
        self.fit_bar()
        for menu in self.host.findChildren(QMenu):
            self.fit(menu)

    def fit_bar(self) -> None:
        """The menu bar's titles at the interface size, or the largest smaller size at which all show."""
        if not isinstance(self.host, QMainWindow):
            return
        bar = self.host.menuBar()
        interface = interface_scale.current(QApplication.instance())  # type: ignore[arg-type]
        chosen = interface
        bar.setFont(QFont())
        while chosen > interface_size.MINIMUM and bar.sizeHint().width() > self.host.width():
            chosen = interface_size.smaller(chosen)
            font = QFont(QApplication.font())
            font.setPointSizeF(font.pointSizeF() * chosen / interface)
            bar.setFont(font)

    def fit(self, menu: QMenu) -> None:
        """The menu at the interface size, or the largest smaller size at which it fits (not below 100 %)."""
        if self._busy:
            return
        self._busy = True
        try:
            room = self.room()
            chosen = interface_scale.current(QApplication.instance())  # type: ignore[arg-type]
            self._size(menu, chosen, chosen)
            while chosen > interface_size.MINIMUM and (menu.sizeHint().width() > room.width()
                                                       or menu.sizeHint().height() > room.height()):
                chosen = interface_size.smaller(chosen)
                self._size(menu, chosen, interface_scale.current(QApplication.instance()))  # type: ignore[arg-type]
        finally:
            self._busy = False

    def _size(self, menu: QMenu, percent: int, interface: int) -> None:
        sized = f"{percent}/{interface}"
        if menu.property(_SIZED) == sized:
            return  # as it is: setting a menu's style and stylesheet again restyles it (twice before the paint)
        menu.setProperty(_SIZED, sized)
        if percent == interface:
            menu.setFont(QFont())  # as the rest of the interface
            menu.setStyleSheet("")
            menu.setStyle(None)  # type: ignore[arg-type]
            return
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * percent / interface)
        menu.setFont(font)
        if percent not in self._styles:
            self._styles[percent] = interface_scale.style(percent)
        menu.setStyle(self._styles[percent])
        menu.setStyleSheet(look.menu_spacing(percent))  # as the theme's stylesheet, at this size

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QMenu) and event.type() == QEvent.Type.ApplicationFontChange:
            self.fit(watched)
        elif (watched is self.host and event.type() in (QEvent.Type.Resize, QEvent.Type.ApplicationFontChange)
              and not self._pending):
            self._pending = True
            QTimer.singleShot(0, self._fit_later)
        return False

    def _fit_later(self) -> None:
        self._pending = False
        if shiboken6.isValid(self.host):
            self.fit_all()
