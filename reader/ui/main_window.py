"""The main window: contents beside the reading view, with menus, toolbar and status line.

It holds no rules of its own: navigation history, text-size steps, rendering and settings
all live in the core; the window wires them to widgets and shows their state.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QByteArray, QObject, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QGuiApplication, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QSizePolicy, QSplitter, QWidget

from reader import APP_NAME, __version__, page_cache, presets, reading_style, typography, zoom
from reader.action_specs import replace_key_table
from reader.history import History, Location
from reader.model import Guide, Section
from reader.rendered import Rendered, is_web_link, parse_section_link
from reader.rich_text import for_qt_rich_text
from reader.settings import Settings
from reader.ui import icons, interface_scale, look, search_box, window_place
from reader.ui.actions import ActionRegistry
from reader.ui.announce import describe
from reader.ui.contents_panel import ContentsPanel
from reader.ui.context import WindowContext
from reader.ui.first_paint import after_first_paint
from reader.ui.i18n import tr
from reader.ui.menu_fit import MenuFit
from reader.ui.messages import LinkChoice, Messages
from reader.ui.pane_fit import PaneFit
from reader.ui.reading_view import ReadingView
from reader.ui.toolbar_room import ToolbarRoom

if TYPE_CHECKING:
    from reader.ui.added_content import AddedContent
    from reader.ui.comfort import Comfort
    from reader.ui.search_panel import SearchDock
    from reader.ui.speech_ui import SpeechUi
    from reader.ui.talking_book import TalkingBookUi

HELP_SECTION = "using-this-reader"
# Features the first page does not need, built (and their modules imported) just after the text is
# painted, one per turn of the event loop, in this order; any of them is built at once when used
# before that (a command, a test, another feature, the keyboard entering the toolbar's search box).
# Search comes before reading comfort, as their panels did: docks are stacked, and F6 goes between
# panels, in the order they were added.
# Before the paint the window has the page, the contents, the menu bar, the toolbar (its search box
# included) and the status line, so nothing moves when these arrive.
LATER_FEATURES = ("search", "comfort", "speech", "talking_book", "added_content")


class MainWindow(QMainWindow):
    """Builds the window, its one command registry and one context, and assembles the features on it."""

    # The registry's actions by name. Shadows QWidget.actions() (the actions added to the widget),
    # which nothing calls on the window; the name is what callers and tests use.
    actions: dict[str, QAction]  # type: ignore[assignment]

    def __init__(self, guide: Guide, settings: Settings, messages: Messages | None = None,
                 remember: bool = True) -> None:
        super().__init__()
        self._started = time.time()
        self.setObjectName("main_window")
        self._features: dict[str, QObject] = {}
        self._guide = guide
        self.settings = settings
        self.messages = messages or Messages(self)
        self.remember = remember
        self.history = History()
        self._current: str | None = None
        self._rendered: Rendered | None = None
        # The section whose page came from the page cache at start, until it is checked after the paint.
        self._kept_page: str | None = None
        self._kept_key = ""  # the key of the page the cache holds, as far as this window knows
        self._starting = False
        self._text_size = zoom.clamp(settings.get("text_size"))

        # The theme before any child exists, so each widget is styled once, as it is made (Comfort applies
        # the same theme again, which then changes nothing): the computer's, when the reader follows it.
        presets.follow_system(settings, look.system_theme())
        app = QApplication.instance()
        if isinstance(app, QApplication):  # the interface size too, as Comfort would (once the page is shown)
            interface_scale.apply(app, settings.get("interface_size"))
        look.apply_theme(reading_style.active_theme(settings), self)
        if typography.font(settings.get("font_family")).bundled:
            look.register_fonts()  # the page is set in a font the reader ships (else they come with Comfort)
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
        # The search box is on the toolbar from the start, so the toolbar never moves; the search panel
        # behind it is built after the first paint, or as soon as the keyboard enters the box.
        self.search_box = search_box.toolbar_box(self.commands)
        self.pane_fit = PaneFit(self, self.splitter, self.contents, self.view, self.actions["show_contents"])
        self.sectionShown.connect(lambda _id: self.pane_fit.section_shown())
        self.context.textSizeChanged.connect(lambda _size: self.pane_fit.schedule())
        self.commands.bind(self._handlers())
        self._set_tab_order()
        self._focus_before_dialog: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

        self.location_label = QLabel()
        self.location_label.setObjectName("location")
        # Its text is chosen to fit (see _update_status), so it never widens the window nor is cut.
        self.location_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.size_label = QLabel()
        self.size_label.setObjectName("text_size_label")
        self.statusBar().addWidget(self.location_label, 1)
        self.statusBar().addPermanentWidget(self.size_label)
        # A message (such as "Match 1 of 3") takes the place of the location. QStatusBar hides the label
        # only for the while, and a status bar laid out again meanwhile (its height changes at a large
        # interface size) shows it again under the message, the two drawn over each other; hidden and
        # shown here, the label stays hidden until the message goes.
        self.statusBar().messageChanged.connect(lambda message: self.location_label.setVisible(not message))

        self.contents.sectionChosen.connect(self.open_from_contents)
        self.view.linkActivated.connect(self.follow_link)
        self.view.zoomStep.connect(lambda step: self.set_text_size(
            zoom.larger(self.text_size) if step > 0 else zoom.smaller(self.text_size)))
        self.view.verticalScrollBar().valueChanged.connect(self._update_status)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(
            lambda position: self.text_menu(position).exec(self.view.viewport().mapToGlobal(position)))
        self.commands.keysChanged.connect(self._keys_changed)
        # F10 opens the first menu, as on Windows and GNOME (Qt gives it no key on Linux).
        QShortcut(QKeySequence(Qt.Key.Key_F10), self, self.open_menus)

        self._apply_text_size()
        self._starting = True  # the first page may come from the page cache
        try:
            self._restore()
        finally:
            self._starting = False
        # Play and Stop are on the toolbar from the start (the registry made every command); reading aloud
        # itself, the talking book and added content are built just after the first paint.
        self.commands.steady_texts["speech_play"] = (tr("Read aloud"), tr("Pause"), tr("Carry on"))
        icons.decorate(self, reading_style.active_theme(settings))  # before the toolbar is measured
        self.toolbar_room = ToolbarRoom(self.toolbar, self.commands, self, moved=self._set_tab_order)
        self.menu_fit = MenuFit(self)  # the menus exist now; those features make are added as they are built
        if settings.get("reading_ruler"):  # the ruler is drawn over the first page: never a page without it
            self.feature("search")  # first, so the panels keep their order
            self.feature("comfort")
        self.context.listening = _ListeningWhenUsed(self)
        self.commands.bind_later(self.build_features)
        viewport = self.view.viewport()
        self._closed = False
        after_first_paint(viewport, self._check_kept_page)
        # Every key in the application passes through this filter: none can reach a file dialog
        # before the page is on screen, and until then each event would cross into Python for nothing.
        after_first_paint(viewport, self._watch_file_dialog_keys)
        for name in LATER_FEATURES:
            after_first_paint(viewport, functools.partial(self._build_later, name))
        after_first_paint(viewport, lambda: None if self._closed else self._after_features())

    def _watch_file_dialog_keys(self) -> None:
        from reader.ui import dialog_keys  # Qt's file dialog and its classes: not needed for the first page

        if not self._closed:
            dialog_keys.install(self)

    def _build_later(self, name: str) -> None:
        if not self._closed:
            self.feature(name)

    # Features built after the first paint ---------------------------------------------------------

    @property
    def comfort(self) -> Comfort:
        """Themes, reading settings, presets, reading ruler, bookmarks and large print."""
        return self.feature("comfort")  # type: ignore[return-value]

    @property
    def speech(self) -> SpeechUi:
        """The Listen menu and toolbar; the voice itself loads after the first paint."""
        return self.feature("speech")  # type: ignore[return-value]

    @property
    def search(self) -> SearchDock:
        return self.feature("search")  # type: ignore[return-value]

    @property
    def talking_book(self) -> TalkingBookUi:
        """File › Save as a talking book…"""
        return self.feature("talking_book")  # type: ignore[return-value]

    @property
    def added_content(self) -> AddedContent:
        return self.feature("added_content")  # type: ignore[return-value]

    def feature(self, name: str) -> QObject:
        """The feature ``name``, built now if it has not been yet."""
        feature = self._features.get(name)
        if feature is None:
            feature = self._features[name] = getattr(self, f"_build_{name}")()
            self.pane_fit.watch_docks()  # its panels, if it has any
        return feature

    def is_built(self, name: str) -> bool:
        return name in self._features

    def build_features(self) -> None:
        """Build every feature not built yet; then every command has its handler, or the window refuses."""
        for name in LATER_FEATURES:
            self.feature(name)
        missing = self.commands.unbound()
        if missing:
            raise RuntimeError(f"commands declared without a handler: {', '.join(missing)}")

    def _after_features(self) -> None:
        self.build_features()
        # The icons last, once the panels the features make after the paint (queued as they were built) exist.
        after_first_paint(self.view.viewport(), lambda: None if self._closed else icons.decorate(
            self, reading_style.active_theme(self.settings)))

    def _build_comfort(self) -> QObject:
        from reader.ui.comfort import Comfort

        comfort = Comfort(self.context)
        self.menu_fit.watch_new()  # its Recently read menu
        return comfort

    def _build_speech(self) -> QObject:
        from reader.ui.speech_ui import SpeechUi

        return SpeechUi(self.context)

    def _build_search(self) -> QObject:
        from reader.ui.search_panel import SearchDock

        search = SearchDock(self.context)
        search.panel.set_text_pixels(zoom.contents_pixels(self.text_size))
        self._tab_after_text(search.dock)
        return search

    def _tab_after_text(self, dock: QWidget) -> None:
        """Tab goes from the text into ``dock``'s panel when it is open, whenever the panel was made.

        The panel's controls are taken in the order they were made (the order of a freshly made focus
        chain), not by walking the window's focus chain: PySide keeps each widget ``nextInFocusChain()``
        returns as a child of the widget asked, so such a walk would tie the menus to a placeholder
        panel, and they would be lost with it when it is deleted."""
        inside = [widget for widget in dock.findChildren(QWidget)
                  if dock.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus]
        for first, second in pairwise([self.view, *inside]):
            QWidget.setTabOrder(first, second)

    def _build_talking_book(self) -> QObject:
        from reader.ui.talking_book import TalkingBookUi

        return TalkingBookUi(self.context)

    def _build_added_content(self) -> QObject:
        from reader.packs.store import packs_dir
        from reader.ui.added_content import AddedContent

        added = AddedContent(self.context)
        try:  # content added from the command line while the window was starting: show it too
            changed = packs_dir().stat().st_mtime >= self._started - 1
        except OSError:
            changed = False
        if changed:
            QTimer.singleShot(0, added.catch_up)
        return added

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
            "show_contents": self.pane_fit.toggle_contents,
            "smaller_text": lambda: self.set_text_size(zoom.smaller(self.text_size)),
            "larger_text": lambda: self.set_text_size(zoom.larger(self.text_size)),
            "normal_text": lambda: self.set_text_size(zoom.NORMAL),
            "help": lambda: self.open_section(HELP_SECTION) if HELP_SECTION in self.guide else None,
            "about": self.show_about,
            "add_content": lambda: self.added_content.add_content(),
            "manage_content": lambda: self.added_content.manage(),
            "search": lambda: self.search.show_and_focus(),
            "next_match": lambda: self.search.step(1),
            "previous_match": lambda: self.search.step(-1),
        }

    def focus_contents(self) -> None:
        """Ctrl+Shift+C: into the contents, showing them first if they had given way to the page;
        pressed there, it says which section is open."""
        if self.contents.hasFocus():
            self.context.say(self._position_text())
        if not self.contents.isVisible():
            self.pane_fit.toggle_contents()
        self.contents.setFocus(Qt.FocusReason.ShortcutFocusReason)

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
            if new is self.search_box and not self.is_built("search"):
                self.feature("search")  # before the first key typed there is handled
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
        chain = [self.toolbar.widgetForAction(a) for a in self.toolbar.actions()
                 if not a.isSeparator() and self.toolbar.widgetForAction(a) is not None]
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
            self._rendered = self._render(section)
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

    def _render(self, section: Section) -> Rendered:
        shown = self._help_with_keys(section)
        if self._starting and shown is section:  # the page kept from last time, checked after the paint
            kept = page_cache.load(section)
            if kept is not None:
                self._kept_page, self._kept_key = section.id, page_cache.key(section)
                return kept
        from reader.render import render_section

        return render_section(shown, self.guide)

    def _check_kept_page(self) -> None:
        """Just after the first paint: render the page shown for real; show that if the kept one
        differs (it never should), and keep the page for the next start."""
        section_id, self._kept_page = self._kept_page, None
        if self._closed or section_id is None or section_id != self.current:
            if not self._closed:
                self._keep_page()
            return
        section = self.guide.get(self.current)
        if section is None or self._help_with_keys(section) is not section:
            return
        from reader.render import render_section

        fresh = render_section(section, self.guide)
        if fresh != self._rendered:
            self._rendered = fresh
            self.refresh_page()
            self._kept_key = ""  # what the cache holds is wrong: keep this one instead
        self._keep_page()

    def _keep_page(self) -> None:
        """Keep the page shown for the next start (it opens on this section), unless it is kept already."""
        section = self.guide.get(self.current) if self.current else None
        if section is None or self.rendered is None or self._help_with_keys(section) is not section:
            return
        wanted = page_cache.key(section)
        if wanted != self._kept_key:
            page_cache.store(section, self.rendered)
            self._kept_key = wanted

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
        return section.copy(body=replace_key_table(section.body, self.commands.help_table()))

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
        section = guide.get(current) if current is not None else None
        if current is not None and section is not None:
            # Render again: the section's text, or the links on its page, may have changed. A page that
            # reads the same is left as it is. The packs listed just after the first paint leave it to
            # the check of the kept page still to come, which renders it against this guide.
            if self._kept_page != current:
                fresh = self._render(section)
                if fresh != self._rendered:
                    self._rendered = fresh
                    self._show_page()
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
        if "search" in self._features:
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
        section = self.guide.get(self.current)
        title = section.title if section is not None else ""
        # The fullest wording that fits the status line: a narrow window or large interface gets a shorter one.
        choices = [tr("{position} — {percent}% through").format(position=self._position_text(), percent=percent),
                   tr("{title} — {percent}%").format(title=title, percent=percent),
                   tr("{percent}% through").format(percent=percent)]
        room = self.location_label.contentsRect().width()
        metrics = self.location_label.fontMetrics()
        text = next((choice for choice in choices if metrics.horizontalAdvance(choice) <= room), choices[-1])
        self.location_label.setText(text)
        self.location_label.setToolTip(choices[0])
        self.location_label.setAccessibleName(choices[0])

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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, lambda: self._update_status() if shiboken6.isValid(self) else None)  # once laid out

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if not self._closed:
            self._keep_page()
        self._closed = True  # what was to be built after the first paint is not needed now
        if "search" in self._features:
            self.search.shutdown()
        super().closeEvent(event)


class _ListeningWhenUsed:
    """Reading aloud as the other features see it (``context.listening``): built on first use when the
    window has not built it yet."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def __getattr__(self, name: str) -> Any:
        return getattr(self._window.speech, name)
