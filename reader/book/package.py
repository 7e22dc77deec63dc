"""The EPUB 3 container: package document, navigation document, Media Overlays and the zip itself.

Written by hand rather than through an EPUB library: the ones for Python either rewrite
content documents through their own templates or treat SMIL files as opaque items, and the
overlays, their durations and the accessibility metadata are most of what matters here. The
zip follows the OCF rules: ``mimetype`` first, stored uncompressed, no extra field.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from reader.book.narration import Narration

ACTIVE_CLASS = "-epub-media-overlay-active"
PLAYBACK_ACTIVE_CLASS = "-epub-media-overlay-playing"
STYLESHEET = """\
body { margin: 0 5%; line-height: 1.5; }
h1, h2, h3, h4 { line-height: 1.25; }
table { border-collapse: collapse; }
th, td { border: 1px solid currentColor; padding: 0.25em 0.5em; vertical-align: top; }
.epigraph { font-style: italic; }
.signature-name { margin-bottom: 0; font-weight: bold; }
.signature-role { margin-top: 0; }
/* The sentence being read: black on yellow, whatever the reading system's theme (contrast 19.6:1). */
.-epub-media-overlay-active { background-color: #ffff00; color: #000000; }
"""


@dataclass(frozen=True)
class BookSection:
    key: str  # file name stem and the base of manifest ids: letters, digits and hyphens
    title: str
    parent: str | None  # the key of the section it sits under in the contents, if that is in the book
    xhtml: str
    sentence_ids: tuple[str, ...]
    narration: Narration | None = None


@dataclass(frozen=True)
class BookInfo:
    identifier: str  # urn:uuid:…
    title: str
    language: str
    summary: str
    narrator: str = ""
    modified: datetime | None = None


def clock(ms: float) -> str:
    """A SMIL full clock value (``0:01:02.345``), the form every reading system understands."""
    total = round(ms)
    hours, rest = divmod(total, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def _x(text: str) -> str:
    return escape(text, quote=True)


def smil(section: BookSection) -> str:
    assert section.narration is not None
    pars = "\n".join(
        f'<par id="par{number}"><text src="{section.key}.xhtml#{span}"/>'
        f'<audio src="audio/{section.key}.mp3" clipBegin="{clock(clip.begin_ms)}" clipEnd="{clock(clip.end_ms)}"/>'
        f"</par>"
        for number, (span, clip) in enumerate(zip(section.sentence_ids, section.narration.clips, strict=True), 1))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">\n'
            f"<body>\n{pars}\n</body>\n</smil>\n")


def nav(info: BookInfo, sections: Sequence[BookSection]) -> str:
    """Contents in the guide's own nesting, and landmarks; there is no print edition, so no page list."""
    keys = {section.key for section in sections}
    children: dict[str | None, list[BookSection]] = {}
    for section in sections:
        parent = section.parent if section.parent in keys else None
        children.setdefault(parent, []).append(section)

    def items(parent: str | None) -> str:
        lines = []
        for section in children.get(parent, []):
            nested = items(section.key) if section.key in children else ""
            lines.append(f'<li><a href="{section.key}.xhtml">{_x(section.title)}</a>{nested}</li>')
        return "<ol>" + "".join(lines) + "</ol>"

    body_start = sections[0]  # where reading starts: the guide has no cover or title page before it
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
        f'lang="{_x(info.language)}" xml:lang="{_x(info.language)}">\n'
        f'<head>\n<meta charset="utf-8"/>\n<title>{_x(info.title)}</title>\n'
        '<link rel="stylesheet" type="text/css" href="book.css"/>\n</head>\n<body>\n'
        f'<nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-title">\n'
        f'<h1 id="toc-title">Contents</h1>\n{items(None)}\n</nav>\n'
        '<nav epub:type="landmarks" id="landmarks" aria-labelledby="landmarks-title" hidden="hidden">\n'
        '<h2 id="landmarks-title">Landmarks</h2>\n<ol>'
        '<li><a epub:type="toc" href="nav.xhtml#toc">Contents</a></li>'
        f'<li><a epub:type="bodymatter" href="{body_start.key}.xhtml">{_x(body_start.title)}</a></li>'
        '</ol>\n</nav>\n</body>\n</html>\n'
    )


def package_document(info: BookInfo, sections: Sequence[BookSection]) -> str:
    audio = any(section.narration is not None for section in sections)
    modified = (info.modified or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    meta = [
        f'<dc:identifier id="uid">{_x(info.identifier)}</dc:identifier>',
        f"<dc:title>{_x(info.title)}</dc:title>",
        f"<dc:language>{_x(info.language)}</dc:language>",
        f'<meta property="dcterms:modified">{modified}</meta>',
        '<meta property="schema:accessMode">textual</meta>',
    ]
    if audio:
        meta.append('<meta property="schema:accessMode">auditory</meta>')
    meta.append('<meta property="schema:accessModeSufficient">textual</meta>')
    if audio:
        meta.append('<meta property="schema:accessModeSufficient">auditory</meta>')
    features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"]
    if audio:
        features.insert(0, "synchronizedAudioText")
    meta += [f'<meta property="schema:accessibilityFeature">{feature}</meta>' for feature in features]
    meta += ['<meta property="schema:accessibilityHazard">none</meta>',
             f'<meta property="schema:accessibilitySummary">{_x(info.summary)}</meta>']
    manifest = ['<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
                '<item id="css" href="book.css" media-type="text/css"/>']
    spine = ['<itemref idref="nav" linear="no"/>']  # listed so the landmarks may point at the contents
    total = 0.0
    for section in sections:
        overlay = f' media-overlay="mo-{section.key}"' if section.narration is not None else ""
        manifest.append(f'<item id="x-{section.key}" href="{section.key}.xhtml" '
                        f'media-type="application/xhtml+xml"{overlay}/>')
        spine.append(f'<itemref idref="x-{section.key}"/>')
        if section.narration is not None:
            manifest.append(f'<item id="mo-{section.key}" href="{section.key}.smil" '
                            'media-type="application/smil+xml"/>')
            manifest.append(f'<item id="au-{section.key}" href="audio/{section.key}.mp3" media-type="audio/mpeg"/>')
            meta.append(f'<meta property="media:duration" refines="#mo-{section.key}">'
                        f"{clock(section.narration.duration_ms)}</meta>")
            total += section.narration.duration_ms
    if audio:
        meta += [f'<meta property="media:duration">{clock(total)}</meta>',
                 f'<meta property="media:active-class">{ACTIVE_CLASS}</meta>']
        if info.narrator:
            meta.append(f'<meta property="media:narrator">{_x(info.narrator)}</meta>')
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" '
        f'xml:lang="{_x(info.language)}">\n'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n' + "\n".join(meta) + "\n</metadata>\n"
        "<manifest>\n" + "\n".join(manifest) + "\n</manifest>\n"
        "<spine>\n" + "\n".join(spine) + "\n</spine>\n</package>\n"
    )


CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">
<rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
"""


def write_epub(path: Path, info: BookInfo, sections: Sequence[BookSection]) -> None:
    """Write the book to ``path`` (the caller makes that a temporary file and renames it)."""
    with zipfile.ZipFile(path, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        deflate = zipfile.ZIP_DEFLATED
        book.writestr("META-INF/container.xml", CONTAINER, compress_type=deflate)
        book.writestr("EPUB/package.opf", package_document(info, sections), compress_type=deflate)
        book.writestr("EPUB/nav.xhtml", nav(info, sections), compress_type=deflate)
        book.writestr("EPUB/book.css", STYLESHEET, compress_type=deflate)
        for section in sections:
            book.writestr(f"EPUB/{section.key}.xhtml", section.xhtml, compress_type=deflate)
            if section.narration is not None:
                book.writestr(f"EPUB/{section.key}.smil", smil(section), compress_type=deflate)
                # MP3 does not shrink in a zip: stored, it also plays straight from the file.
                book.writestr(f"EPUB/audio/{section.key}.mp3", section.narration.mp3,
                              compress_type=zipfile.ZIP_STORED)
