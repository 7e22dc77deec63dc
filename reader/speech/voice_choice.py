"""Which voice reads the guide by default, and how voices are listed for people (no Qt).

A guide written in British English about Scotland is best read by a Scottish voice when
the computer has one (eSpeak NG does), then by any British one, then by another English
one. Voices are listed by what people recognise, language and name ("English (Scotland)"),
never by engine codes such as ``gmw/en-GB-scotland``; those stay in the settings file.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.speech.engine import Voice

# Within British English, the accents to prefer first for this guide (matched in language
# tags and voice names, lower case).
PREFERRED_ACCENTS: dict[str, tuple[str, ...]] = {"en-gb": ("scotland", "scottish")}


def _tags(voice: Voice) -> list[str]:
    return [language.lower().replace("_", "-") for language in voice.languages]


def rank(voice: Voice, language: str) -> int:
    """Lower is better: 0 a preferred accent of the language, 1 the language itself, 2 a regional
    form of it, 3 the same language elsewhere (en-US for en-GB), 4 any other."""
    wanted = language.lower().replace("_", "-")
    base = wanted.split("-")[0]
    tags = _tags(voice)
    accents = PREFERRED_ACCENTS.get(wanted, ())
    if any(tag.startswith(wanted) for tag in tags) and any(
            accent in tag or accent in voice.name.lower() for accent in accents for tag in tags):
        return 0
    if wanted in tags:
        return 1
    if any(tag.startswith(wanted + "-") for tag in tags):
        return 2
    if any(tag.split("-")[0] == base for tag in tags):
        return 3
    return 4


def best(voices: Sequence[Voice], language: str = "en-GB") -> str:
    """The id of the best voice for ``language``; the first voice if none speaks it; "" if none."""
    if not voices:
        return ""
    return min(enumerate(voices), key=lambda item: (rank(item[1], language), item[0]))[1].id


def listing(voices: Sequence[Voice], language: str = "en-GB") -> list[Voice]:
    """Voices in the order a reader looks for them: the guide's language first, then by name."""
    base = language.lower().split("-")[0]
    return sorted(voices, key=lambda v: (not any(tag.split("-")[0] == base for tag in _tags(v)),
                                         v.name.casefold()))


def label(voice: Voice) -> str:
    """What a reader sees for a voice: its name, which already says the language and accent."""
    return voice.name or voice.id
