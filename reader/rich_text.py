"""HTML made ready for Qt's rich-text engine, which supports only a subset of HTML and CSS.

Qt fixes the sizes of <h1>-<h6> and ignores CSS sizes on them, so headings become classed
paragraphs that :mod:`reader.reading_style` sizes like the rest of the page.
"""

from __future__ import annotations

import re

HEADING_SCALE = {"h1": 1.6, "h2": 1.35, "h3": 1.18, "h4": 1.05, "h5": 1.0, "h6": 1.0}
_HEADING_OPEN = re.compile(r"<h([1-6])([^>]*)>")
_HEADING_CLOSE = re.compile(r"</h[1-6]>")


def for_qt_rich_text(html: str) -> str:
    """Headings as classed paragraphs: Qt's rich text fixes <h1>-<h6> sizes and ignores CSS sizes on them."""
    html = _HEADING_OPEN.sub(r'<p class="h\1"\2>', html)
    return _HEADING_CLOSE.sub("</p>", html)

