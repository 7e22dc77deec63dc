"""Sections that are valid Markdown within every size limit, yet would take Python-Markdown minutes or
exhaust its recursion: what an attacker (or an unlucky export) can put in a pack or an import.

Shared by the refusal tests and ``bench/hostile.py``, which prints how long each takes to be refused.
"""

from __future__ import annotations

import random


def _punctuation(size: int) -> str:
    chooser = random.Random(14)
    return "".join(chooser.choice("&<>*_[]# a\n") for _ in range(size))


#: name → Markdown source of one section.
HOSTILE_MARKDOWN: dict[str, str] = {
    "list nested 1,000 deep": "".join("    " * depth + "- item\n" for depth in range(1000)),
    "200,000 &amp; entities": "&amp; " * 200_000,
    "1 MB of & < > * _ [ ] #": _punctuation(1024 * 1024),
    "50,000 [": "[ " * 50_000,
    "50,000 nested *": "*" * 50_000 + "a" + "*" * 50_000,
    "10,000-deep <div>": "<div>" * 10_000 + "a" + "</div>" * 10_000,
    "quotes nested 5,000 deep": ">" * 5_000 + " a\n",
    "20,000 inline tags": "<b>a</b> " * 20_000,
    "100,000 short paragraphs": "a\n\n" * 100_000,
    "one paragraph of 5,000 [": "[a " * 5_000,
    # The same kinds of structure, each under the size cap (512 KB a section):
    "list nested 200 deep (80 KB)": "".join("    " * depth + "- item\n" for depth in range(200)),
    "80,000 &amp; (470 KB)": "&amp; " * 80_000,
    "500 KB of & < > * _ [ ] #": _punctuation(500 * 1024),
    "2,000-deep <div> (22 KB)": "<div>" * 2_000 + "a" + "</div>" * 2_000,
    "15,000 lines of [": "[\n" * 15_000,
}

#: name → HTML page that a document import turns into Markdown.
HOSTILE_HTML: dict[str, str] = {
    "500,000 <p>": "<p>a</p>" * 500_000,
    "100,000 nested <div>": "<div>" * 100_000 + "a" + "</div>" * 100_000,
    "20,000 nested lists": "<ul><li>" * 20_000 + "a" + "</li></ul>" * 20_000,
}

#: A section title of 1 MB (varied, so that the zip does not look like a bomb).
LONG_TITLE = "".join(random.Random(7).choices("abcdefghij ", k=1024 * 1024))
