"""What a feature of the window may use, handed to it explicitly: the window context.

A feature (comfort, speech, search, added content) is given a :class:`WindowContext` and
reaches the window and the other features only through it: the open section and the guide
(:class:`Reading`), the reading view, settings, messages, the status line, the command
registry and two signals. Features never see the whole window, so the window can change
without them and a test can build a feature on its own context.

"Sections changed" travels one way: :attr:`WindowContext.sectionsChanged`, emitted once the
window shows the new set of sections, with a :class:`SectionsChange` saying what changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractScrollArea, QDockWidget, QMainWindow, QWidget

from reader.model import Guide, Section
from reader.rendered import Rendered
from reader.settings import Settings
from reader.ui.actions import ActionRegistry
from reader.ui.announce import Teller
from reader.ui.messages import Messages
from reader.ui.panel_scroll import scrolling
from reader.ui.reading_view import ReadingView

if TYPE_CHECKING:  # reading aloud's modules load after the first paint, with the feature
    from reader.speech.engine import SpeechEngine
    from reader.speech.pronounce import Lexicon


@dataclass(frozen=True)
class SectionsChange:
    """Sections were added, removed or replaced; ``guide`` is the new whole set, ``previous`` the old one.

    ``outside`` is true when another program (the command line, another copy of the reader)
    made the change: it has already brought the search index on disk up to date.
    """

    guide: Guide
    previous: Guide
    added: tuple[Section, ...] = ()
    removed: tuple[str, ...] = ()
    outside: bool = False


class Reading(Protocol):
    """The open section and the guide, and what a feature may ask the window to show."""

    @property
    def guide(self) -> Guide: ...

    @property
    def current(self) -> str | None: ...

    @property
    def rendered(self) -> Rendered | None: ...

    @property
    def text_size(self) -> int: ...

    def open_section(self, section_id: str, anchor: str = "", record: bool = True, say: bool = True) -> bool: ...

    def set_guide(self, guide: Guide) -> None: ...

    def set_text_size(self, percent: int) -> None: ...

    def refresh_page(self) -> None: ...


class Listening(Protocol):
    """What other features may ask of reading aloud, when it is there."""

    def read_section(self, section_id: str, anchor: str = "") -> None: ...

    def voice_settings(self) -> object: ...

    def voice_for_saving(self) -> SavingVoice | None:
        """The voice as the listener set it, for saving the guide as sound; None (after saying why) when
        there is no voice."""
        ...


@dataclass(frozen=True)
class SavingVoice:
    """What a feature needs to record the guide in the listener's own voice, speed and pronunciations."""

    engine: SpeechEngine
    voice: str
    voice_name: str
    rate: int
    lexicon: Lexicon


class WindowContext(QObject):
    """The collaborators every feature of the window shares; built once, by the window."""

    sectionShown = Signal(str)  # a section is now on screen (its id)
    sectionsChanged = Signal(object)  # a SectionsChange: anything prepared from the old sections is stale
    textSizeChanged = Signal(int)  # the text size (percent) changed

    def __init__(self, host: QMainWindow, reading: Reading, view: ReadingView, settings: Settings,
                 messages: Messages, commands: ActionRegistry, remember: bool = True) -> None:
        super().__init__(host)
        self.host = host  # parent of docks and dialogs, owner of the status line
        self.reading = reading
        self.view = view
        self.settings = settings
        self.messages = messages
        self.commands = commands
        self.remember = remember  # False: nothing is saved (screenshots, some tests)
        self.panes: list[QWidget] = []  # the parts of the window that F6 cycles through
        self.listening: Listening | None = None  # set when reading aloud is part of the window
        self.teller = Teller(self, host)

    # Shortcuts to the open section --------------------------------------------------------------

    @property
    def guide(self) -> Guide:
        return self.reading.guide

    @property
    def current(self) -> str | None:
        return self.reading.current

    # The window's furniture ----------------------------------------------------------------------

    def show_status(self, text: str, milliseconds: int = 0) -> None:
        self.host.statusBar().showMessage(text, milliseconds)

    def say(self, message: str, *, assertive: bool = False) -> None:
        """Have screen readers say ``message``; what several parts say in one go is said as one message
        (a new section, then the match found in it)."""
        self.teller.say(message, assertive=assertive)

    def add_dock(self, dock: QDockWidget, pane: QWidget | None = None) -> None:
        """A panel beside the text, hidden until asked for, and one of the parts F6 moves between."""
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        inner = dock.widget()
        if inner is not None and not isinstance(inner, QAbstractScrollArea):
            dock.setWidget(scrolling(inner))  # taller than a small screen at a large interface size: it scrolls
        self.host.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
        self.panes.append(pane if pane is not None else dock)

    def change_sections(self, guide: Guide, added: Sequence[Section] = (), removed: Sequence[str] = (),
                        outside: bool = False) -> SectionsChange:
        """Show a new set of sections (the reader keeps their place if it is still there), then tell every
        feature, once, through :attr:`sectionsChanged`."""
        previous = self.reading.guide
        self.reading.set_guide(guide)
        change = SectionsChange(guide, previous, tuple(added), tuple(removed), outside)
        self.sectionsChanged.emit(change)
        return change
