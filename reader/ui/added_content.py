"""Adding and removing content from the window: packs (zip files) and single documents.

The rules live in :mod:`reader.packs`; this module asks for a file, reports the outcome in
plain words, and puts the new sections in front of the reader at once: the window shows them
and every other feature (the search index, reading aloud) hears of them through the context's
one ``sectionsChanged`` signal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.library import Library, open_library
from reader.model import Guide, Section
from reader.packs import PackError, PackExistsError, add, remove, scan
from reader.packs.store import packs_dir
from reader.translatable import message_of
from reader.ui import save_places
from reader.ui.context import WindowContext
from reader.ui.i18n import tr, translated

FILE_FILTER = "Content packs and documents (*.zip *.md *.markdown *.txt *.html *.htm);;All files (*)"
NAME_ROLE = Qt.ItemDataRole.UserRole
SETTLE_MS = 400


class _WaitCursor:
    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()


class AddedContent(QObject):
    """The window's "Add content…" and "Manage added content…" commands.

    ``choose_file`` asks the user for a file (a file dialog by default; tests pass their own).
    It is the packs' :class:`~reader.packs.SectionsListener`: what they report is gathered and
    told to the window once the change is shown.
    """

    def __init__(self, context: WindowContext, choose_file: Callable[[], str] | None = None) -> None:
        super().__init__(context.host)
        self.context = context
        self.choose_file = choose_file or self._file_dialog
        self._added: list[Section] = []
        self._removed: list[str] = []
        self._watch_packs_folder()

    # Content added or removed elsewhere (the command line, another copy of the reader) ------------

    def _watch_packs_folder(self) -> None:
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)  # an install is several renames: look once they are done
        self._settle.timeout.connect(self.catch_up)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(lambda _path: self._settle.start())
        if not self.context.remember:
            return  # a screenshot: the user's folders are neither made nor watched
        folder = packs_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # a read-only place: nothing can be added there anyway
        self._watcher.addPath(str(folder))

    def catch_up(self) -> bool:
        """Show content that was added, removed or edited outside this window; True if anything changed.

        An edit alone (a pack's file changed in place, found when a quick start's listing is checked)
        is shown without a word: the window keeps its place and the user has had no time to read it."""
        library = open_library()
        if _listed(library.guide) == _listed(self.context.guide):
            return False
        added_or_removed = [s.id for s in library.guide] != [s.id for s in self.context.guide]
        self.context.change_sections(library.guide, outside=True)
        if added_or_removed:
            self.context.show_status(
                tr("Content was added or removed outside this window: the contents are up to date."), 10000)
        return True

    def check_quick_listing(self, library: Library) -> bool:
        """After a start that listed ``library`` quickly: check its files one by one, and show the content
        as it is now if any changed; True if it did."""
        return library.changed_since_listed() and self.catch_up()

    # What the packs report (reader.packs.SectionsListener), told to the window in reload() ------

    def on_sections_added(self, sections: Sequence[Section]) -> None:
        self._added += sections

    def on_sections_removed(self, section_ids: Sequence[str]) -> None:
        self._removed += section_ids

    # Commands -----------------------------------------------------------------------------------

    def _file_dialog(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self.context.host, tr("Add content"), str(save_places.start("content")),
                                              tr(FILE_FILTER))
        if path:
            save_places.remember("content", Path(path).parent)
        return path

    def add_content(self) -> bool:
        """Ask for a file and add it: a zip is a content pack, anything else a document."""
        chosen = self.choose_file()
        return self.add_path(Path(chosen)) if chosen else False

    def add_path(self, path: Path) -> bool:
        messages = self.context.messages
        try:
            with _WaitCursor():
                if path.suffix.lower() == ".zip":
                    sections = self._add_pack(path)
                else:
                    from reader.packs import import_document  # YAML and HTML reading: loaded when used

                    sections = (import_document(path, listener=self),)
        except PackError as error:
            messages.error(tr("Content not added"),
                           tr("“{file}” was not added, and nothing in the reader was changed.\n\n"
                              "Reason: {reason}").format(file=path.name, reason=translated(message_of(error))))
            return False
        if not sections:  # the user chose not to replace an installed pack
            return False
        self.reload(open_section=sections[0].id)
        count = len(sections)
        self.context.show_status(
            tr("Added “{file}”: %n new sections, marked “added” in the contents.", None, count).format(
                file=path.name), 10000)
        return True

    def _add_pack(self, path: Path) -> tuple[Section, ...]:
        try:
            return add(path, listener=self).sections
        except PackExistsError as exists:
            replace = self.context.messages.confirm(
                tr("Replace added content?"),
                tr("Content named “{name}” has already been added. Replace it with the content in “{file}”?")
                .format(name=exists.name, file=path.name), tr("&Replace"))
            if not replace:
                return ()
            return add(path, replace=True, listener=self).sections

    def remove_pack(self, name: str) -> bool:
        """Remove an installed pack after asking; the reader moves away from its sections."""
        confirmed = self.context.messages.confirm(
            tr("Remove added content?"),
            tr("Remove “{name}” and all its sections from the reader? The bundled guide is not affected.")
            .format(name=name), tr("&Remove"))
        if not confirmed:
            return False
        try:
            remove(name, listener=self)
        except (PackError, OSError) as error:
            self.context.messages.error(tr("Content not removed"), translated(message_of(error)))
            return False
        self.reload()
        self.context.show_status(tr("Removed “{name}”.").format(name=name), 10000)
        return True

    def reload(self, open_section: str | None = None) -> None:
        """Show the content as it is now on disk and tell every feature what changed, once."""
        library = open_library()
        added, removed = self._added, self._removed
        self._added, self._removed = [], []
        self.context.change_sections(library.guide, added, removed)
        if open_section and open_section in library.guide:
            self.context.reading.open_section(open_section)

    def manage(self) -> None:
        ManageDialog(self, self.context.host).exec()


class ManageDialog(QDialog):
    """The added content, one line per pack, with Add and Remove."""

    def __init__(self, content: AddedContent, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.setObjectName("manage_content")
        self.setWindowTitle(tr("Added content"))
        self.setAccessibleName(tr("Added content"))
        intro = QLabel(tr("Content added to this reader. The bundled guide is always kept; removing added "
                          "content removes only its own sections."))
        intro.setWordWrap(True)
        self.packs = QListWidget()
        self.packs.setObjectName("packs")
        self.packs.setAccessibleName(tr("Added content"))
        self.packs.setAccessibleDescription(tr("Each line is one piece of added content with its number of "
                                               "sections. Choose one, then Remove."))
        intro.setBuddy(self.packs)
        self.add_button = QPushButton(tr("&Add content…"))
        self.add_button.setAccessibleDescription(tr("Add a content pack (.zip) or a document"))
        self.remove_button = QPushButton(tr("&Remove"))
        self.remove_button.setAccessibleDescription(tr("Remove the chosen content and its sections"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.packs.currentItemChanged.connect(lambda *_: self._update_buttons())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.packs)
        layout.addWidget(buttons)
        self.resize(560, 360)
        self.refresh()

    def refresh(self) -> None:
        self.packs.clear()
        installed, broken = scan()
        for pack in installed:
            count = len(pack.sections)
            item = QListWidgetItem(tr("{title} (%n sections; name: {name})", None, count).format(
                title=pack.title, name=pack.name))
            item.setData(NAME_ROLE, pack.name)
            item.setToolTip(", ".join(section.title for section in pack.sections))
            self.packs.addItem(item)
        for damaged in broken:
            item = QListWidgetItem(tr("{name} (cannot be read: {problem})").format(
                name=damaged.name, problem=translated(damaged.problem)))
            item.setData(NAME_ROLE, damaged.name)
            self.packs.addItem(item)
        if not installed and not broken:
            item = QListWidgetItem(tr("No content has been added yet."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.packs.addItem(item)
        else:
            self.packs.setCurrentRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        item = self.packs.currentItem()
        self.remove_button.setEnabled(item is not None and item.data(NAME_ROLE) is not None)

    def selected_name(self) -> str | None:
        item = self.packs.currentItem()
        name: str | None = item.data(NAME_ROLE) if item is not None else None
        return name

    def _add(self) -> None:
        if self.content.add_content():
            self.refresh()

    def _remove(self) -> None:
        name = self.selected_name()
        if name and self.content.remove_pack(name):
            self.refresh()
            self.packs.setFocus()


def _listed(guide: Guide) -> list[tuple[object, ...]]:
    """What the window shows of each section, and the hash of its text (which search relies on)."""
    return [(s.id, s.title, s.kind, s.tags, s.parent, s.summary, s.pack, s.replaces, s.digest) for s in guide]
