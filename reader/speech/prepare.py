"""A section turned into what the voice says: utterances of one sentence each, ready for the ear.

Works from the renderer's plain-text blocks (never from markup), splits them into sentences
with pysbd (so "Dr. Margaret Whoriskey" stays in one sentence), rewrites abbreviations and
symbols for listening, applies the pronunciation list, and gives each utterance a pause to
follow it. Every utterance keeps its block's anchor and its character span in the block's
displayed text, so the reading view can highlight exactly the sentence being spoken.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from reader.model import Guide, Section
from reader.render import Block, Rendered, render_section
from reader.speech.mapping import MappedText
from reader.speech.needles import could_match, needles
from reader.speech.pronounce import Lexicon

if TYPE_CHECKING:
    import pysbd

MAX_UTTERANCE = 400  # characters; longer sentences are split at a comma or space
NORMAL_RATE = 175  # words per minute the pauses below are measured at

# Silence after the last sentence of a block, by what the block is (milliseconds at NORMAL_RATE).
PAUSES = {"title": 800, "heading": 650, "paragraph": 350, "item": 250, "cell": 300, "signature-name": 150,
          "signature-role": 650, "epigraph": 550, "picture": 350}

_PICTURE = re.compile(r"\[Picture:\s*([^\]]*)\]")
_EAR_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement) for pattern, replacement in (
        (r"\[Picture:\s*([^\]]*)\]", r"Picture: \1."),
        (r"\bDr\.?(?=\s+[A-Z])", "Doctor"),
        (r"\bProf\.?(?=\s+[A-Z])", "Professor"),
        (r"\bMrs\.?(?=\s+[A-Z])", "Missus"),
        (r"\bMr\.?(?=\s+[A-Z])", "Mister"),
        (r"\b[Ee]\.\s?g\.(?:,)?", "for example,"),
        (r"\b[Ii]\.\s?e\.(?:,)?", "that is,"),
        (r"\betc(?=\.)", "et cetera"),
        (r"\bNo\.(?=\s*\d)", "number"),
        (r"\s*&\s*", " and "),
        (r"(?<=\w)\*", " star"),  # a search prefix written in the help: partner*
        (r"(?<=\w)~", " tilde"),  # a search for near spellings: wellbeing~
        (r"\band/or\b", "and or"),
        (r"(?<=[A-Za-z])/(?=[A-Za-z])", " or "),
        (r"(?<=\d)\s*[–—]\s*(?=\d)", " to "),
        (r"(?<=\w)\s+(?:>|›|→)\s+(?=\w)", ", then "),  # a menu path: File > Preferences
        (r"^\s*(?:…|\.\.\.)\s*", ""),
        (r"(?:…|\.\.\.)(?=[\s”’\"']*$)", "."),
        (r"\s*(?:…|\.\.\.)\s*", ", "),
        (r"\s+[–—]\s+|[–—]", ", "),
        (r"\s{2,}", " "),
    ))
_ENDS_SENTENCE = re.compile(r"[.!?:;,][\s”’\"')\]]*$")


@dataclass(frozen=True)
class Utterance:
    """One sentence (or a piece of a very long one) with where it sits in the displayed text."""

    section_id: str
    anchor: str
    block_index: int
    start: int  # character span in the block's displayed text
    end: int
    display: str
    spoken: MappedText  # its starts/ends are offsets in the block's displayed text
    kind: str
    pause_ms: int  # silence after it, at NORMAL_RATE

    @property
    def text(self) -> str:
        """What the engine is given."""
        return self.spoken.text

    def word_span(self, spoken_start: int, length: int) -> tuple[int, int]:
        """The displayed span (in the block) of a word the engine reported in the spoken text."""
        return self.spoken.display_span(spoken_start, length)

    def pause_at(self, rate: int) -> int:
        """The pause scaled to the speaking rate, so a faster voice also pauses less."""
        return round(self.pause_ms * min(1.5, max(0.4, NORMAL_RATE / max(rate, 1))))


@dataclass(frozen=True)
class Script:
    """What the voice says for a section (or part of one), in order."""

    section_id: str
    title: str
    utterances: tuple[Utterance, ...]

    def __len__(self) -> int:
        return len(self.utterances)

    def __getitem__(self, index: int) -> Utterance:
        return self.utterances[index]

    def __iter__(self) -> Iterator[Utterance]:
        return iter(self.utterances)

    def index_at(self, anchor: str, offset: int = 0) -> int | None:
        """The utterance holding ``offset`` of block ``anchor`` (or the block's first, or the next one)."""
        candidates = [i for i, u in enumerate(self.utterances) if u.anchor == anchor]
        if not candidates:
            return None
        for index in candidates:
            if offset < self.utterances[index].end:
                return index
        return candidates[-1]

    def next_block(self, index: int) -> int | None:
        """First utterance of the block after the one holding ``index``."""
        anchor = self.utterances[index].anchor
        return next((i for i in range(index + 1, len(self.utterances))
                     if self.utterances[i].anchor != anchor), None)

    def block_start(self, index: int) -> int:
        anchor = self.utterances[index].anchor
        while index > 0 and self.utterances[index - 1].anchor == anchor:
            index -= 1
        return index

    def previous_block(self, index: int) -> int:
        """Start of this block if we are inside it, else the start of the block before."""
        start = self.block_start(index)
        if start < index or start == 0:
            return start
        return self.block_start(start - 1)


def _occurrences(text: str, literal: str) -> Iterator[tuple[int, int]]:
    """Spans of ``literal`` followed by any blank space, left to right, not overlapping: what
    ``re.finditer(re.escape(literal) + r"\\s*", text)`` gives, without compiling a pattern."""
    start = text.find(literal)
    while start >= 0:
        end = start + len(literal)
        while end < len(text) and text[end].isspace():
            end += 1
        yield start, end
        start = text.find(literal, end)


def _folds_like_lower(text: str) -> bool:
    """Whether matching ``text`` ignoring case is the same as matching ``text.lower()``: true when
    every character is ASCII or has no case at all (the ``re`` module also matches "ſ" for "s",
    which ``str.lower`` keeps apart)."""
    return text.isascii() or all(char.isascii() or char.lower() == char == char.upper() for char in set(text))


#: pysbd 0.3.4's searches for list markers → a search that finds something in every line where
#: they do (each of their alternatives needs what it asks for), and in few others.
_LIST_MARKERS = {
    # "a." at the start or after a space: (?<=^)[a-z](?=\.)|(?<=\A)[a-z](?=\.)|(?<=\s)[a-z](?=\.)
    r"(?<=^)[a-z](?=\.)|(?<=\A)[a-z](?=\.)|(?<=\s)[a-z](?=\.)": re.compile(r"(?<!\S)[a-z]\."),
    # "(a)" or "a)": letters before a closing bracket
    r"(?<=\()[a-z]+(?=\))|(?<=^)[a-z]+(?=\))|(?<=\A)[a-z]+(?=\))|(?<=\s)[a-z]+(?=\))": re.compile(r"[a-z]\)"),
    # "3. " or "3.)": one or two digits before a full stop and a space or closing bracket
    (r"\s\d{1,2}(?=\.\s)|^\d{1,2}(?=\.\s)|\s\d{1,2}(?=\.\))|^\d{1,2}(?=\.\))|(?<=\s\-)\d{1,2}(?=\.\s)|"
     r"(?<=^\-)\d{1,2}(?=\.\s)|(?<=\s\⁃)\d{1,2}(?=\.\s)|(?<=^\⁃)\d{1,2}(?=\.\s)|(?<=s\-)\d{1,2}(?=\.\))|"
     r"(?<=^\-)\d{1,2}(?=\.\))|(?<=\s\⁃)\d{1,2}(?=\.\))|(?<=^\⁃)\d{1,2}(?=\.\))"): re.compile(r"\d\.[\s)]"),
    # "4) ": one or two digits before a closing bracket and a space
    r"\d{1,2}(?=\)\s)": re.compile(r"\d\)\s"),
}


@lru_cache(maxsize=4)
def _segmenter() -> pysbd.Segmenter:  # built once: it compiles many rules
    import pysbd
    import pysbd.lists_item_replacer
    from pysbd.lang.english import English
    from pysbd.processor import Processor
    from pysbd.utils import Text, TextSpan

    class AbbreviationReplacer(English.AbbreviationReplacer):  # type: ignore[misc]
        """pysbd's own, passing over the abbreviations that cannot change a line.

        For each of its 190 abbreviations found in a line ("is", "co", "p"...: some two dozen
        in an ordinary paragraph), pysbd searches the line twice more with regular expressions,
        then again for every occurrence: about 40 % of its time. Every change it can make is to a
        full stop written straight after the abbreviation (or a spelling of it that differs only
        in case), so an abbreviation of letters only with no full stop after it in the lower-cased
        line is passed over here, when lower-casing is how the search ignores case; the rest is
        pysbd 0.3.4's loop as it is."""

        def search_for_abbreviations_in_string(self, text: str) -> str:
            if not _folds_like_lower(text):
                return str(super().search_for_abbreviations_in_string(text))
            lowered = text.lower()
            for abbr in self.lang.Abbreviation.ABBREVIATIONS:
                stripped = abbr.strip()
                if stripped not in lowered or (stripped.isalpha() and f"{stripped}." not in lowered):
                    continue
                abbrev_match = re.findall(rf"(?:^|\s|\r|\n){stripped}", text, flags=re.IGNORECASE)
                if not abbrev_match:
                    continue
                next_word_start = r"(?<={" + str(re.escape(stripped)) + "} ).{1}"
                char_array = re.findall(next_word_start, text)
                for ind, match in enumerate(abbrev_match):
                    text = self.scan_for_replacements(text, match, ind, char_array)
            return text

    class ListItemReplacer(pysbd.lists_item_replacer.ListItemReplacer):  # type: ignore[misc]
        """pysbd's, passing over a search for list markers ("a.", "b)", "3.", "4)") that cannot
        find one.

        Its four searches for markers try many alternatives at every character of the line (two
        of them twice, for letters and for roman numerals): a sixth of the splitter's time. Each
        marker is a letter or digit straight before a full stop or a closing bracket, so a line
        where one quick search (:data:`_LIST_MARKERS`) finds no such pair holds no marker, and
        pysbd's search would find nothing to change; the rest is pysbd 0.3.4's as it is."""

        def iterate_alphabet_array(self, regex: str, parens: bool = False, roman_numeral: bool = False) -> str:
            marker = _LIST_MARKERS.get(regex)
            if marker is not None and not marker.search(self.text):
                return str(self.text)
            return str(super().iterate_alphabet_array(regex, parens=parens, roman_numeral=roman_numeral))

        def scan_lists(self, regex1: str, regex2: str, replacement: str, strip: bool = False) -> None:
            marker = _LIST_MARKERS.get(regex1)
            if marker is not None and not marker.search(self.text):
                return
            super().scan_lists(regex1, regex2, replacement, strip=strip)

    class SentenceProcessor(Processor):  # type: ignore[misc]
        text: str
        lang: Any

        def abbreviations_replacer(self) -> AbbreviationReplacer:
            return AbbreviationReplacer(self.text, self.lang)

        def process(self) -> list[str] | str:
            """pysbd 0.3.4's own steps, with the list markers found by the class above."""
            if not self.text:
                return self.text
            self.text = self.text.replace("\n", "\r")
            self.text = ListItemReplacer(self.text).add_line_break()
            self.replace_abbreviations()
            self.replace_numbers()
            self.replace_continuous_punctuation()
            self.replace_periods_before_numeric_references()
            self.text = Text(self.text).apply(self.lang.Abbreviation.WithMultiplePeriodsAndEmailRule,
                                              self.lang.GeoLocationRule, self.lang.FileFormatRule)
            return list(self.split_into_segments())

    class Segmenter(pysbd.Segmenter):  # type: ignore[misc]
        """pysbd's segmenter, finding each sentence in the text by plain search.

        pysbd finds each sentence again with a regular expression made of that sentence
        (``re.escape(sentence) + r"\\s*"``): one compile per sentence, which also pushes pysbd's own
        rules out of the ``re`` module's cache of 512, so they are compiled again and again (about
        two thirds of the time a pack's sections took to prepare, measured on 600 paragraphs). The
        same matches are found here without compiling: the first occurrence ending after the
        previous sentence, with the blank space after it."""

        def sentences_with_char_spans(self, sentences: list[str]) -> list[TextSpan]:
            text: str = self.original_text
            spans = []
            prior_end = 0
            # Occurrences ending before the previous sentence stay behind it: a repeated sentence
            # resumes its search where the last copy was found, instead of from the start again.
            searches: dict[str, Iterator[tuple[int, int]]] = {}
            for sent in sentences:
                if sent not in searches:
                    searches[sent] = (_occurrences(text, sent) if sent
                                      else (m.span() for m in re.finditer(r"\s*", text)))
                for start, end in searches[sent]:
                    if end > prior_end:
                        spans.append(TextSpan(text[start:end], start, end))
                        prior_end = end
                        break
            return spans

        def processor(self, text: str) -> SentenceProcessor:
            return SentenceProcessor(text, self.language_module, char_span=self.char_span)

    return Segmenter(language="en", clean=False, char_span=True)


def sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, without surrounding spaces."""
    spans: list[tuple[int, int]] = []
    if not text.strip():
        return spans
    search_from = 0
    for piece in _segmenter().segment(text):
        begin = text.find(piece.sent, search_from) if piece.sent else -1
        if begin < 0:  # pysbd's own offsets, if the text could not be found as given
            begin = piece.start
        end = begin + len(piece.sent)
        search_from = end
        stripped = text[begin:end]
        left = len(stripped) - len(stripped.lstrip())
        right = len(stripped.rstrip())
        if right > left:
            spans.append((begin + left, begin + right))
    return _merge_unclosed(text, spans)


def _merge_unclosed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep a quotation together when the splitter cut inside it (its closing mark went to the next piece)."""
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged and text[span[0]:span[1]].strip() in {"”", "’", "\"", ")"}:
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


def _split_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of at most MAX_UTTERANCE characters, cut after a comma, semicolon or space."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_UTTERANCE:
        window = text[start:start + MAX_UTTERANCE]
        cut = max(window.rfind(", "), window.rfind("; "), window.rfind(": "))
        if cut < MAX_UTTERANCE // 3:
            cut = window.rfind(" ")
        cut = cut + 1 if cut > 0 else MAX_UTTERANCE
        pieces.append((start, start + cut))
        start += cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return [(a, len(text[:b].rstrip())) for a, b in pieces]


@lru_cache(maxsize=1)
def _ear_rules() -> tuple[tuple[re.Pattern[str], str, str | None], ...]:
    """:data:`_EAR_RULES` with the characters each needs to match (:mod:`reader.speech.needles`): a
    sentence holding none of them is passed over, not searched character by character."""
    return tuple((pattern, replacement, needles(pattern)) for pattern, replacement in _EAR_RULES)


def for_the_ear(text: MappedText, lexicon: Lexicon | None = None) -> MappedText:
    """Abbreviations and symbols said in words, then the pronunciation list."""
    for pattern, replacement, needed in _ear_rules():
        if could_match(needed, text.text):
            text = text.sub(pattern, replacement)
    if lexicon is not None:
        text = lexicon.apply(text)
    return text.strip()


def block_classes(html: str) -> dict[str, set[str]]:
    """Anchor → CSS classes of each block in the rendered HTML (the signature and portrait marks)."""
    found: dict[str, set[str]] = {}
    for match in re.finditer(r"<(?:p|li|h[1-6])\b([^>]*)>", html):
        attributes = dict(re.findall(r'(\w+)="([^"]*)"', match.group(1)))
        if "id" in attributes:
            found[attributes["id"]] = set(attributes.get("class", "").split())
    return found


def _kind(block: Block, classes: set[str]) -> str:
    if block.anchor == "title":
        return "title"
    for special in ("signature-name", "signature-role", "epigraph"):
        if special in classes:
            return special
    if _PICTURE.fullmatch(block.text.strip()):
        return "picture"
    return block.kind


def _skip(block: Block, kind: str, following: Block | None) -> bool:
    """A portrait just before the name it shows adds nothing for a listener: the name is read next."""
    if kind != "picture" or following is None:
        return False
    match = _PICTURE.fullmatch(block.text.strip())
    description = match.group(1).casefold() if match else ""
    name = re.sub(r"\bdr\.?\s+", "", following.text.casefold()).strip()
    return bool(name) and name in description


def prepare_blocks(section_id: str, blocks: Sequence[Block], lexicon: Lexicon | None = None,
                   classes: dict[str, set[str]] | None = None,
                   spans: dict[int, tuple[int, int]] | None = None) -> list[Utterance]:
    """Utterances for ``blocks``; ``spans`` limits some blocks (by index) to a character range."""
    classes = classes or {}
    utterances: list[Utterance] = []
    for index, block in enumerate(blocks):
        kind = _kind(block, classes.get(block.anchor, set()))
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if _skip(block, kind, following):
            continue
        low, high = (spans or {}).get(index, (0, len(block.text)))
        pieces = [piece for a, b in sentences(block.text[low:high])
                  for piece in _split_long(block.text, low + a, low + b)]
        made: list[Utterance] = []
        for start, end in pieces:
            spoken = for_the_ear(MappedText.of(block.text[start:end], start), lexicon)
            if not re.search(r"\w", spoken.text):
                continue
            if not _ENDS_SENTENCE.search(spoken.text):  # a full stop gives the falling tone of an ending
                spoken = spoken.append(".")
            made.append(Utterance(section_id, block.anchor, index, start, end, block.text[start:end],
                                  spoken, kind, 0))
        if made:
            last = made[-1]
            made[-1] = Utterance(last.section_id, last.anchor, last.block_index, last.start, last.end,
                                 last.display, last.spoken, last.kind, PAUSES.get(kind, PAUSES["paragraph"]))
        utterances.extend(made)
    return utterances


def prepare_section(section: Section, guide: Guide | None = None, lexicon: Lexicon | None = None,
                    rendered: Rendered | None = None) -> Script:
    """The whole section, title first."""
    rendered = rendered or render_section(section, guide)
    return Script(section.id, section.title,
                  tuple(prepare_blocks(section.id, rendered.blocks, lexicon, block_classes(rendered.html))))


def prepare_range(section: Section, rendered: Rendered, start: tuple[str, int], end: tuple[str, int],
                  lexicon: Lexicon | None = None) -> Script:
    """Only the text from ``start`` to ``end`` ((anchor, offset) pairs), for "read the selection"."""
    anchors = [block.anchor for block in rendered.blocks]
    if start[0] not in anchors or end[0] not in anchors:
        return Script(section.id, section.title, ())
    first, last = anchors.index(start[0]), anchors.index(end[0])
    if (first, start[1]) > (last, end[1]):
        start, end, first, last = end, start, last, first
    spans: dict[int, tuple[int, int]] = {}
    for index in range(first, last + 1):
        length = len(rendered.blocks[index].text)
        spans[index] = (start[1] if index == first else 0, end[1] if index == last else length)
    chosen = list(rendered.blocks)
    # Blocks outside the range are given an empty span, keeping block indexes true to the section.
    for index in range(len(chosen)):
        spans.setdefault(index, (0, 0))
    return Script(section.id, section.title,
                  tuple(prepare_blocks(section.id, chosen, lexicon, block_classes(rendered.html), spans)))


def spoken_words(utterances: Iterable[Utterance]) -> list[str]:
    """Every word the voice will say, in order (for tests and checks)."""
    return [word for u in utterances for word in re.findall(r"[\w’'-]+", u.text)]
