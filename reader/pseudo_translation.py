"""A pseudo-translation: every string wrapped in ⟦…⟧, its letters accented and 40 % longer.

Translators' tools make one before any real translation exists, to show in the running window
what a translation would break: a string still in plain English was never translated (or never
extracted), a missing ⟦ or ⟧ was cut off, and the extra length is about what German or French
need, so a label too narrow for it shows before a translator finds it. Placeholders (``{name}``,
``{size:.1f}``, ``%n``), access keys (``&F``), markup (``<b>``, ``&amp;``) and line breaks are
kept as they are, so the pseudo-translated text still works. Also reads the catalogue that
``pyside6-lupdate`` extracts (a ``.ts`` file: XML), without Qt.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

OPEN, CLOSE = "⟦", "⟧"
GROWTH = 0.4  # what translators' tools add: German and French run 30-40 % longer than English
PAD = "·"
# Parts of a string that must come through unchanged: format fields, Qt's %n and %1,
# markup and entities, and an access key (the letter after a single &).
_KEEP = re.compile(r"\{[^{}]*\}|%(?:n|L?\d+)|<[^<>]+>|&(?:[a-zA-Z]+|#\d+);|&&|&.")
_ACCENTS = str.maketrans("aeiouycnAEIOUYCN", "áéíóúýçñÁÉÍÓÚÝÇÑ")


def pseudo(text: str) -> str:
    """``text`` pseudo-translated: wrapped, accented, each line 40 % longer (placeholders intact)."""
    if not text:
        return text
    lines = [_pseudo_line(line) for line in text.split("\n")]
    return OPEN + "\n".join(lines) + CLOSE


def _pseudo_line(line: str) -> str:
    parts: list[str] = []
    visible = 0
    position = 0
    for match in _KEEP.finditer(line):
        plain = line[position:match.start()]
        parts += [plain.translate(_ACCENTS), match.group()]
        visible += len(plain) + (1 if match.group().startswith("&") and len(match.group()) == 2
                                 and match.group() != "&&" else 0)
        position = match.end()
    rest = line[position:]
    parts.append(rest.translate(_ACCENTS))
    visible += len(rest)
    padding = PAD * math.ceil(visible * GROWTH)
    return "".join(parts) + padding


def is_pseudo(text: str) -> bool:
    """True when ``text`` is one whole pseudo-translated string (so it was translated, and not cut)."""
    return text.startswith(OPEN) and text.endswith(CLOSE)


@dataclass(frozen=True)
class Message:
    """One string of the catalogue: where it is looked up, and whether it has plural forms."""

    context: str
    source: str
    disambiguation: str = ""
    numerus: bool = False


def read_catalogue(path: Path) -> list[Message]:
    """The messages of a ``.ts`` file, in its order (obsolete and vanished ones left out)."""
    import xml.etree.ElementTree as ElementTree  # only when a catalogue is read: not at every start

    root = ElementTree.parse(path).getroot()
    messages: list[Message] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            messages.append(Message(name, message.findtext("source") or "", message.findtext("comment") or "",
                                    message.get("numerus") == "yes"))
    return messages


def read_plural_forms(path: Path) -> dict[str, list[str]]:
    """Each counted message's plural forms in a ``.ts`` file (English: "one", then "more")."""
    if not path.is_file():
        return {}
    import xml.etree.ElementTree as ElementTree  # only when a catalogue is read: not at every start

    root = ElementTree.parse(path).getroot()
    return {message.findtext("source") or "": [form.text or "" for form in message.iter("numerusform")]
            for message in root.iter("message") if message.get("numerus") == "yes"}
