"""Reading comfort in the main window: themes, reading settings, presets, ruler, bookmarks, large print.

:class:`Comfort` binds its commands (declared with every other in :mod:`reader.action_specs`),
fills the Presets, Colours and Bookmarks menus, adds its panels as dock widgets, and applies
the settings live.
The rules all live in the core (:mod:`reader.themes`, :mod:`reader.reading_style`,
:mod:`reader.presets`, :mod:`reader.bookmarks`); this module wires them to widgets.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reader import bookmarks, presets, reading_style, themes
from reader.bookmarks import Places
from reader.ui import fit_text, interface_scale, look, one_line, save_places
from reader.ui.bookmarks_panel import BookmarksPanel
from reader.ui.context import WindowContext
from reader.ui.first_paint import after_first_paint
from reader.ui.i18n import tr
from reader.ui.panel_scroll import DownOnlyScroll, scrolling
from reader.ui.ruler import ReadingRuler

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    # Imported where they are made (after the first paint, or when asked for), not at start.
    from reader.ui.reading_settings import ReadingSettingsForm

RECENT_IN_MENU = 10
BOOKMARKS_IN_MENU = 20
SAVE_DELAY_MS = 400


class Prompts:
    """Questions the commands ask; tests replace this with answers of their own."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def text(self, title: str, label: str, value: str) -> str | None:
        dialog = self.text_dialog(title, label, value)
        return dialog.textValue() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def text_dialog(self, title: str, label: str, value: str) -> QInputDialog:
        """The question, wide enough to show the whole suggested answer (Qt's default is 200 pixels)."""
        dialog = QInputDialog(self.parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        # A plain-text box kept to one line: screen readers say its chosen text whole (see one_line).
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setTextValue(value)
        fit_text.wide_enough(dialog, label, title=title)
        box = dialog.findChild(QPlainTextEdit)
        if box is not None:  # the dialog's own layout sets its width from its parts: widen the box
            one_line.make_one_line(box)
            box.setAccessibleName(label)  # Qt's dialog names only its line edit by the label
            fit_text.wide_enough(box, value, padding=box.fontMetrics().averageCharWidth() * 4)
        return dialog

    def save_path(self, title: str, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self.parent, title, str(suggested), tr("PDF files (*.pdf)"))
        return Path(name) if name else None

    def printer(self, printer: QPrinter) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog

        return QPrintDialog(printer, self.parent).exec() == QDialog.DialogCode.Accepted


class Comfort(QObject):
    def __init__(self, context: WindowContext, places: Places | None = None, prompts: Prompts | None = None) -> None:
        super().__init__(context.host)
        self.context = context
        self.host = context.host
        self.reading = context.reading
        self.view = context.view
        self.settings = context.settings
        self.prompts = prompts or Prompts(context.host)
        look.register_fonts()
        self.places = places or Places(persist=context.remember)  # a screenshot leaves the user's places alone
        self.system = look.system_theme()
        presets.follow_system(self.settings, self.system)
        self.forms: list[ReadingSettingsForm] = []
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._save_settings)
        self._reading_anchor = ""
        self._shown_section: str | None = context.current
        self._preferences: QDialog | None = None

        self.ruler = ReadingRuler(context.view)
        self.actions = context.commands.bind(self._handlers())
        self._build_menus()
        # The panel's form (dozens of controls) is made just after the first paint, or when first asked for.
        self._settings_form: ReadingSettingsForm | None = None
        self.settings_dock = self._dock("reading_settings_dock", tr("Reading settings"), QWidget())
        after_first_paint(context.view.viewport(), lambda: self.settings_form)
        # The bookmarks panel too: made after the first paint, or when first asked for. A short title bar,
        # so it is whole beside a 45-character page at a large interface size; screen readers still hear
        # the whole name, as the menu says it.
        self._bookmarks_panel: BookmarksPanel | None = None
        self.bookmarks_dock = self._dock("bookmarks_dock", tr("Bookmarks", "the bookmarks panel's title bar"),
                                         QWidget(), tr("Bookmarks and recently read"))
        after_first_paint(context.view.viewport(), lambda: self.bookmarks_panel)
        self.settings_dock.visibilityChanged.connect(self.actions["reading_settings"].setChecked)
        self.bookmarks_dock.visibilityChanged.connect(self.actions["show_bookmarks"].setChecked)

        context.sectionShown.connect(self._section_shown)
        context.view.verticalScrollBar().valueChanged.connect(self._remember_place)
        context.view.cursorPositionChanged.connect(self._remember_place)
        context.textSizeChanged.connect(lambda *_: self.sync())
        context.sectionsChanged.connect(lambda *_: self._show_places())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.styleHints().colorSchemeChanged.connect(lambda *_: self.system_changed())
            app.styleHints().accessibility().contrastPreferenceChanged.connect(lambda *_: self.system_changed())
        self.host.installEventFilter(self)

        if context.current:
            self.places.record_visit(context.current, "")
        # The window showed the page with these settings already (the computer's theme followed, the
        # bundled font registered when the page uses it): it is set again only if the theme changes.
        self.apply(refresh_page=False)

    # Building ---------------------------------------------------------------------------------

    def _handlers(self) -> dict[str, Any]:
        return {
            "print_large": self.print_large,
            "export_pdf": self.export_pdf,
            "preferences": self.show_preferences,
            "reading_settings": self.toggle_settings_panel,
            "reading_ruler": lambda *_: self.choose("reading_ruler", not self.settings.get("reading_ruler")),
            "add_bookmark": self.add_bookmark,
            "show_bookmarks": self.toggle_bookmarks_panel,
        }

    def _build_menus(self) -> None:
        """Fill the submenus the registry left for this feature: presets, colours and the bookmarks."""
        menus = self.context.commands.menus
        self.preset_menu = menus["presets"]
        self.preset_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        for preset in presets.PRESETS.values():
            action = QAction(tr(preset.label), self)
            action.setObjectName(f"preset_{preset.key}")
            action.setCheckable(True)
            action.setStatusTip(tr(preset.description))
            action.setToolTip(tr(preset.description))
            action.triggered.connect(lambda _=False, key=preset.key: self.choose_preset(key))
            group.addAction(action)
            self.preset_menu.addAction(action)
            self.preset_actions[preset.key] = action
        self.preset_menu.addSeparator()
        # Entries made here rather than by addAction(text): built after the first paint, while an earlier
        # window's objects may still be being deleted, each must get a wrapper of its own.
        reset = QAction(tr("&Reset to defaults"), self)
        self.preset_menu.addAction(reset)
        reset.setObjectName("reset_reading_settings")
        reset.setStatusTip(tr("Put colours, font, size and spacing back to normal"))
        reset.triggered.connect(self.reset)

        self.theme_menu = menus["colours"]
        self.follow_action = QAction(tr("&Match the computer's setting"), self)
        self.theme_menu.addAction(self.follow_action)
        self.follow_action.setObjectName("theme_follow_system")
        self.follow_action.setCheckable(True)
        self.follow_action.triggered.connect(lambda checked: self.choose("follow_system_theme", bool(checked)))
        self.theme_menu.addSeparator()
        self.theme_actions: dict[str, QAction] = {}
        themes_group = QActionGroup(self)
        for theme in themes.THEMES.values():
            action = QAction(tr(theme.label), self)
            action.setObjectName(f"theme_{theme.name}")
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, name=theme.name: self.choose("theme", name))
            themes_group.addAction(action)
            self.theme_menu.addAction(action)
            self.theme_actions[theme.name] = action

        self.bookmarks_menu = menus["bookmarks"]
        self._fixed_bookmark_entries = list(self.bookmarks_menu.actions())
        self.recent_menu = QMenu(tr("&Recently read"), self.bookmarks_menu)
        self.bookmarks_menu.addMenu(self.recent_menu)
        self.recent_menu.setObjectName("menu_recent")
        self.bookmarks_menu.aboutToShow.connect(self._fill_bookmarks_menu)
        self._fill_bookmarks_menu()

    def _fill_bookmarks_menu(self) -> None:
        """The bookmarks (up to 20) after the menu's own commands, then the recently read sections."""
        menu = self.bookmarks_menu
        keep = [*self._fixed_bookmark_entries, self.recent_menu.menuAction()]
        for action in menu.actions():
            if action not in keep:
                menu.removeAction(action)
                action.deleteLater()
        marks = self.places.bookmarks[:BOOKMARKS_IN_MENU]
        entries: list[QAction] = []
        if marks:
            entries.append(QAction(menu))
            entries[-1].setSeparator(True)
        for mark in marks:
            action = QAction(mark.label.replace("&", "&&"), menu)
            action.triggered.connect(lambda _=False, m=mark: self.open_place(m.section_id, m.anchor))
            entries.append(action)
        menu.insertActions(self.recent_menu.menuAction(), entries)
        recent = self.recent_menu
        recent.clear()
        visits = [v for v in self.places.recent if v.section_id != self.context.current][:RECENT_IN_MENU]
        for visit in visits:
            section = self.context.guide.get(visit.section_id)
            if section is not None:
                action = recent.addAction(section.title.replace("&", "&&"))
                action.triggered.connect(lambda _=False, v=visit: self.open_place(v.section_id, v.anchor))
        recent.setEnabled(bool(recent.actions()))

    @property
    def settings_form(self) -> ReadingSettingsForm:
        """The Reading settings panel's form, made on first use."""
        if self._settings_form is None:
            form = self._form("reading_settings_panel")
            scroll = DownOnlyScroll()
            scroll.setObjectName("reading_settings_scroll")
            scroll.setWidgetResizable(True)
            scroll.setWidget(form)
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            placeholder = self.settings_dock.widget()
            self.settings_dock.setWidget(scroll)
            if placeholder is not None:
                placeholder.deleteLater()
            form.closeRequested.connect(self.toggle_settings_panel)
            self._settings_form = form
        return self._settings_form

    def _form(self, name: str) -> ReadingSettingsForm:
        from reader.ui.reading_settings import ReadingSettingsForm

        form = ReadingSettingsForm(name=name)
        form.valueChosen.connect(self.choose)
        form.presetChosen.connect(self.choose_preset)
        form.resetRequested.connect(self.reset)
        self.forms.append(form)
        form.show_values(self.settings.get, presets.matching(self.settings))
        return form

    def _dock(self, name: str, title: str, widget: QWidget, accessible_name: str = "") -> QDockWidget:
        dock = QDockWidget(title, self.host)
        dock.setObjectName(name)
        dock.setAccessibleName(accessible_name or title)
        dock.setWidget(widget)
        self.context.add_dock(dock)
        return dock

    @property
    def bookmarks_panel(self) -> BookmarksPanel:
        """The Bookmarks panel, made on first use."""
        if self._bookmarks_panel is None:
            panel = self._bookmarks_panel = BookmarksPanel()
            placeholder = self.bookmarks_dock.widget()
            self.bookmarks_dock.setWidget(scrolling(panel))
            if placeholder is not None:
                placeholder.deleteLater()
            panel.closeRequested.connect(self.toggle_bookmarks_panel)
            panel.openPlace.connect(self.open_place)
            panel.addRequested.connect(self.add_bookmark)
            panel.renameRequested.connect(self.rename_bookmark)
            panel.removeRequested.connect(self.remove_bookmark)
            self._show_places()
        return self._bookmarks_panel

    # Settings ---------------------------------------------------------------------------------

    def choose(self, name: str, value: Any) -> None:
        """The reader changed one setting: store it, show the change at once, save soon."""
        if name == "text_size":
            self.reading.set_text_size(int(value))
        else:
            self.settings.set(name, value)
            if name == "theme":
                self.settings.set("follow_system_theme", False)
            if name == "follow_system_theme" and value:
                presets.follow_system(self.settings, self.system)
        self.apply(refresh_page=name not in ("reading_ruler", "ruler_lines"))
        if name == "theme":
            self.announce(tr("Colours: {name}").format(name=tr(themes.get(value).label)))
        self._save_timer.start()

    def choose_preset(self, key: str) -> None:
        presets.apply(self.settings, key, self.system)
        self._after_many_changes()
        self.announce(tr("Preset applied: {name}").format(name=tr(presets.PRESETS[key].label)))

    def reset(self) -> None:
        presets.reset(self.settings, self.system)
        self._after_many_changes()
        self.announce(tr("Reading settings are back to normal."))

    def _after_many_changes(self) -> None:
        percent = self.settings.get("text_size")
        if percent != self.reading.text_size:
            self.reading.set_text_size(percent)  # shows the page again, with its labels and actions
            self.apply(refresh_page=False)
        else:
            self.apply(refresh_page=True)
        self._save_timer.start()

    def system_changed(self) -> None:
        """The computer switched between light, dark or high contrast."""
        self.system = look.system_theme()
        if self.settings.get("follow_system_theme"):
            presets.follow_system(self.settings, self.system)
            self.apply(refresh_page=True)

    def apply(self, refresh_page: bool) -> None:
        """Show the settings as they are: colours of the whole window, the page, the ruler, the forms."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            interface_scale.apply(app, self.settings.get("interface_size"))
        theme = reading_style.active_theme(self.settings)
        if self.host.property("reader_theme") != theme.name:
            look.apply_theme(theme, self.host)
            refresh_page = True
        if refresh_page:
            self.reading.refresh_page()
        self.ruler.configure(self.settings.get("reading_ruler"), self.settings.get("ruler_lines"), theme)
        self.sync()

    def sync(self) -> None:
        """Every control that shows a setting shows its current value."""
        active = presets.matching(self.settings)
        self.forms = [form for form in self.forms if shiboken6.isValid(form)]
        for form in self.forms:
            form.show_values(self._value, active)
        for key, action in self.preset_actions.items():
            action.setChecked(key == active)
        following = self.settings.get("follow_system_theme")
        self.follow_action.setChecked(following)
        for name, action in self.theme_actions.items():
            action.setChecked(name == self.settings.get("theme"))
        self.actions["reading_ruler"].setChecked(self.settings.get("reading_ruler"))

    def _value(self, name: str) -> Any:
        return self.reading.text_size if name == "text_size" else self.settings.get(name)

    def _save_settings(self) -> None:
        if not self.context.remember:
            return
        try:
            self.settings.save()
        except OSError as error:
            self.context.show_status(tr("Settings could not be saved: {error}").format(error=error))

    # Panels and dialogs --------------------------------------------------------------------------

    def toggle_settings_panel(self, *_: object) -> None:
        self._toggle_dock(self.settings_dock, self.settings_form)

    def toggle_bookmarks_panel(self, *_: object) -> None:
        self._toggle_dock(self.bookmarks_dock, self.bookmarks_panel.list)

    def _toggle_dock(self, dock: QDockWidget, first: QWidget) -> None:
        """Closed: open it and go into it. Open but elsewhere: go into it. Open and in it: close it."""
        focus = QApplication.focusWidget()
        inside = focus is not None and dock.isAncestorOf(focus)
        if dock.isVisible() and inside:
            dock.hide()
            self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        dock.show()
        dock.raise_()
        target = first.focusProxy() or first
        if first is self._settings_form:
            target = next(iter(first.preset_buttons.values()))
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.sync()

    def show_preferences(self, *_: object) -> QDialog:
        """The Preferences window; asked for again while open, it comes to the front."""
        if self._preferences is not None and shiboken6.isValid(self._preferences) and self._preferences.isVisible():
            self._preferences.raise_()
            self._preferences.activateWindow()
            return self._preferences
        dialog = QDialog(self.host)
        dialog.setObjectName("preferences_dialog")
        dialog.setWindowTitle(tr("Preferences"))
        dialog.setAccessibleName(tr("Preferences"))
        layout = QVBoxLayout(dialog)
        intro = QLabel(tr("Changes show at once and are kept for next time."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        form = self._form("preferences_form")
        scroll.setWidget(form)
        dialog.finished.connect(lambda *_: self.forms.remove(form) if form in self.forms else None)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        from reader.ui.keys_page import KeysPage

        keys = KeysPage(self.context.commands, self.context.messages)
        keys.changed.connect(self._save_timer.start)
        keys_scroll = QScrollArea()  # at a large interface size the page is taller than a small screen
        keys_scroll.setWidgetResizable(True)
        keys_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        keys_scroll.setWidget(keys)
        pages = QTabWidget()
        pages.setObjectName("preferences_pages")
        pages.addTab(scroll, tr("&Reading"))
        pages.addTab(keys_scroll, tr("&Keys"))
        pages.setTabToolTip(1, tr("The keys of every command, and a way to change them"))
        layout.addWidget(pages, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        listening = self.context.listening
        if listening is not None:  # voice, speed, volume and the pronunciation list have a dialog of their own
            voice = buttons.addButton(tr("&Voice and pronunciation…"), QDialogButtonBox.ButtonRole.ActionRole)
            voice.setObjectName("preferences_voice")
            voice.setAccessibleDescription(tr("Choose the voice, its speed and volume, and how it says names"))
            voice.clicked.connect(listening.voice_settings)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(tr("Close"))
        layout.addWidget(buttons)
        room = fit_text.free_width(dialog) - 80  # the dialog's and the pages' margins
        fit_text.stack_if_wider(room, *keys.rows, buttons)
        fit_text.resize_within_screen(dialog, 560, 720)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self._preferences = dialog
        return dialog

    def announce(self, text: str) -> None:
        """Say a change out loud through the screen reader, and show it in the status line."""
        self.context.show_status(text, 6000)
        self.context.say(text)

    # Places ------------------------------------------------------------------------------------

    def reading_anchor(self) -> str:
        """The paragraph being read: the text cursor's when it is in sight, else the first one in view."""
        view = self.view
        if view.viewport().rect().contains(view.cursorRect().center()):
            return view.cursor_anchor() or view.top_anchor()
        return view.top_anchor()

    def _remember_place(self, *_: object) -> None:
        if self.reading.current == self._shown_section:
            self._reading_anchor = self.reading_anchor()

    def _section_shown(self, section_id: str) -> None:
        previous = self._shown_section
        if previous and previous != section_id:
            self.places.record_visit(previous, self._reading_anchor)
        self._shown_section = section_id
        self.places.record_visit(section_id, "")
        self._reading_anchor = ""
        self._show_places()

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        if watched is self.host and event.type() == event.Type.Close and self.reading.current:
            self.places.record_visit(self.reading.current, self.reading_anchor())
        return False

    def open_place(self, section_id: str, anchor: str) -> None:
        if self.reading.open_section(section_id, anchor):
            if anchor in ("", "title"):
                self.view.set_scroll_fraction(0.0)
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def add_bookmark(self, *_: object) -> None:
        window = self.reading
        if window.current is None or window.rendered is None:
            return
        anchor = self.reading_anchor() or "title"
        existing = self.places.at(window.current, anchor)
        if existing is not None:
            self.rename_bookmark(existing.id)
            return
        section = window.guide.get(window.current)
        assert section is not None
        block = window.rendered.block(anchor)
        label = self.prompts.text(tr("Add bookmark"), tr("Name of the bookmark:"),
                                  bookmarks.default_label(section.title, block.text if block else ""))
        if label is None:
            return
        try:
            mark = self.places.add(window.current, anchor, label)
        except (ValueError, OSError) as error:
            self.context.messages.warning(tr("Bookmark not added"), str(error))
            return
        self._show_places()
        self.announce(tr("Bookmark added: {label}").format(label=mark.label))

    def rename_bookmark(self, bookmark_id: str) -> None:
        mark = self.places.get(bookmark_id)
        if mark is None:
            return
        label = self.prompts.text(tr("Rename bookmark"), tr("New name of the bookmark:"), mark.label)
        if label is None:
            return
        try:
            self.places.rename(bookmark_id, label)
        except (ValueError, OSError) as error:
            self.context.messages.warning(tr("Bookmark not renamed"), str(error))
            return
        self._show_places()

    def remove_bookmark(self, bookmark_id: str) -> None:
        try:
            removed = self.places.remove(bookmark_id)
        except (KeyError, OSError):
            return
        self._show_places()
        self.announce(tr("Bookmark removed: {label}").format(label=removed.label))

    def _show_places(self) -> None:
        if self._bookmarks_panel is not None:  # when it is made, it shows them
            self._bookmarks_panel.show_places(self.places, self.reading.guide, self.reading.current)

    # Large print ---------------------------------------------------------------------------------

    def _large_print_document(self) -> QTextDocument | None:
        from reader.ui import large_print

        if self.reading.current is None:
            return None
        return large_print.document(self.reading.guide, self.reading.current, self.settings)

    def export_pdf(self, *_: object) -> Path | None:
        from reader.ui import large_print

        doc = self._large_print_document()
        if doc is None or self.reading.current is None:
            return None
        target = self.prompts.save_path(tr("Export large-print PDF"), save_places.start("pdf")
                                        / large_print.suggested_name(self.reading.guide, self.reading.current))
        if target is None:
            return None
        try:
            written = large_print.export_pdf(doc, target)
        except OSError as error:
            self.context.messages.warning(tr("PDF not saved"),
                                         tr("The PDF could not be saved: {error}").format(error=error))
            return None
        save_places.remember("pdf", written.parent)
        self.announce(tr("Large-print PDF saved: {path}").format(path=written))
        return written

    def print_large(self, *_: object) -> bool:
        from PySide6.QtPrintSupport import QPrinter

        from reader.ui import large_print

        doc = self._large_print_document()
        if doc is None:
            return False
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        large_print.prepare(printer, doc.metaInformation(doc.MetaInformation.DocumentTitle))
        if not self.prompts.printer(printer):
            return False
        large_print.print_section(doc, printer)
        return True

    def startup_problems(self) -> list[str]:
        """Messages to show once the window is up (a bookmarks file that had to be set aside)."""
        return [self.places.problem] if self.places.problem else []

