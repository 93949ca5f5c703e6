"""Print, print preview and PDF of a plan, from the same layout as the .docx export.

Pages are painted one by one on an A4 page with the margins of NĐ 30/2020/NĐ-CP, Phụ lục I, mục I.3
(top/bottom 20 mm, left 30 mm, right 15 mm) and the page number centred in the top margin from page 2
(mục I.7). ``QTextDocument.print_()`` is not used: it adds its own page numbers and margins.
"""

from __future__ import annotations

import errno

import html
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from core.layout import MOTTO, NATIONAL_TITLE, TEXT_WIDTH_MM, PlanLayout, text_width_mm
from core.paths import resources_dir

MARGINS_MM = QMarginsF(30, 20, 15, 20)  # left, top, right, bottom
_family: str | None = None


def serif_family() -> str:
    """Times New Roman when installed, else the bundled metric-compatible Liberation Serif."""
    global _family
    if _family is None:
        if "Times New Roman" in QFontDatabase.families():
            _family = "Times New Roman"
        else:
            for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
                QFontDatabase.addApplicationFont(str(path))
            _family = "Liberation Serif"
    return _family


def _e(text: str) -> str:
    return html.escape(text)


STYLE = {
    "basis": "font-style:italic;",
    "body": "",
    "bullet": "",
    "h1": "font-weight:bold;",
    "h2": "font-weight:bold;",
    "h3": "",
}


RULE = "rule"  # resource name of a one-pixel black image, stretched into the header's rules


def add_rule_image(document: QTextDocument) -> None:
    """Register :data:`RULE` in ``document`` (before its HTML from :func:`layout_html` is set)."""
    image = QImage(1, 1, QImage.Format_RGB32)
    image.fill(Qt.black)
    document.addResource(QTextDocument.ImageResource, QUrl(RULE), image)


def layout_html(layout: PlanLayout) -> str:
    """The plan as HTML for QTextDocument (font sizes in pt as in the .docx; Qt reads CSS px at 96 per inch)."""

    def px(mm: float) -> int:
        return round(mm * 96 / 25.4)

    center = 'align="center" style="margin-top:0; margin-bottom:0; font-size:{}pt; {}"'

    def rule(width_mm: float, within_mm: float) -> str:
        """A centred 0.75 pt line ``width_mm`` long under a header line, clear of its glyphs (as the .docx's):
        the one-pixel image :data:`RULE` stretched (a CSS px is 0.75 pt)."""
        return (f'<p align="center" style="margin-top:{px(1.8)}px; margin-bottom:{px(1.5)}px; font-size:2pt;">'
                f'<img src="{RULE}" width="{px(min(width_mm, within_mm))}" height="1"/></p>')

    left_mm, right_mm = TEXT_WIDTH_MM * 0.38, TEXT_WIDTH_MM * 0.62
    body = f'align="justify" style="margin-top:0; margin-bottom:{px(2.1)}px; font-size:14pt; {{}}"'
    parts = [
        '<table width="100%" cellspacing="0" cellpadding="0"><tr>',
        '<td width="38%" align="center" valign="top">',
        *[f"<p {center.format(13, 'font-weight:bold;')}>{_e(line)}</p>" for line in layout.agency_lines],
        rule(min(text_width_mm(layout.agency_lines[-1], 13, True), left_mm) * 0.45, left_mm),
        f"<p {center.format(13, '')}>{_e(layout.number_line)}</p></td>",
        '<td width="62%" align="center" valign="top">',
        f"<p {center.format(13, 'font-weight:bold;')}>{NATIONAL_TITLE}</p>",
        f"<p {center.format(14, 'font-weight:bold;')}>{MOTTO}</p>",
        rule(text_width_mm(MOTTO, 14, True), right_mm),
        f"<p {center.format(14, 'font-style:italic;')}>{_e(layout.place_date)}</p></td></tr></table>",
        f"<p {center.format(14, f'font-weight:bold; margin-top:{px(6)}px;')}>{_e(layout.doc_type)}</p>",
        f"<p {center.format(14, 'font-weight:bold;')}>{_e(layout.title)}</p>",
        rule(min(text_width_mm(layout.title, 14, True), TEXT_WIDTH_MM) * 0.4, TEXT_WIDTH_MM),
    ]
    for i, p in enumerate(layout.body):
        parts.append(f"<p {body.format(STYLE[p.style])}>{_e(p.text)}</p>")
        if layout.target_table and i == layout.table_after:
            share = [round(100 * w / sum(layout.table_widths_mm)) for w in layout.table_widths_mm]
            rows = "".join(
                "<tr>" + "".join(f'<td width="{share[c]}%" align="{"left" if c == 1 and r else "center"}" '
                                 f'valign="middle" style="font-size:13pt; {"font-weight:bold;" if r == 0 else ""}">'
                                 f"{_e(cell)}</td>" for c, cell in enumerate(row)) + "</tr>"
                for r, row in enumerate(layout.target_table)
            )
            parts.append(f'<table width="100%" border="1" cellspacing="0" cellpadding="{px(1)}">{rows}</table>')
    recipients = "".join(f'<p style="margin:0; font-size:11pt;">{_e(r)}</p>' for r in layout.recipients)
    parts += [
        f'<table width="100%" cellspacing="0" cellpadding="0" style="margin-top:{px(2)}px"><tr>',
        '<td width="48%" valign="top"><p style="margin:0; font-size:12pt; font-weight:bold; font-style:italic;">'
        f"Nơi nhận:</p>{recipients}</td>",
        '<td width="52%" align="center" valign="top">',
        *(f"<p {center.format(14, 'font-weight:bold;')}>{_e(line)}</p>" for line in layout.signer_lines),
        f"<p {center.format(14, f'font-weight:bold; margin-top:{px(25)}px;')}>{_e(layout.signer_name)}</p>",
        "</td></tr></table>",
    ]
    return "".join(parts)


def _indent_first_lines(document: QTextDocument, indent: int) -> None:
    """First-line indent 1.27 cm on every justified (body) paragraph (NĐ 30, Phụ lục I, mục II.6e)."""
    block = document.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.alignment() & Qt.AlignJustify:
            fmt.setTextIndent(indent)
            QTextCursor(block).setBlockFormat(fmt)
        block = block.next()


def configure(printer: QPrinter) -> None:
    """A4 portrait with the decree's margins."""
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, MARGINS_MM,
                                      QPageLayout.Millimeter))


def paint(layout: PlanLayout, printer: QPrinter) -> int:
    """Paint every page of the plan on ``printer``; returns the page count.

    Raises ``OSError`` (with the file name for a PDF) when the printer cannot be started.
    """
    dpi = printer.resolution()
    document = QTextDocument()
    document.documentLayout().setPaintDevice(printer)  # lay out in the printer's pixels: 14 pt is 14 pt on paper
    document.setDefaultFont(QFont(serif_family(), 14))
    document.setDocumentMargin(0)
    add_rule_image(document)
    document.setHtml(layout_html(layout))
    _indent_first_lines(document, round(12.7 * dpi / 25.4))
    rect = printer.pageLayout().paintRectPixels(dpi)
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    pages = document.pageCount()
    top_margin = printer.pageLayout().marginsPixels(dpi).top()
    painter = QPainter()
    if not painter.begin(printer):  # e.g. a PDF in a folder that does not exist or is read-only
        raise OSError(errno.EACCES, "không mở được tệp hoặc máy in để ghi", printer.outputFileName() or None)
    try:
        for page in range(pages):
            if page:
                printer.newPage()
                painter.setFont(QFont(serif_family(), 13))
                number_box = QRectF(0, -top_margin * 0.75, rect.width(), top_margin * 0.5)
                painter.drawText(number_box, Qt.AlignCenter, str(page + 1))  # NĐ 30, Phụ lục I, mục I.7
            painter.save()
            painter.translate(QPointF(0, -page * rect.height()))
            document.drawContents(painter, QRectF(0, page * rect.height(), rect.width(), rect.height()))
            painter.restore()
    finally:
        painter.end()
    return pages


def export_pdf(layout: PlanLayout, path: Path | str) -> int:
    """Write the plan as a PDF at ``path``; returns the page count. Needs a Q(Gui)Application.

    Raises ``OSError`` when the file cannot be written (missing or read-only folder, file open elsewhere).
    """
    with open(path, "wb"):  # a missing folder, a read-only one or a file locked by a viewer: a clear OSError
        pass
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setFontEmbeddingEnabled(True)
    configure(printer)
    return paint(layout, printer)


def write_pdf_headless(layout: PlanLayout, path: Path | str) -> int:
    """:func:`export_pdf` from the command line: starts an offscreen QGuiApplication when none runs."""
    import os

    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        write_pdf_headless.app = QGuiApplication([])  # kept alive for the painting
    return export_pdf(layout, path)
