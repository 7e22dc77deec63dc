"""The window's one registry of commands: a QAction for every declaration in :mod:`reader.action_specs`.

The registry builds the menu bar, the toolbars and the context menu from the declarations,
sets up every toolbar button for the keyboard and screen readers in one place, and applies
the keys the reader chose (stored in settings as ``keys``), refusing a key another command
already uses. Features bind their handlers by command name; an unbound command is an error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import shiboken6
from PySide6.QtCore import QEvent, QMetaObject, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QToolButton, QWidget, QWidgetAction

from reader import action_specs
from reader.action_specs import (
    ACTIONS,
    CONTEXT_MENUS,
    MENUS,
    SPECS,
    TOOLBAR_ORDER,
    TOOLBARS,
    WHILE_READING,
    ActionSpec,
    Submenu,
)
from reader.settings import Settings
from reader.ui.i18n import tr
from reader.ui.menu_voice import MenuVoice


class KeyConflict(ValueError):
    """A key asked for is already another command's; the message names that command."""

    def __init__(self, key: str, other: ActionSpec) -> None:
        super().__init__(tr("{key} is already the key for “{action}”. Choose another key, or change that "
                            "command's key first.").format(key=key, action=tr(other.text).replace("&", "")))
        self.other = other


def default_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The declared keys on this platform: standard keys as the platform has them, others as written."""
    sequences: list[QKeySequence] = []
    for key in spec.keys:
        if key.startswith("@"):
            sequences.extend(QKeySequence.keyBindings(getattr(QKeySequence.StandardKey, key[1:])))
        else:
            sequences.append(QKeySequence(key))
    return _unique(sequences)


def _unique(sequences: Iterable[QKeySequence]) -> list[QKeySequence]:
    unique: list[QKeySequence] = []
    for sequence in sequences:
        if not sequence.isEmpty() and sequence not in unique:
            unique.append(sequence)
    return unique


def portable(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.PortableText)


class _EnterPresses(QObject):
    """Enter presses a toolbar button, as Space does: people (and screen readers' hints) expect both."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and isinstance(watched, QToolButton)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            watched.click()
            return True
        return False


class ActionRegistry(QObject):
    """Every command of the window as a QAction, with the menus and toolbars built from them."""

    keysChanged = Signal(str)  # a command's keys changed (its name)

    def __init__(self, host: QWidget, settings: Settings) -> None:
        super().__init__(host)
        self.host = host
        self.settings = settings
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.toolbars: dict[str, QToolBar] = {}
        self.toolbar_widgets: dict[str, QWidget] = {}  # a widget in a command's place (the search box)
        self.toolbar_widget_actions: dict[str, QWidgetAction] = {}
        self.steady_texts: dict[str, tuple[str, ...]] = {}  # a button as wide as its widest text: it never shifts
        self._bound: set[str] = set()
        self._waiting: dict[str, QMetaObject.Connection] = {}  # command -> its stand-in, until bound
        self._enter_presses = _EnterPresses(self)
        self.menu_voice = MenuVoice(self)
        for spec in ACTIONS.values():
            action = QAction(tr(spec.text), host)
            action.setObjectName(spec.name)
            action.setCheckable(spec.checkable)
            if spec.short:
                action.setIconText(tr(spec.short))  # the toolbar's word; menus and screen readers keep the text
            tip = tr(spec.tip) if spec.tip else action.text().replace("&", "")
            action.setStatusTip(tip)
            action.setEnabled(spec.name not in WHILE_READING)
            host.addAction(action)  # its keys work wherever the focus is in the window
            self.actions[spec.name] = action
            self._apply_keys(spec.name)

    # Handlers -----------------------------------------------------------------------------------

    def bind(self, handlers: Mapping[str, Callable[..., object]]) -> dict[str, QAction]:
        """Connect each named command to its handler; returns those commands' actions, by name."""
        for name, handler in handlers.items():
            if name in self._bound:
                raise ValueError(f"the command {name!r} already has a handler")
            if name in self._waiting:
                QObject.disconnect(self._waiting.pop(name))
            self.actions[name].triggered.connect(handler)
            self._bound.add(name)
        return {name: self.actions[name] for name in handlers}

    def unbound(self) -> list[str]:
        return [name for name in self.actions if name not in self._bound]

    def bind_later(self, build: Callable[[], object]) -> None:
        """The commands still without a handler get theirs when their feature is built (after the first
        paint); one used before that calls ``build``, then runs as if the feature had always been there."""
        for name in self.unbound():
            if name not in self._waiting:
                self._waiting[name] = self.actions[name].triggered.connect(
                    lambda _checked=False, name=name: self._build_and_run(name, build))

    def _build_and_run(self, name: str, build: Callable[[], object]) -> None:
        action = self.actions[name]
        checked = action.isChecked()  # as the user just set it: building the feature may set it from settings
        build()
        if name in self._bound:
            action.setChecked(checked)
            # the overload with the checked state (the handlers take it); the stubs do not know it
            action.triggered[bool].emit(checked)  # type: ignore[index]

    # Menus and toolbars --------------------------------------------------------------------------

    def build_menus(self, menu_bar: QMenuBar) -> dict[str, QMenu]:
        """The whole menu bar, in the declared order; submenus are left for their feature to fill."""
        for key, title in MENUS.items():
            menu = menu_bar.addMenu(tr(title))
            menu.setObjectName(f"menu_{key}")
            self.menus[key] = menu
            self.menu_voice.watch(menu)  # keys and submenus said by screen readers (submenus as they open)
        for spec in SPECS:
            menu = self.menus[spec.submenu or spec.menu if isinstance(spec, ActionSpec) else spec.menu]
            if spec.separator_before and not menu.isEmpty():
                menu.addSeparator()
            if isinstance(spec, Submenu):
                sub = menu.addMenu(tr(spec.text))
                sub.setObjectName(f"menu_{spec.name}")
                self.menus[spec.name] = sub
            else:
                menu.addAction(self.actions[spec.name])
        return self.menus

    def build_toolbar(self, name: str) -> QToolBar:
        """A toolbar of the commands declared for it, every button reachable by Tab and named for screen readers."""
        title = tr(TOOLBARS[name])
        if name in self.toolbars:
            return self.toolbars[name]  # built early, before its feature
        toolbar = QToolBar(title, self.host)
        toolbar.setObjectName("main_toolbar" if name == "main" else f"{name}_toolbar")
        toolbar.setAccessibleName(title)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        for entry in TOOLBAR_ORDER[name]:
            if entry == "|":
                toolbar.addSeparator()
            else:
                self.add_to_toolbar(toolbar, entry)
        self.toolbars[name] = toolbar
        return toolbar

    def add_to_toolbar(self, toolbar: QToolBar, name: str, before: QAction | None = None) -> QToolButton | None:
        """Put command ``name`` on ``toolbar`` (before ``before``), set up for the keyboard and screen readers."""
        action = self.actions[name]
        toolbar.insertAction(before, action) if before is not None else toolbar.addAction(action)
        button = toolbar.widgetForAction(action)
        if not isinstance(button, QToolButton):
            return None
        button.setObjectName(f"toolbar_{name}")
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.installEventFilter(self._enter_presses)
        self._name_button(button, action)
        action.changed.connect(lambda b=button, a=action: self._name_button(b, a))
        return button

    @staticmethod
    def _name_button(button: QToolButton, action: QAction) -> None:
        """A toolbar button says what its command says now (its text changes, as Read aloud / Pause do)."""
        if not shiboken6.isValid(button):
            return  # the button went when its command moved into the "More" menu
        button.setAccessibleName(action.text().replace("&", ""))
        button.setAccessibleDescription(action.statusTip())

    def fill_context_menu(self, menu: QMenu, name: str) -> QMenu:
        """Add the commands declared for context menu ``name`` (the menu bar's own actions, so the same keys)."""
        self.menu_voice.watch(menu)
        if not menu.isEmpty():
            menu.addSeparator()  # after the widget's own entries
        for entry in CONTEXT_MENUS[name]:
            if entry == "-":
                menu.addSeparator()
            else:
                menu.addAction(self.actions[entry])
        return menu

    # Keys ---------------------------------------------------------------------------------------

    def chosen_keys(self) -> dict[str, list[str]]:
        """The reader's own key choices (command -> portable keys); commands not in it use their defaults."""
        return action_specs.validate_chosen(self.settings.get("keys")) or {}

    def sequences(self, name: str) -> list[QKeySequence]:
        chosen = self.chosen_keys()
        if name in chosen:
            return _unique(QKeySequence(key) for key in chosen[name])
        return default_sequences(ACTIONS[name])

    def keys_text(self, name: str) -> list[str]:
        """The command's keys as the reader sees them on this computer."""
        return [s.toString(QKeySequence.SequenceFormat.NativeText) for s in self.sequences(name)]

    def owner_of(self, sequence: QKeySequence, besides: str = "") -> ActionSpec | None:
        """The command (other than ``besides``) that this key starts, if any."""
        for name in self.actions:
            if name != besides and sequence in self.sequences(name):
                return ACTIONS[name]
        return None

    def set_keys(self, name: str, sequences: Iterable[QKeySequence]) -> None:
        """Give a command these keys from now on (stored in settings), or raise :class:`KeyConflict`."""
        wanted = _unique(sequences)
        for sequence in wanted:
            other = self.owner_of(sequence, besides=name)
            if other is not None:
                raise KeyConflict(sequence.toString(QKeySequence.SequenceFormat.NativeText), other)
        chosen = self.chosen_keys()
        chosen[name] = [portable(s) for s in wanted]
        if chosen[name] == [portable(s) for s in default_sequences(ACTIONS[name])]:
            del chosen[name]
        self.settings.set("keys", chosen)
        self._apply_keys(name)

    def reset_keys(self, name: str | None = None) -> None:
        """Back to the declared keys: one command's, or every command's. Refused if a default is now taken."""
        chosen = self.chosen_keys()
        names = [name] if name is not None else list(chosen)
        for each in names:
            for sequence in default_sequences(ACTIONS[each]):
                other = self.owner_of(sequence, besides=each)
                if other is not None and other.name not in names:
                    raise KeyConflict(sequence.toString(QKeySequence.SequenceFormat.NativeText), other)
        for each in names:
            chosen.pop(each, None)
        self.settings.set("keys", chosen)
        for each in names:
            self._apply_keys(each)

    def _apply_keys(self, name: str) -> None:
        action = self.actions[name]
        sequences = self.sequences(name)
        action.setShortcuts(sequences)
        tip = action.statusTip()
        keys = sequences[0].toString(QKeySequence.SequenceFormat.NativeText) if sequences else ""
        action.setToolTip(tr("{tip} ({keys})", "a command's tip and its key").format(tip=tip, keys=keys)
                          if keys else tip)
        self.keysChanged.emit(name)

    def help_table(self) -> str:
        """The help page's keys as this window uses them, in Markdown: a list, read a line at a time."""
        keys_of = {name: [portable(s) for s in self.sequences(name)] for name in self.actions}
        return action_specs.key_list(action_specs.help_rows(keys_of))
