"""Every command of the window declared once: text, keys, menu, toolbar, accessible name.

Menus and toolbars are built from this list, so an action cannot exist without a menu
entry and a description a screen reader can announce.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

Keys = QKeySequence.StandardKey | str | tuple[QKeySequence.StandardKey | str, ...] | None


def tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


@dataclass(frozen=True)
class ActionSpec:
    name: str
    text: str
    menu: str
    keys: Keys = None
    tip: str = ""
    toolbar: str | None = None
    separator_before: bool = False


MENUS: dict[str, str] = {"file": "&File", "go": "&Go", "view": "&View", "help": "&Help"}

SPECS: list[ActionSpec] = [
    ActionSpec("add_content", "&Add content…", "file", QKeySequence.StandardKey.Open,
               "Add a content pack (.zip) or a document (Markdown, text or web page) to the reader"),
    ActionSpec("manage_content", "&Manage added content…", "file", None,
               "See the content added to the reader, and remove it"),
    ActionSpec("quit", "&Quit", "file", ("Ctrl+Q", QKeySequence.StandardKey.Quit), "Close the reader",
               separator_before=True),  # Qt gives no Quit key on Windows; the help promises Ctrl+Q
    ActionSpec("previous_section", "&Previous section", "go", "Ctrl+PgUp",
               "Go to the section before this one", toolbar="main"),
    ActionSpec("next_section", "&Next section", "go", "Ctrl+PgDown",
               "Go to the section after this one", toolbar="main"),
    ActionSpec("back", "&Back", "go", ("Alt+Left", QKeySequence.StandardKey.Back),
               "Go back to where you were before", toolbar="main", separator_before=True),
    ActionSpec("forward", "&Forward", "go", ("Alt+Right", QKeySequence.StandardKey.Forward),
               "Go forward again", toolbar="main"),
    ActionSpec("switch_pane", "&Move between contents and text", "go", "F6",
               "Move the keyboard focus to the next part of the window", separator_before=True),
    ActionSpec("focus_contents", "Go to the &contents", "go", "Ctrl+Shift+C",
               "Move the keyboard focus to the list of contents"),
    ActionSpec("search", "&Search the guide", "go", QKeySequence.StandardKey.Find,
               "Find passages by their words: results appear as you type", separator_before=True),
    ActionSpec("next_match", "Next &match", "go", ("F3", QKeySequence.StandardKey.FindNext),
               "Go to the next matching word in this section"),
    ActionSpec("previous_match", "Pre&vious match", "go", ("Shift+F3", QKeySequence.StandardKey.FindPrevious),
               "Go to the previous matching word in this section"),
    ActionSpec("smaller_text", "&Smaller text", "view", QKeySequence.StandardKey.ZoomOut,
               "Make the text smaller", toolbar="main", separator_before=True),
    ActionSpec("larger_text", "&Larger text", "view", (QKeySequence.StandardKey.ZoomIn, "Ctrl+="),
               "Make the text larger", toolbar="main"),
    ActionSpec("normal_text", "&Normal text size", "view", "Ctrl+0",
               "Put the text back to its normal size", toolbar="main"),
    ActionSpec("help", "&Using this reader", "help", QKeySequence.StandardKey.HelpContents,
               "Open the help page: how to move around, change the text size and the keyboard shortcuts"),
    ActionSpec("about", "&About Co-production Reader", "help", None, "Version and where the guide comes from"),
]


def _key_sequences(keys: Keys) -> list[QKeySequence]:
    if keys is None:
        return []
    items = keys if isinstance(keys, tuple) else (keys,)
    sequences: list[QKeySequence] = []
    for item in items:
        if isinstance(item, str):
            sequences.append(QKeySequence(item))
        else:
            sequences.extend(QKeySequence.keyBindings(item))
    unique: list[QKeySequence] = []
    for sequence in sequences:
        if not sequence.isEmpty() and sequence not in unique:
            unique.append(sequence)
    return unique


def create_actions(parent: QWidget, specs: list[ActionSpec],
                   handlers: dict[str, Callable[[], object]]) -> dict[str, QAction]:
    """One QAction per spec, connected to ``handlers[name]``, its tip shown and spoken."""
    actions: dict[str, QAction] = {}
    for spec in specs:
        action = QAction(tr(spec.text), parent)
        action.setObjectName(spec.name)
        action.setShortcuts(_key_sequences(spec.keys))
        tip = tr(spec.tip) if spec.tip else action.text().replace("&", "")
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        action.triggered.connect(handlers[spec.name])
        parent.addAction(action)
        actions[spec.name] = action
    return actions


def build_menus(menu_bar: QMenuBar, specs: list[ActionSpec], actions: dict[str, QAction],
                menus: dict[str, str]) -> dict[str, QMenu]:
    built: dict[str, QMenu] = {}
    for key, title in menus.items():
        built[key] = menu_bar.addMenu(tr(title))
        built[key].setObjectName(f"menu_{key}")
    for spec in specs:
        menu = built[spec.menu]
        if spec.separator_before and not menu.isEmpty():
            menu.addSeparator()
        menu.addAction(actions[spec.name])
    return built


def fill_toolbar(toolbar: QToolBar, name: str, specs: list[ActionSpec],
                 actions: dict[str, QAction]) -> None:
    first = True
    for spec in specs:
        if spec.toolbar != name:
            continue
        if spec.separator_before and not first:
            toolbar.addSeparator()
        toolbar.addAction(actions[spec.name])
        first = False
