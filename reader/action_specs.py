"""Every command of the reader's window declared once, without Qt: name, text, menu, keys, tip.

The window builds its menus, toolbars and the help page's table of keys from :data:`SPECS`,
and ``coproduction-reader keys`` prints the same list, so a key card, the menus and the help
can never disagree. Keys are written as Qt's portable text ("Ctrl+PgDown", "Media Play"); an
entry starting with ``@`` names one of Qt's standard keys, which follows the platform's
convention in the window and is printed by the command line as :data:`STANDARD_KEYS` says.

A feature adds a command by declaring it here (its menu and place) and binding a handler to
its name where the feature is built; the window refuses a command without a handler.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from reader.translatable import QT_TR_NOOP


@dataclass(frozen=True)
class ActionSpec:
    """One command: what it is called, where it appears and which keys start it."""

    name: str
    text: str
    menu: str
    keys: tuple[str, ...] = ()
    tip: str = ""
    toolbar: str | None = None
    separator_before: bool = False
    checkable: bool = False
    short: str = ""  # the toolbar's word for it, when shorter than the menu's ("Next" for "Next section")
    submenu: str = ""  # a declared :class:`Submenu` of ``menu`` that holds it, so a long menu fits a small screen

    @property
    def label(self) -> str:
        """The menu text as people read it: without the ``&`` that marks the access key."""
        return self.text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


@dataclass(frozen=True)
class Submenu:
    """A menu inside a menu, declared here for its place: filled by a feature (presets, colours) or by the
    commands declared with ``submenu=`` its name (declared after it)."""

    name: str
    text: str
    menu: str
    separator_before: bool = False


# Menus of the menu bar, in order.
MENUS: dict[str, str] = {"file": QT_TR_NOOP("&File"), "go": QT_TR_NOOP("&Go"), "view": QT_TR_NOOP("&View"),
                         "bookmarks": QT_TR_NOOP("&Bookmarks"), "listen": QT_TR_NOOP("&Listen"),
                         "help": QT_TR_NOOP("&Help")}
# Toolbars, in order: name -> title (also the accessible name). One toolbar of the commands most
# readers use; everything else is in the menus.
TOOLBARS: dict[str, str] = {"main": QT_TR_NOOP("Toolbar")}
# The toolbar's order: every command declared with ``toolbar="main"``, "|" a separator; the search
# feature shows "search" as a search box.
TOOLBAR_ORDER: dict[str, tuple[str, ...]] = {"main": (
    "show_contents", "back", "previous_section", "next_section", "|", "search", "|", "speech_play", "speech_stop",
    "|", "smaller_text", "larger_text", "reading_settings")}
# When the window is too narrow even for icons alone, these move into the toolbar's "More" menu, first first.
TOOLBAR_LEAST_USED: tuple[str, ...] = (
    "reading_settings", "smaller_text", "larger_text", "back", "speech_stop", "show_contents",
    "previous_section", "next_section")

# What Qt's standard keys are on Windows and Linux desktops, for the command line's key card.
STANDARD_KEYS: dict[str, tuple[str, ...]] = {
    "Open": ("Ctrl+O",), "Quit": ("Ctrl+Q",), "Print": ("Ctrl+P",), "Find": ("Ctrl+F",),
    "FindNext": ("F3",), "FindPrevious": ("Shift+F3",), "ZoomIn": ("Ctrl++",), "ZoomOut": ("Ctrl+-",),
    "Back": ("Alt+Left",), "Forward": ("Alt+Right",), "HelpContents": ("F1",), "Preferences": (),
}

SPECS: tuple[ActionSpec | Submenu, ...] = (
    # File
    ActionSpec("add_content", QT_TR_NOOP("&Add content…"), "file", ("@Open",),
               QT_TR_NOOP("Add a content pack (.zip) or a document (Markdown, text or web page) to the reader")),
    ActionSpec("manage_content", QT_TR_NOOP("&Manage added content…"), "file", (),
               QT_TR_NOOP("See the content added to the reader, and remove it")),
    ActionSpec("print_large", QT_TR_NOOP("&Print in large print…"), "file", ("@Print",),
               QT_TR_NOOP("Print this section in large print: big text in your font and spacing, dark on white"),
               separator_before=True),
    ActionSpec("export_pdf", QT_TR_NOOP("E&xport large-print PDF…"), "file", ("Ctrl+Shift+E",),
               QT_TR_NOOP("Save this section as a large-print PDF file")),
    ActionSpec("save_talking_book", QT_TR_NOOP("Save as a &talking book…"), "file", (),
               QT_TR_NOOP("Save the whole guide as an EPUB 3 book for phones and talking-book players: the text, "
                          "highlighted sentence by sentence as the voice reads it")),
    ActionSpec("preferences", QT_TR_NOOP("Pr&eferences…"), "file", ("@Preferences", "Ctrl+,"),
               QT_TR_NOOP("Colours, font, text size and spacing, and the keys, in a window of their own"),
               separator_before=True),
    # Qt gives no Quit key on Windows; the help promises Ctrl+Q
    ActionSpec("quit", QT_TR_NOOP("&Quit"), "file", ("Ctrl+Q", "@Quit"),
               QT_TR_NOOP("Close the reader"), separator_before=True),
    # Go
    ActionSpec("previous_section", QT_TR_NOOP("&Previous section"), "go", ("Ctrl+PgUp",),
               QT_TR_NOOP("Go to the section before this one"), toolbar="main", short=QT_TR_NOOP("Previous")),
    ActionSpec("next_section", QT_TR_NOOP("&Next section"), "go", ("Ctrl+PgDown",),
               QT_TR_NOOP("Go to the section after this one"), toolbar="main", short=QT_TR_NOOP("Next")),
    ActionSpec("back", QT_TR_NOOP("&Back"), "go", ("Alt+Left", "@Back"),
               QT_TR_NOOP("Go back to where you were before"), toolbar="main", separator_before=True),
    ActionSpec("forward", QT_TR_NOOP("&Forward"), "go", ("Alt+Right", "@Forward"), QT_TR_NOOP("Go forward again")),
    ActionSpec("switch_pane", QT_TR_NOOP("&Move between contents and text"), "go", ("F6",),
               QT_TR_NOOP("Move the keyboard focus to the next part of the window"), separator_before=True),
    ActionSpec("focus_contents", QT_TR_NOOP("Go to the &contents"), "go", ("Ctrl+Shift+C",),
               QT_TR_NOOP("Move the keyboard focus to the list of contents")),
    ActionSpec("search", QT_TR_NOOP("&Search the guide"), "go", ("@Find",),
               QT_TR_NOOP("Find passages by their words: results appear as you type"), toolbar="main",
               separator_before=True),
    ActionSpec("next_match", QT_TR_NOOP("Next &match"), "go", ("F3", "@FindNext"),
               QT_TR_NOOP("Go to the next matching word in this section")),
    ActionSpec("previous_match", QT_TR_NOOP("Pre&vious match"), "go", ("Shift+F3", "@FindPrevious"),
               QT_TR_NOOP("Go to the previous matching word in this section")),
    # View
    ActionSpec("smaller_text", QT_TR_NOOP("&Smaller text"), "view", ("@ZoomOut",), QT_TR_NOOP("Make the text smaller"),
               toolbar="main", separator_before=True, short=QT_TR_NOOP("Smaller")),
    ActionSpec("larger_text", QT_TR_NOOP("&Larger text"), "view", ("@ZoomIn", "Ctrl+="),
               QT_TR_NOOP("Make the text larger"),
               toolbar="main", short=QT_TR_NOOP("Larger")),
    ActionSpec("normal_text", QT_TR_NOOP("&Normal text size"), "view", ("Ctrl+0",),
               QT_TR_NOOP("Put the text back to its normal size")),
    ActionSpec("reading_settings", QT_TR_NOOP("&Reading settings panel"), "view", ("Ctrl+Shift+R",),
               QT_TR_NOOP("Show or hide the panel of colours, font and spacing beside the text"), toolbar="main",
               separator_before=True, checkable=True, short=QT_TR_NOOP("Settings")),
    ActionSpec("show_contents", QT_TR_NOOP("Con&tents"), "view", (),
               QT_TR_NOOP("Show or hide the list of sections beside the text"), toolbar="main", checkable=True),
    Submenu("presets", QT_TR_NOOP("&Presets"), "view"),
    Submenu("colours", QT_TR_NOOP("&Colours"), "view"),
    ActionSpec("reading_ruler", QT_TR_NOOP("Reading r&uler"), "view", ("Ctrl+Shift+L",),
               QT_TR_NOOP("Dim all but the lines at the text cursor; move it with the arrow keys"), checkable=True),
    # Bookmarks (the bookmarks themselves and the recently read sections follow these)
    ActionSpec("add_bookmark", QT_TR_NOOP("&Add bookmark here…"), "bookmarks", ("Ctrl+D",),
               QT_TR_NOOP("Mark the paragraph you are reading, with a name you choose")),
    ActionSpec("show_bookmarks", QT_TR_NOOP("&Bookmarks and recently read"), "bookmarks", ("Ctrl+B",),
               QT_TR_NOOP("Show or hide the list of your bookmarks and the sections you read lately"), checkable=True),
    # Listen: keys follow the media keys of many keyboards (F7 back, F8 read/pause, F9 on)
    ActionSpec("speech_play", QT_TR_NOOP("&Read aloud"), "listen", ("F8", "Toggle Media Play/Pause", "Media Play"),
               QT_TR_NOOP("Read this section aloud from the top of the page you see; press again to pause"),
               toolbar="main"),
    ActionSpec("speech_stop", QT_TR_NOOP("&Stop reading"), "listen", ("Shift+F8", "Media Stop"),
               QT_TR_NOOP("Stop reading aloud and clear the highlight"), toolbar="main", short=QT_TR_NOOP("Stop")),
    ActionSpec("speech_from_here", QT_TR_NOOP("Read from &here"), "listen", ("Ctrl+F8",),
               QT_TR_NOOP("Read aloud from the paragraph with the text cursor")),
    ActionSpec("speech_selection", QT_TR_NOOP("Read the s&election"), "listen", ("Ctrl+Shift+F8",),
               QT_TR_NOOP("Read aloud only the text you have selected")),
    # Three short submenus rather than one menu of fifteen entries: at a large interface size each menu
    # then fits a small screen at the size the reader chose. Their keys work wherever the focus is.
    Submenu("listen_move", QT_TR_NOOP("&Move while reading"), "listen", separator_before=True),
    ActionSpec("speech_previous_sentence", QT_TR_NOOP("Previous &sentence"), "listen", ("F7", "Media Previous"),
               QT_TR_NOOP("Read the sentence before"), submenu="listen_move"),
    ActionSpec("speech_next_sentence", QT_TR_NOOP("&Next sentence"), "listen", ("F9", "Media Next"),
               QT_TR_NOOP("Skip to the next sentence"), submenu="listen_move"),
    ActionSpec("speech_previous_paragraph", QT_TR_NOOP("Previous &paragraph"), "listen", ("Shift+F7",),
               QT_TR_NOOP("Read from the start of this paragraph, or of the one before"), submenu="listen_move"),
    ActionSpec("speech_next_paragraph", QT_TR_NOOP("Next p&aragraph"), "listen", ("Shift+F9",),
               QT_TR_NOOP("Skip to the next paragraph"), submenu="listen_move"),
    Submenu("listen_voice", QT_TR_NOOP("&Voice and speed"), "listen"),
    ActionSpec("speech_slower", QT_TR_NOOP("S&lower"), "listen", ("Ctrl+F7",),
               QT_TR_NOOP("Read more slowly"), submenu="listen_voice"),
    ActionSpec("speech_faster", QT_TR_NOOP("&Faster"), "listen", ("Ctrl+F9",), QT_TR_NOOP("Read more quickly"),
               submenu="listen_voice"),
    ActionSpec("speech_voice", QT_TR_NOOP("&Voice and pronunciation…"), "listen", (),
               QT_TR_NOOP("Choose the voice, its speed and volume, and how it says names"), separator_before=True,
               submenu="listen_voice"),
    Submenu("listen_save", QT_TR_NOOP("Save as &audio"), "listen"),
    ActionSpec("speech_save_section", QT_TR_NOOP("Save section as &audio…"), "listen", ("Ctrl+Shift+S",),
               QT_TR_NOOP("Save this section read aloud as an MP3 or WAV file"), submenu="listen_save"),
    ActionSpec("speech_save_guide", QT_TR_NOOP("Save the whole &guide as audio…"), "listen", (),
               QT_TR_NOOP("Save every section read aloud, one MP3 file each, into a folder"), submenu="listen_save"),
    ActionSpec("speech_continue", QT_TR_NOOP("&Carry on into the next section"), "listen", (),
               QT_TR_NOOP("At the end of a section, go on reading the next one (otherwise reading stops there)"),
               checkable=True, separator_before=True),
    ActionSpec("speech_pause_on_keys", QT_TR_NOOP("Pa&use while I press other keys"), "listen", (),
               QT_TR_NOOP("Pause the voice when you press a key that is not a reading-aloud key, so that your "
                          "screen reader can speak; Read aloud carries on"),
               checkable=True),
    ActionSpec("speech_why", QT_TR_NOOP("Reading aloud is not available: how to enable it…"), "listen", (),
               QT_TR_NOOP("What to install so the reader can read aloud")),
    # Help
    ActionSpec("help", QT_TR_NOOP("&Using this reader"), "help", ("@HelpContents",),
               QT_TR_NOOP("Open the help page: how to move around, change the text size and the keyboard shortcuts")),
    ActionSpec("about", QT_TR_NOOP("&About Co-production Reader"), "help", (),
               QT_TR_NOOP("Version and where the guide comes from")),
)

ACTIONS: dict[str, ActionSpec] = {spec.name: spec for spec in SPECS if isinstance(spec, ActionSpec)}
#: Commands on a reading aloud under way: off until one starts, from the window's first paint (reading
#: aloud is set up just after it, and a Stop that greyed out a moment after the window appeared flickered).
WHILE_READING: tuple[str, ...] = ("speech_stop", "speech_previous_sentence", "speech_next_sentence",
                                  "speech_previous_paragraph", "speech_next_paragraph")
SUBMENUS: dict[str, Submenu] = {spec.name: spec for spec in SPECS if isinstance(spec, Submenu)}

# Context menus, after the widget's own entries (Copy, Select all): command names, "-" a separator.
CONTEXT_MENUS: dict[str, tuple[str, ...]] = {
    "text": ("speech_from_here", "speech_selection", "-", "add_bookmark", "search"),
}

# Keys that are not commands of their own, for the help page and the key card.
OTHER_KEYS: tuple[tuple[str, str], ...] = (
    (QT_TR_NOOP("Open the menus"), "F10"),
    (QT_TR_NOOP("From the results or the text back to the search box"), "Escape"),
    (QT_TR_NOOP("Next heading in the text"), "H"),
    (QT_TR_NOOP("Previous heading in the text"), "Shift+H"),
    (QT_TR_NOOP("Next paragraph in the text"), "Ctrl+Down"),
    (QT_TR_NOOP("Previous paragraph in the text"), "Ctrl+Up"),
)


def portable_keys(spec: ActionSpec) -> list[str]:
    """The default keys as portable text, standard keys as they are on Windows and Linux."""
    keys: list[str] = []
    for key in spec.keys:
        for item in STANDARD_KEYS.get(key[1:], ()) if key.startswith("@") else (key,):
            if item not in keys:
                keys.append(item)
    return keys


def current_keys(spec: ActionSpec, chosen: Mapping[str, Sequence[str]]) -> list[str]:
    """The keys in use: the reader's own choice for this command if they made one, else its defaults."""
    return list(chosen[spec.name]) if spec.name in chosen else portable_keys(spec)


def menu_path(spec: ActionSpec) -> str:
    """Where the command is in the menus, as people read it: "Listen ▸ Read aloud", "Listen ▸ Voice and speed ▸
    Faster"."""
    steps = [MENUS[spec.menu], *([SUBMENUS[spec.submenu].text] if spec.submenu else []), spec.label]
    return " ▸ ".join(step.replace("&", "") for step in steps)


def validate_chosen(raw: object) -> dict[str, list[str]] | None:
    """A reader's key choices as stored in settings (command -> list of keys), or None if malformed."""
    if not isinstance(raw, dict):
        return None
    if not all(isinstance(name, str) and isinstance(keys, list) and all(isinstance(k, str) for k in keys)
               for name, keys in raw.items()):
        return None
    return {name: list(keys) for name, keys in raw.items()}


@dataclass(frozen=True)
class KeyCardRow:
    """One line of the key card: a command, where it is in the menus and its keys now."""

    name: str
    text: str
    menu: str
    path: str
    keys: tuple[str, ...]
    tip: str
    changed: bool  # the reader chose these keys


def key_card(chosen: Mapping[str, Sequence[str]]) -> list[KeyCardRow]:
    """Every command with its keys and menu path, in menu order (what ``coproduction-reader keys`` prints)."""
    card: list[KeyCardRow] = []
    for menu in MENUS:
        for spec in ACTIONS.values():
            if spec.menu == menu:
                card.append(KeyCardRow(spec.name, spec.label, MENUS[menu].replace("&", ""), menu_path(spec),
                                       tuple(current_keys(spec, chosen)), spec.tip, spec.name in chosen))
    return card


def spoken_key(key: str) -> str:
    """A key as the help writes it: "Ctrl+PgDown" becomes "Ctrl+Page Down", "Ctrl++" "Ctrl+Plus"."""
    names = {"PgDown": "Page Down", "PgUp": "Page Up", "+": "Plus", "-": "Minus", ",": "Comma", "=": "Equals",
             "Esc": "Escape"}
    parts = key.split("+")
    if key.endswith("++"):
        parts = [*key[:-2].split("+"), "+"]
    return "+".join(names.get(part, part) for part in parts if part != "" or part == "+")


def _shown_keys(keys: Sequence[str]) -> list[str]:
    return [spoken_key(key) for key in keys if not key.startswith(("Media", "Toggle Media"))]


def key_table(rows: Iterable[tuple[str, Sequence[str]]]) -> str:
    """The help page's table of keys as the guide's file holds it, in Markdown: one row per command with a key."""
    lines = ["| Action | Keys |", "|---|---|"]
    for label, keys in rows:
        shown = _shown_keys(keys)
        if shown:
            lines.append(f"| {label} | {' or '.join(shown)} |")
    return "\n".join(lines)


def key_list(rows: Iterable[tuple[str, Sequence[str]]]) -> str:
    """The same keys as the window shows them, in Markdown: one line per command, "Add bookmark here: Ctrl+D".

    A list, not a table: a screen reader reads each line whole, where Qt's text view gives a table
    to it cell by cell, one column at a time, or with the two cells run together."""
    return "\n".join(f"- {label}: {' or '.join(shown)}" for label, keys in rows if (shown := _shown_keys(keys)))


def help_rows(keys_of: Mapping[str, Sequence[str]]) -> list[tuple[str, Sequence[str]]]:
    """Rows of the help's key table in menu order, from each command's keys as the window uses them."""
    rows: list[tuple[str, Sequence[str]]] = []
    for menu in MENUS:
        rows += [(spec.label, keys_of.get(spec.name, ())) for spec in ACTIONS.values() if spec.menu == menu]
    return rows + [(label, (key,)) for label, key in OTHER_KEYS]


def replace_key_table(markdown: str, table: str) -> str:
    """The help page with its keys (the table, or list, under "Keyboard shortcuts") replaced by ``table``."""
    heading = "## Keyboard shortcuts"
    start = markdown.find(heading)
    if start < 0:
        return markdown
    next_heading = markdown.find("\n#", start + len(heading))
    found = [at for at in (markdown.find("\n| Action | Keys |", start), markdown.find("\n- ", start))
             if at >= 0 and (next_heading < 0 or at < next_heading)]
    if not found:
        return markdown
    first = min(found) + 1
    prefix = "|" if markdown.startswith("|", first) else "- "
    end = first
    for line in markdown[first:].split("\n"):
        if not line.startswith(prefix):
            break
        end += len(line) + 1
    return markdown[:first] + table + "\n" + markdown[end:]
