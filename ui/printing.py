"""Print, print preview and PDF of a plan, page for page as the .docx export.

The plan is typeset here from the same :class:`core.layout.PlanLayout` as the .docx, with the same exact line
heights (:func:`core.layout.line_pt`), spacing, indents, column widths and cell padding, each paragraph broken
into lines by Qt (QTextLayout) with the same font unkerned. :func:`paginate` then cuts the plan into A4 pages
by the rules the .docx asks Word and LibreOffice to apply, so all three break at the same lines:

* a page ends between lines or table rows, never inside a row (w:cantSplit);
* a paragraph split over two pages keeps at least two lines on each (widow/orphan control, w:widowControl);
* a heading, the line before the targets table and the last paragraph stay, whole, on the page of what follows
  them (w:keepNext);
* the targets table's header row repeats at the top of each page it continues on (w:tblHeader).

Pages have the margins of NĐ 30/2020/NĐ-CP, Phụ lục I, mục I.3 (:data:`core.layout.MARGINS_MM`)
and the page number centred in the top margin from page 2 (mục I.7).
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QGlyphRun,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)
from PySide6.QtPrintSupport import QPrinter

from core.files import atomic_write
from core.layout import (
    AFTER_PT,
    CELL_PADDING_MM,
    CLOSING_LEFT_MM,
    FIRST_LINE_INDENT_MM,
    HEADER_DISTANCE_MM,
    HEADER_LEFT_MM,
    MARGINS_MM,
    MOTTO,
    NATIONAL_TITLE,
    RULE_BOX_PT,
    RULE_PT,
    SIGN_LINES,
    STYLES,
    TEXT_WIDTH_MM,
    PlanLayout,
    line_pt,
)
from core.paths import resources_dir

TABLE_BORDER_PT = 0.5  # the targets table's grid, as Word's "Table Grid"
WORD_JOINER = "\u2060"
SCALE = 20  # typesetting units per point: twips, Word's own unit; fonts are sized in whole units
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


def _units(pt: float) -> float:
    return pt * SCALE


def _mm(mm: float) -> float:
    return mm * 72 / 25.4 * SCALE


def _font(size_pt: float, bold: bool = False, italic: bool = False) -> QFont:
    """The serif font at ``size_pt``, unkerned and unhinted as Word and LibreOffice set a .docx that asks for
    neither."""
    font = QFont(serif_family())
    font.setPixelSize(round(_units(size_pt)))
    font.setBold(bold)
    font.setItalic(italic)
    font.setKerning(False)
    font.setHintingPreference(QFont.PreferNoHinting)
    return font

@dataclass
class _Para:
    """One paragraph as the .docx writes it (sizes in pt, lengths in mm); ``rule_mm`` makes it a header rule."""

    text: str = ""
    size: float = 14
    bold: bool = False
    italic: bool = False
    align: Qt.AlignmentFlag = Qt.AlignHCenter
    after: float = 0
    indent: bool = False
    keep: bool = False
    rule_mm: float = 0


class _Text:
    """A paragraph broken into lines ``width`` units wide; every line is ``pitch`` units high, the text sitting
    on the line's bottom as in a .docx line of exact height."""

    def __init__(self, p: _Para, width: float):
        self.para = p
        self.pitch = _units(RULE_BOX_PT + RULE_PT if p.rule_mm else line_pt(p.size))  # a border adds its width
        self.after = _units(p.after)
        self.width = width
        # no break after "/" ("đồng/người/năm"), as Word and LibreOffice: a word joiner after each
        self.layout = QTextLayout(p.text.replace("/", "/" + WORD_JOINER), _font(p.size, p.bold, p.italic))
        option = QTextOption()
        option.setAlignment(p.align)
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        self.layout.setTextOption(option)
        self.layout.beginLayout()
        while (line := self.layout.createLine()).isValid():
            n = line.lineNumber()
            indent = _mm(FIRST_LINE_INDENT_MM) if p.indent and n == 0 else 0
            line.setLineWidth(width - indent)
            line.setPosition(QPointF(indent, n * self.pitch + self.pitch - line.height()))
        self.layout.endLayout()
        self.count = max(1, self.layout.lineCount())

    @property
    def height(self) -> float:
        """Lines and the space after, in units."""
        return self.count * self.pitch + self.after

    def draw_line(self, painter: QPainter, n: int, x: float, y: float) -> None:
        """Draw line ``n`` with its top at (``x``, ``y``)."""
        if self.para.rule_mm:
            length = _mm(self.para.rule_mm)
            painter.fillRect(QRectF(x + (self.width - length) / 2, y + _units(RULE_BOX_PT), length, _units(RULE_PT)),
                             Qt.black)
        elif self.layout.lineCount():
            # The word joiners come in runs of their own (a fallback font, no width): nothing to see, misplaced by
            # a print preview, and splitting "12/KH-UBND" in a PDF's text. Drop them and join what they split.
            joined: list[QGlyphRun] = []
            for run in self.layout.lineAt(n).glyphRuns():
                if set(run.glyphIndexes()) <= set(run.rawFont().glyphIndexesForString(" " + WORD_JOINER)) and \
                        run.rawFont().familyName() != serif_family():  # shaped as an invisible space
                    continue
                if joined and joined[-1].rawFont() == run.rawFont():
                    joined[-1].setGlyphIndexes(joined[-1].glyphIndexes() + run.glyphIndexes())
                    joined[-1].setPositions(joined[-1].positions() + run.positions())
                else:
                    joined.append(run)
            for run in joined:
                painter.drawGlyphRun(QPointF(x, y - n * self.pitch), run)


class _Grid:
    """A table of paragraph lists ``widths_mm`` wide, centred: rows never split, ``header_rows`` repeat on each
    page the table continues on. Cells are padded left and right as Word pads them; ``border_pt`` > 0 draws the
    grid, whose lines add to each row's height as in a .docx, and centres the cells vertically (the targets
    table), else they start at the top (the header and closing blocks)."""

    def __init__(self, widths_mm: list[float], rows: list[list[list[_Para]]], border_pt: float = 0,
                 header_rows: int = 0):
        self.widths = [_mm(w) for w in widths_mm]
        self.left = (_mm(TEXT_WIDTH_MM) - sum(self.widths)) / 2
        self.border = _units(border_pt)
        self.header_rows = header_rows
        pad = _mm(CELL_PADDING_MM)
        self.cells = [[[_Text(p, w - 2 * pad) for p in paras] for w, paras in zip(self.widths, row, strict=True)]
                      for row in rows]
        self.heights = [max(sum(t.height for t in cell) for cell in row) + self.border for row in self.cells]

    def draw_row(self, painter: QPainter, r: int, y: float) -> None:
        """Draw row ``r`` with its top at ``y``."""
        height, x = self.heights[r], self.left
        for width, cell in zip(self.widths, self.cells[r], strict=True):
            top = y + self.border / 2  # the header and closing cells start at the top, as the .docx's
            if self.border:  # the targets table's cells are centred vertically (w:vAlign="center")
                top += (height - self.border - sum(t.height for t in cell)) / 2
            for text in cell:
                for n in range(text.count):
                    text.draw_line(painter, n, x + _mm(CELL_PADDING_MM), top + n * text.pitch)
                top += text.height
            if self.border:
                painter.drawRect(QRectF(x, y, width, height))
            x += width


@dataclass
class _Line:
    """Line ``index`` of a paragraph or row ``index`` of a table, at ``top`` of the plan as one long page: a
    page may start with it when ``allowed``."""

    unit: _Text | _Grid
    index: int
    top: float
    bottom: float
    allowed: bool


def _flow(layout: PlanLayout) -> list[_Text | _Grid]:
    """The printed plan, block by block what :func:`core.export_docx.export_docx` writes."""
    width = _mm(TEXT_WIDTH_MM)
    units: list[_Text | _Grid] = [_Grid([HEADER_LEFT_MM, TEXT_WIDTH_MM - HEADER_LEFT_MM], [[
        [*(_Para(line, 13, bold=True) for line in layout.agency_lines),
         _Para(rule_mm=layout.rules_mm[0], after=AFTER_PT), _Para(layout.number_line, 13)],
        [_Para(NATIONAL_TITLE, 13, bold=True), _Para(MOTTO, 14, bold=True),
         _Para(rule_mm=layout.rules_mm[1], after=AFTER_PT), _Para(layout.place_date, 14, italic=True)],
    ]])]
    units += [_Text(p, width) for p in (_Para(after=AFTER_PT), _Para(layout.doc_type, bold=True),
                                        _Para(layout.title, bold=True),
                                        _Para(rule_mm=layout.rules_mm[2], after=AFTER_PT), _Para(after=AFTER_PT))]
    for i, p in enumerate(layout.body):
        size, bold, italic = STYLES[p.style]
        units.append(_Text(_Para(p.text, size, bold, italic, Qt.AlignJustify, AFTER_PT, indent=True,
                                 keep=layout.keeps_with_next(i)), width))
        if layout.target_table and i == layout.table_after:
            units.append(_Grid(layout.table_widths_mm, [
                [[_Para(cell, 13, bold=r == 0, align=Qt.AlignLeft if c == 1 and r else Qt.AlignHCenter)]
                 for c, cell in enumerate(row)] for r, row in enumerate(layout.target_table)
            ], border_pt=TABLE_BORDER_PT, header_rows=1))
            units.append(_Text(_Para(after=AFTER_PT), width))
    recipients = [_Para(item, 11, align=Qt.AlignLeft) for item in layout.recipients]
    signature = [_Para(line, bold=True) for line in layout.signer_lines]
    signature += [_Para() for _ in range(SIGN_LINES)] + [_Para(layout.signer_name, bold=True)]
    units.append(_Grid([CLOSING_LEFT_MM, TEXT_WIDTH_MM - CLOSING_LEFT_MM], [
        [[_Para("Nơi nhận:", 12, bold=True, italic=True, align=Qt.AlignLeft), *recipients], signature]]))
    return units


def _lines(units: list[_Text | _Grid]) -> list[_Line]:
    """Every line and table row in order, each saying whether a page may start with it."""
    lines: list[_Line] = []
    y, keep_before = 0.0, False
    for unit in units:
        if isinstance(unit, _Grid):
            for r, height in enumerate(unit.heights):
                lines.append(_Line(unit, r, y, y + height, not keep_before if r == 0 else r > unit.header_rows))
                y += height
            keep_before = False
        else:
            keep = unit.para.keep
            for n in range(unit.count):  # widow/orphan control: two lines at least on each side of a break
                allowed = not keep_before if n == 0 else (not keep and n >= 2 and unit.count - n >= 2)
                lines.append(_Line(unit, n, y, y + unit.pitch, allowed))
                y += unit.pitch
            y += unit.after
            keep_before = keep
    return lines


def paginate(layout: PlanLayout, page_height: float) -> list[list[_Line]]:
    """The plan's lines page by page, for pages ``page_height`` units (1/``SCALE`` pt) high. Breaks follow the
    rules listed in this module's docstring; where no break is allowed on a full page (a kept run longer than a
    page), the page breaks where it is full, as Word does."""
    lines = _lines(_flow(layout))
    pages, k = [], 0
    while k < len(lines):
        unit = lines[k].unit
        head = sum(unit.heights[:unit.header_rows]) if isinstance(unit, _Grid) and lines[k].index else 0
        q = k + 1
        while q < len(lines) and lines[q].bottom - lines[k].top + head <= page_height + 0.01:
            q += 1
        if q < len(lines):
            q = max((b for b in range(k + 1, q + 1) if lines[b].allowed), default=q)
        pages.append(lines[k:q])
        k = q
    return pages


def _draw_page(painter: QPainter, page: list[_Line]) -> None:
    """Draw one page's lines from its top, a continued table's header rows first."""
    y, first = 0.0, page[0]
    if isinstance(first.unit, _Grid) and first.index:
        for r in range(first.unit.header_rows):
            first.unit.draw_row(painter, r, y)
            y += first.unit.heights[r]
    origin = first.top - y
    for line in page:
        if isinstance(line.unit, _Grid):
            line.unit.draw_row(painter, line.index, line.top - origin)
        else:
            line.unit.draw_line(painter, line.index, 0, line.top - origin)


def configure(printer: QPrinter) -> None:
    """A4 portrait with the decree's margins."""
    top, right, bottom, left = MARGINS_MM
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait,
                                      QMarginsF(left, top, right, bottom), QPageLayout.Millimeter))


def paint(layout: PlanLayout, printer: QPrinter) -> int:
    """Paint every page of the plan on ``printer``; returns the page count.

    Raises ``OSError`` (with the file name for a PDF) when the printer cannot be started.
    """
    dpi = printer.resolution()
    to_device = dpi / 72 / SCALE
    rect = printer.pageLayout().paintRectPixels(dpi)
    pages = paginate(layout, rect.height() / to_device)
    top_margin = printer.pageLayout().marginsPixels(dpi).top()
    painter = QPainter()
    if not painter.begin(printer):  # e.g. a PDF in a folder that does not exist or is read-only
        raise OSError(errno.EACCES, "không mở được tệp hoặc máy in để ghi", printer.outputFileName() or None)
    try:
        for number, page in enumerate(pages, 1):
            if number > 1:
                printer.newPage()
                painter.setFont(QFont(serif_family(), 13))
                header_top = HEADER_DISTANCE_MM / 25.4 * dpi - top_margin  # the .docx's header starts there
                number_box = QRectF(0, header_top, rect.width(), -header_top)
                painter.drawText(number_box, Qt.AlignHCenter | Qt.AlignTop, str(number))  # NĐ 30, Phụ lục I, I.7
            painter.save()
            painter.scale(to_device, to_device)
            painter.setPen(QPen(Qt.black, _units(TABLE_BORDER_PT)))
            _draw_page(painter, page)
            painter.restore()
    finally:
        painter.end()
    return len(pages)


def export_pdf(layout: PlanLayout, path: Path | str) -> int:
    """Write the plan as a PDF at ``path``; returns the page count. Needs a Q(Gui)Application.

    Raises ``OSError`` when the file cannot be written (missing or read-only folder, file open elsewhere).
    """
    with atomic_write(path) as temp:  # a kill or a full disk never damages the previous file at this path
        with open(temp, "wb"):  # a missing folder or a read-only one: a clear OSError (a locked file: at the rename)
            pass
        printer = QPrinter(QPrinter.HighResolution)
        printer.setOutputFormat(QPrinter.PdfFormat)
        printer.setOutputFileName(str(temp))
        printer.setFontEmbeddingEnabled(True)
        printer.setDocName(f"Kế hoạch {layout.title}".replace("\u00a0", " "))  # the PDF's Title
        printer.setCreator(layout.issuer)
        configure(printer)
        pages = paint(layout, printer)
    return pages


def write_pdf_headless(layout: PlanLayout, path: Path | str) -> int:
    """:func:`export_pdf` from the command line: starts an offscreen QGuiApplication when none runs."""
    import os

    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        write_pdf_headless.app = QGuiApplication([])  # kept alive for the painting
    return export_pdf(layout, path)
