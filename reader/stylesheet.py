"""The reading view's stylesheet, computed from the reader's settings.

Qt's rich-text CSS has no relative units, so every size is worked out here in pixels
from the text size; the widget only applies the result.
"""

from __future__ import annotations

import re

from reader import zoom

HEADING_SCALE = {"h1": 1.6, "h2": 1.35, "h3": 1.18, "h4": 1.05, "h5": 1.0, "h6": 1.0}
_HEADING_OPEN = re.compile(r"<h([1-6])([^>]*)>")
_HEADING_CLOSE = re.compile(r"</h[1-6]>")


def for_qt_rich_text(html: str) -> str:
    """Headings as classed paragraphs: Qt's rich text fixes <h1>-<h6> sizes and ignores CSS sizes on them."""
    html = _HEADING_OPEN.sub(r'<p class="h\1"\2>', html)
    return _HEADING_CLOSE.sub("</p>", html)


def reading_css(text_percent: int) -> str:
    """Rules for blocks; the body size itself is the document's default font (see body_pixels)."""
    body = zoom.pixels(text_percent)
    line = zoom.LINE_HEIGHT_PERCENT
    rules = [
        f"p, li {{ line-height: {line}%; margin-top: 0; margin-bottom: {round(body * 0.8)}px; }}",
        f"blockquote {{ margin-left: {round(body * 1.2)}px; font-style: italic; }}",
        f"td, th {{ padding: {round(body * 0.3)}px; }}",
        "th { text-align: left; }",
        ".epigraph { font-style: italic; }",
        ".signature-name { font-weight: bold; margin-bottom: 0; }",
        ".missing-picture { font-style: italic; }",
    ]
    # Headings grow less than body text at large sizes, so a title still fits on a line at 400%.
    damping = 1.0 if text_percent <= zoom.NORMAL else max(0.25, zoom.NORMAL / text_percent)
    for tag, scale in HEADING_SCALE.items():
        size = round(body * (1 + (scale - 1) * damping))
        rules.append(f".{tag} {{ font-size: {size}px; font-weight: bold; line-height: 130%; "
                     f"margin-top: {round(body * 0.9)}px; margin-bottom: {round(body * 0.5)}px; }}")
    return "\n".join(rules)
