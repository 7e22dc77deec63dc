"""Questions and warnings for the user, behind one small service that tests replace."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from reader.ui.i18n import tr


class LinkChoice(Enum):
    OPEN = "open"
    COPY = "copy"
    CANCEL = "cancel"


class Messages:
    """Modal message boxes; every one has a plain title and says what to do next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def web_link(self, url: str) -> LinkChoice:
        box = QMessageBox(QMessageBox.Icon.Question, tr("This link needs the internet"),
                          tr("This link goes to a web page, which needs an internet connection:\n\n{url}\n\n"
                             "You can open it in your web browser, or copy the address to visit it later.")
                          .format(url=url), QMessageBox.StandardButton.NoButton, self.parent)
        box.setAccessibleName(tr("This link needs the internet"))
        open_button = box.addButton(tr("&Open in web browser"), QMessageBox.ButtonRole.AcceptRole)
        copy_button = box.addButton(tr("&Copy address"), QMessageBox.ButtonRole.ActionRole)
        cancel_button = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(copy_button)
        box.setEscapeButton(cancel_button)
        box.exec()
        clicked = box.clickedButton()
        if clicked is open_button:
            return LinkChoice.OPEN
        if clicked is copy_button:
            return LinkChoice.COPY
        return LinkChoice.CANCEL

    def warning(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def error(self, title: str, text: str) -> None:
        QMessageBox.critical(self.parent, title, text)

    def information(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def confirm(self, title: str, text: str, accept: str) -> bool:
        """Ask before a change; ``accept`` names the change (Cancel is the default, and Escape)."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, self.parent)
        box.setAccessibleName(title)
        accept_button = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
        cancel_button = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel_button)
        box.setEscapeButton(cancel_button)
        box.exec()
        return box.clickedButton() is accept_button
