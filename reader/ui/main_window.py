"""The main window: contents beside the reading view, with menus, toolbar and status line.

It holds no rules of its own: navigation history, text-size steps, rendering and settings
all live in the core; the window wires them to widgets and shows their state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise

import shiboken6
from PySide6.QtCore import QByteArray, QCoreApplication, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QSplitter, QWidget

from reader import APP_NAME, __version__, reading_style, zoom
from reader.action_specs import replace_key_table
from reader.history import History, Location
from reader.model import Guide, Section
from reader.render import Rendered, is_web_link, parse_section_link, render_section
from reader.rich_text import for_qt_rich_text
from reader.settings import Settings
from reader.ui import dialog_keys, icons, window_place
from reader.ui.actions import ActionRegistry
from reader.ui.added_content import AddedContent
from reader.ui.announce import describe
from reader.ui.comfort import Comfort
from reader.ui.contents_panel import ContentsPanel
from reader.ui.context import WindowContext
from reader.ui.messages import LinkChoice, Messages
from reader.ui.reading_view import ReadingView
from reader.ui.search_panel import SearchDock
from reader.ui.speech_ui import SpeechUi
from reader.ui.style import focus_stylesheet
from reader.ui.talking_book import TalkingBookUi

HELP_SECTION = "using-this-reader"


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    """Builds the window, its one command registry and one context, and assembles the features on it."""

    # The registry's actions by name. Shadows QWidget.actions() (the actions added to the widget),
    # which nothing calls on the window; the name is what callers and tests use.
    actions: dict[str, QAction]  # type: ignore[assignment]

    def __init__(self, guide: Guide, settings: Settings, messages: Messages | None = None,
                 remember: bool = True) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self._guide = guide
        self.settings = settings
        self.messages = messages or Messages(self)
        self.remember = remember
        self.history = History()
        self._current: str | None = None
        self._rendered: Rendered | None = None
        self._text_size = zoom.clamp(settings.get("text_size"))

        self.setStyleSheet(focus_stylesheet())
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self.contents = ContentsPanel(guide)
        self.view = ReadingView()
        self.view.setAccessibleName(tr("Text of the section"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.contents)
        self.splitter.addWidget(self.view)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 900])
        self.setCentralWidget(self.splitter)

        # One registry of commands and one context that every feature is given; the features are
        # assembled here, and reach the window and each other only through the context.
        self.commands = ActionRegistry(self, settings)
        self.actions = self.commands.actions
        self.context = WindowContext(self, self, self.view, settings, self.messages, self.commands, remember)
        self.sectionShown = self.context.sectionShown
        self.panes = self.context.panes
        self.panes += [self.contents, self.view]
        self.menus = self.commands.build_menus(self.menuBar())
        self.toolbar = self.commands.build_toolbar("main")
        self.addToolBar(self.toolbar)
        self.search = SearchDock(self.context)
        self.added_content = AddedContent(self.context)
        self.commands.bind(self._handlers())
        self._set_tab_order()
        self._focus_before_dialog: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

        self.location_label = QLabel()
        self.location_label.setObjectName("location")
        self.size_label = QLabel()
        self.size_label.setObjectName("text_size_label")
        self.statusBar().addWidget(self.location_label, 1)
        self.statusBar().addPermanentWidget(self.size_label)

        self.contents.sectionChosen.connect(self.open_from_contents)
        self.view.linkActivated.connect(self.follow_link)
        self.view.zoomStep.connect(lambda step: self.set_text_size(
            zoom.larger(self.text_size) if step > 0 else zoom.smaller(self.text_size)))
        self.view.verticalScrollBar().valueChanged.connect(self._update_status)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(
            lambda position: self.text_menu(position).exec(self.view.viewport().mapToGlobal(position)))
        self.commands.keysChanged.connect(self._keys_changed)
        dialog_keys.install(self)
        # F10 opens the first menu, as on Windows and GNOME (Qt gives it no key on Linux).
        QShortcut(QKeySequence(Qt.Key.Key_F10), self, self.open_menus)

        self._apply_text_size()
        self._restore()
        # Themes, reading settings, presets, reading ruler, bookmarks and large print.
        self.comfort = Comfort(self.context)
        self.speech = SpeechUi(self.context)  # the Listen menu and toolbar; the voice itself loads after first paint
        self.context.listening = self.speech
        self.talking_book = TalkingBookUi(self.context)  # File › Save as a talking book…
        icons.decorate(self, reading_style.active_theme(settings))  # the commands made since the theme was set
        missing = self.commands.unbound()
        if missing:
            raise RuntimeError(f"commands declared without a handler: {', '.join(missing)}")

    # What features may read (the Reading protocol) ----------------------------------------------

    @property
    def guide(self) -> Guide:
        return self._guide

    @property
    def current(self) -> str | None:
        return self._current

    @property
    def rendered(self) -> Rendered | None:
        return self._rendered

    @property
    def text_size(self) -> int:
        return self._text_size

    # Building -------------------------------------------------------------------------------

    def _handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "quit": self.close,
            "previous_section": lambda: self.step_section(-1),
            "next_section": lambda: self.step_section(1),
            "back": self.go_back,
            "forward": self.go_forward,
            "switch_pane": self.switch_pane,
            "focus_contents": self.focus_contents,
            "smaller_text": lambda: self.set_text_size(zoom.smaller(self.text_size)),
            "larger_text": lambda: self.set_text_size(zoom.larger(self.text_size)),
            "normal_text": lambda: self.set_text_size(zoom.NORMAL),
            "help": lambda: self.open_section(HELP_SECTION) if HELP_SECTION in self.guide else None,
            "about": self.show_about,
            "add_content": self.added_content.add_content,
            "manage_content": self.added_content.manage,
            "search": self.search.show_and_focus,
            "next_match": lambda: self.search.step(1),
            "previous_match": lambda: self.search.step(-1),
        }

    def text_menu(self, position: QPoint) -> QMenu:
        """The text's context menu (right click, or the Menu key): Copy and Select all, then reading commands."""
        menu = self.view.createStandardContextMenu(position)
        menu.setObjectName("text_context_menu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        return self.commands.fill_context_menu(menu, "text")

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Remember where the keyboard was; when one of our dialogs closes and nothing took the focus
        (no window manager, or one that does not hand it back), give it back to that place."""
        if new is not None and new.window() is self:
            self._focus_before_dialog = new
            return
        dialog = old.window() if old is not None else None
        owner = dialog.parentWidget() if dialog is not None and dialog is not self else None
        if new is None and dialog is not None and owner is not None and owner.window() is self:
            QTimer.singleShot(0, lambda: self._regain_focus(dialog))

    def _regain_focus(self, dialog: QWidget) -> None:
        if not shiboken6.isValid(self) or QApplication.focusWidget() is not None:
            return  # gone, or the focus already went somewhere
        if shiboken6.isValid(dialog) and dialog.isVisible():
            return  # the user only switched to another program
        self.activateWindow()
        target = self._focus_before_dialog
        (target if target is not None and shiboken6.isValid(target) else self.view).setFocus(
            Qt.FocusReason.ActiveWindowFocusReason)

    def _set_tab_order(self) -> None:
        """Tab goes through the toolbar, then the contents, then the text, as the window reads."""
        chain = [self.toolbar.widgetForAction(a) for a in self.toolbar.actions() if not a.isSeparator()]
        chain += [self.contents, self.view]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _restore(self) -> None:
        geometry = self.settings.get("window_geometry")
        window_place.fit(self, bool(geometry) and self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii"))))
        splitter = self.settings.get("splitter_state")
        if splitter:
            self.splitter.restoreState(QByteArray.fromBase64(splitter.encode("ascii")))
        last = self.settings.get("last_section")
        start = last if last in self.guide else self.guide.first().id
        self.open_section(start, record=False, say=False)
        # The keyboard starts in the contents, the open section chosen in them (Qt would otherwise
        # give it to the first toolbar button, while screen readers present the contents).
        self.contents.setFocus(Qt.FocusReason.OtherFocusReason)
        if start == last:
            self._pending_scroll = self.settings.get("last_scroll")
            QTimer.singleShot(0, self._apply_pending_scroll)

    def _apply_pending_scroll(self) -> None:
        fraction = getattr(self, "_pending_scroll", None)
        if fraction is not None:
            self.view.set_scroll_fraction(fraction)
            self._pending_scroll = None

    # Navigation -----------------------------------------------------------------------------

    def location(self) -> Location | None:
        return Location(self.current, self.view.top_anchor()) if self.current else None

    def open_section(self, section_id: str, anchor: str = "", record: bool = True, say: bool = True) -> bool:
        """Show a section (at ``anchor``): every change of section goes through here, and, when ``say``,
        screen readers hear where the reader now is ("Introduction: section 2 of 18")."""
        section = self.guide.get(section_id)
        if section is None:
            self.messages.warning(tr("Section not found"),
                                  tr("There is no section “{id}” in this guide.").format(id=section_id))
            return False
        if record:
            self.history.visit(self.location())
        if section_id != self.current:
            self._rendered = render_section(self._help_with_keys(section), self.guide)
            self._current = section_id
            self._show_page()
        if not (anchor and self.view.go_to_anchor(anchor)):
            self.view.set_scroll_fraction(0.0) if not anchor else None
        self.contents.show_current(section_id)
        describe(self.view, self._position_text())
        title = tr("{section} — {app}").format(section=section.title, app=APP_NAME)
        self.setWindowTitle(title)
        self.setAccessibleName(title)  # what a screen reader's "window title" key says
        if say:
            self.context.say(self._position_text())
        self._update_actions()
        self._update_status()
        self.sectionShown.emit(section_id)
        return True

    def open_from_contents(self, section_id: str) -> None:
        """Enter on a section: open it and move to its text, as most readers do (the place is said)."""
        focus = QApplication.focusWidget()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)  # first, so that the place is said once, there
        if not self.open_section(section_id) and focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _help_with_keys(self, section: Section) -> Section:
        """The help page shows the keys as they are now, the reader's own choices included."""
        if section.id != HELP_SECTION:
            return section
        return replace(section, body=replace_key_table(section.body, self.commands.help_table()))

    def _keys_changed(self, _name: str) -> None:
        if self.current == HELP_SECTION:
            fraction = self.view.scroll_fraction()
            self._current = None  # render again with the new keys
            self.open_section(HELP_SECTION, record=False, say=False)
            self.view.set_scroll_fraction(fraction)

    def set_guide(self, guide: Guide) -> None:
        """Show a new set of sections (content added or removed), keeping the reader's place if it is still there.

        Features hear of it through the context's ``sectionsChanged`` (see ``WindowContext.change_sections``)."""
        current, fraction = self.current, self.view.scroll_fraction()
        self._guide = guide
        self.history.keep_only(guide)
        self.contents.set_guide(guide)
        self._current = None  # render again: the section's text may have changed
        if current is not None and current in guide:
            self.open_section(current, record=False, say=False)
            self.view.set_scroll_fraction(fraction)
        else:
            self.open_section(guide.first().id, record=False)

    def step_section(self, step: int) -> None:
        if self.current is None:
            return
        neighbour = self.guide.neighbour(self.current, step)
        if neighbour is not None:
            self.open_section(neighbour.id)

    def go_back(self) -> None:
        current = self.location()
        target = self.history.back(current) if current else None
        if target is not None:
            self._show_location(target)

    def go_forward(self) -> None:
        current = self.location()
        target = self.history.forward(current) if current else None
        if target is not None:
            self._show_location(target)

    def _show_location(self, location: Location) -> None:
        self.open_section(location.section_id, location.anchor, record=False)
        if location.anchor in ("", "title"):
            self.view.set_scroll_fraction(0.0)

    def follow_link(self, href: str) -> None:
        target = parse_section_link(href)
        if target is not None:
            self.open_section(*target)
        elif is_web_link(href):
            self.offer_web_link(href)

    def offer_web_link(self, url: str) -> None:
        choice = self.messages.web_link(url)
        if choice is LinkChoice.COPY:
            QGuiApplication.clipboard().setText(url)
            self.statusBar().showMessage(tr("Address copied: {url}").format(url=url), 8000)
        elif choice is LinkChoice.OPEN:
            QDesktopServices.openUrl(QUrl(url))

    def focus_contents(self) -> None:
        """Ctrl+Shift+C: into the contents; pressed there, it says which section is open."""
        if self.contents.hasFocus():
            self.context.say(self._position_text())
        self.contents.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def open_menus(self) -> None:
        """Open the first menu of the menu bar, its first entry chosen, as F10 does elsewhere."""
        first = self.menus["file"]
        self.menuBar().setActiveAction(first.menuAction())
        if first.actions():
            first.setActiveAction(next((a for a in first.actions() if not a.isSeparator()), first.actions()[0]))

    def switch_pane(self) -> None:
        visible = [pane for pane in self.panes if pane.isVisible()]
        if not visible:
            return
        focused = QGuiApplication.focusObject()
        index = next((i for i, pane in enumerate(visible)
                      if pane is focused or (isinstance(focused, QWidget) and pane.isAncestorOf(focused))), -1)
        visible[(index + 1) % len(visible)].setFocus(Qt.FocusReason.ShortcutFocusReason)

    # Text size ------------------------------------------------------------------------------

    def set_text_size(self, percent: int) -> None:
        percent = zoom.clamp(percent)
        if percent == self.text_size:
            return
        fraction = self.view.scroll_fraction()
        self._text_size = percent
        self._apply_text_size()
        self.view.set_scroll_fraction(fraction)
        self.settings.set("text_size", percent)
        self.context.textSizeChanged.emit(percent)
        self.context.say(self.size_label.text())

    def _apply_text_size(self) -> None:
        self._show_page()
        self.contents.set_text_pixels(zoom.contents_pixels(self.text_size))
        self.search.panel.set_text_pixels(zoom.contents_pixels(self.text_size))
        self.size_label.setText(tr("Text size {percent}%").format(percent=self.text_size))
        self.actions["larger_text"].setEnabled(self.text_size < zoom.MAXIMUM)
        self.actions["smaller_text"].setEnabled(self.text_size > zoom.MINIMUM)

    def _show_page(self) -> None:
        """Show the open section in the reader's chosen size, font, spacing and colours."""
        if self.rendered is not None:
            style = reading_style.from_settings(self.settings, text_size=self.text_size)
            self.view.show_html(for_qt_rich_text(self.rendered.html), style)

    def refresh_page(self) -> None:
        """Show the page again after a reading setting changed, keeping the reader's place."""
        fraction = self.view.scroll_fraction()
        self._show_page()
        self.view.set_scroll_fraction(fraction)

    # State shown ----------------------------------------------------------------------------

    def _position_text(self) -> str:
        if self.current is None:
            return ""
        section = self.guide.get(self.current)
        assert section is not None
        return tr("{title}: section {number} of {count}").format(
            title=section.title, number=self.guide.position(section.id) + 1, count=len(self.guide))

    def _update_status(self) -> None:
        if self.current is None:
            return
        percent = round(self.view.scroll_fraction() * 100)
        self.location_label.setText(tr("{position} — {percent}% through").format(
            position=self._position_text(), percent=percent))

    def _update_actions(self) -> None:
        self.actions["back"].setEnabled(self.history.can_go_back())
        self.actions["forward"].setEnabled(self.history.can_go_forward())
        if self.current is not None:
            self.actions["previous_section"].setEnabled(self.guide.neighbour(self.current, -1) is not None)
            self.actions["next_section"].setEnabled(self.guide.neighbour(self.current, 1) is not None)

    def show_about(self) -> None:
        self.messages.information(
            tr("About {app}").format(app=APP_NAME),
            tr("{app} {version}\n\nAn offline reader for “{title}”, by the Scottish Co-production Network, "
               "the Joint Improvement Team, The Health & Social Care Alliance Scotland and Governance "
               "International.\n\nEverything works without the internet.").format(
                app=APP_NAME, version=__version__, title=self.guide.title))

    # Closing --------------------------------------------------------------------------------

    def save_state(self) -> None:
        if not self.remember:
            return
        self.settings.set("window_geometry", self.saveGeometry().toBase64().toStdString())
        self.settings.set("splitter_state", self.splitter.saveState().toBase64().toStdString())
        if self.current:
            self.settings.set("last_section", self.current)
            self.settings.set("last_scroll", self.view.scroll_fraction())
        self.settings.set("text_size", self.text_size)
        try:
            self.settings.save()
        except OSError as error:
            self.messages.warning(tr("Settings not saved"),
                                  tr("Your place and text size could not be saved: {error}").format(error=error))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.search.shutdown()
        super().closeEvent(event)
