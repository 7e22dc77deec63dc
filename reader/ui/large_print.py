"""Large-print printing and PDF export of one section, through Qt's printing support.

The page uses the reader's own font and spacing at 18 point or more, dark text on white
whatever the screen's colours (see :func:`reader.reading_style.for_print`). A PDF is
written beside its final name and moved into place only when complete, so a failed
export never leaves half a file where a good one was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from reader import APP_NAME, atomic, reading_style
from reader.model import Guide
from reader.reading_style import SettingsLike
from reader.render import render_section
from reader.rich_text import for_qt_rich_text

PAGE_MARGIN_MM = 20


def document(guide: Guide, section_id: str, settings: SettingsLike) -> QTextDocument:
    """The section laid out in large print, ready for a printer."""
    section = guide.get(section_id)
    if section is None:
        raise KeyError(section_id)
    style = reading_style.for_print(settings)
    doc = QTextDocument()
    font = QFont()
    font.setFamilies(list(style.font.families))
    font.setPixelSize(round(style.size))
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(style.css())
    doc.setHtml(for_qt_rich_text(render_section(section, guide).html))
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, section.title)
    return doc


def prepare(printer: QPrinter, title: str) -> None:
    """A4 with wide margins unless the reader's print dialog chose otherwise."""
    printer.setDocName(title)
    printer.setCreator(APP_NAME)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM),
                                      QPageLayout.Unit.Millimeter))


def paginate(doc: QTextDocument, printer: QPrinter) -> None:
    """Lay the document out in pages of the printer's printable area, measured in 1/96 inch.

    Qt prints a document with a page size by scaling it to the printer's resolution; without
    one it would lay out pixel-sized text in printer dots, a few points high at 1200 dpi.
    """
    area = printer.pageLayout().paintRect(QPageLayout.Unit.Point)
    doc.setDocumentMargin(0)
    doc.setPageSize(QSizeF(area.width() * reading_style.PIXELS_PER_POINT,
                           area.height() * reading_style.PIXELS_PER_POINT))


def print_section(doc: QTextDocument, printer: QPrinter) -> None:
    paginate(doc, printer)
    doc.print_(printer)


def export_pdf(doc: QTextDocument, path: Path) -> Path:
    """Write ``doc`` as a PDF at ``path``; raises OSError when it cannot be written."""
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    with atomic.replacing(path, suffix=".pdf") as temporary:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(temporary))
        prepare(printer, doc.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
        print_section(doc, printer)
        if temporary.stat().st_size == 0:
            raise OSError(f"nothing could be written to {path.parent}")
    return path


def suggested_name(guide: Guide, section_id: str) -> str:
    return f"{section_id} (large print).pdf"
