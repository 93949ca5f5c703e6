"""Export a plan as a .docx formatted per Nghị định 30/2020/NĐ-CP, Phụ lục I (thể thức văn bản hành chính).

Rules applied (items of Phụ lục I, Phần I unless noted): A4 portrait (I.1–2); margins top and bottom
20 mm, left 30 mm, right 15 mm (I.3); Times New Roman, black (I.4); page numbers centred in the top
margin from page 2 (I.7); Quốc hiệu 13 pt bold capitals and tiêu ngữ 14 pt bold with a line under it
(II.1); issuing body 13 pt bold capitals with a short line under it (II.2); "Số:" 13 pt (II.3); place and
date 14 pt italic (II.4); "KẾ HOẠCH" and trích yếu 14 pt bold, centred (II.5b); body 14 pt, justified,
first-line indent 1.27 cm, 6 pt after paragraphs (II.6); signer block 14 pt bold (II.7); "Nơi nhận:"
12 pt bold italic, items 11 pt (II.9d). Header and closing blocks are borderless two-column tables.
Every line has the exact height :func:`core.layout.line_pt`, so Word and LibreOffice break pages at the lines
where the Qt print (``ui.printing``), which follows the same page rules, breaks them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from core import APP_ID, __version__
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
    PAGE_MM,
    RULE_BOX_PT,
    RULE_PT,
    SIGN_LINES,
    STYLES,
    TEXT_WIDTH_MM,
    PlanLayout,
    line_pt,
)

FONT = "Times New Roman"


def set_font(rpr) -> None:
    """On the run properties ``rpr``: Times New Roman in all four script slots, theme fonts (which Word would
    prefer) dropped."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _set_language(rpr) -> None:
    """On the run properties ``rpr``: Vietnamese, so Word checks spelling in Vietnamese rather than underline
    every word."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")


def run(paragraph, text: str, size: float, bold: bool = False, italic: bool = False):
    """A run of ``text`` appended to ``paragraph`` in Times New Roman ``size`` pt (bold, italic as asked); returns
    the python-docx run."""
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    set_font(run._r.get_or_add_rPr())
    return run


def paragraph(container, text: str = "", size: float = 14, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER,
               after: float = 0, indent_first: float | None = None, keep_with_next: bool = False):
    """A paragraph appended to ``container`` (the document or a table cell): exact line spacing for ``size`` pt,
    nothing above, ``after`` pt below, first line indented ``indent_first`` mm, widow control on; centred unless
    ``align`` says otherwise. Empty ``text`` gives an empty line of that size. Returns the python-docx paragraph."""
    p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    fmt.line_spacing = Pt(line_pt(size))  # exactly
    fmt.widow_control = True  # no single line of a paragraph alone at the top or bottom of a page
    fmt.keep_with_next = keep_with_next
    if indent_first is not None:
        fmt.first_line_indent = Mm(indent_first)
    if text:
        run(p, text, size, bold, italic)
    return p


def rule(container, width_mm: float, cell_width_mm: float) -> None:
    """A centred solid line ``width_mm`` long and 0.75 pt thick, clear of the text above it: the bottom border
    of an empty paragraph 4 pt high with side indents (NĐ 30, Phụ lục I, mục II.1b, II.2, II.5b)."""
    p = paragraph(container, size=5, after=AFTER_PT)
    p.paragraph_format.line_spacing = Pt(RULE_BOX_PT)  # exactly: the line sits under the text above
    side = max(0.0, (cell_width_mm - width_mm) / 2)
    p.paragraph_format.left_indent = Mm(side)
    p.paragraph_format.right_indent = Mm(side)
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    line = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", str(round(RULE_PT * 8))), ("w:space", "0"),
                       ("w:color", "000000")):
        line.set(qn(key), value)  # w:sz in eighths of a point
    borders.append(line)
    ppr.append(borders)
    run(p, "", 5)


_TBLPR_AFTER = {qn("w:tblBorders"): ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook"),
                qn("w:tblCellMar"): ("w:tblLook",)}


def _table_property(table, element) -> None:
    """Put ``element`` (w:tblBorders or w:tblCellMar) into the table's w:tblPr where the schema wants it (before
    w:tblLook …): Word refuses a file whose elements are out of order."""
    tbl_pr = table._tbl.tblPr
    later = [tbl_pr.find(qn(tag)) for tag in _TBLPR_AFTER[element.tag]]
    later = [el for el in later if el is not None]
    if later:
        later[0].addprevious(element)
    else:
        tbl_pr.append(element)


def _borderless(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    _table_property(table, borders)


def cell_margins(table) -> None:
    """Cells padded :data:`CELL_PADDING_MM` left and right, none above and below, stated rather than left to the
    renderer's default, so the print (``ui.printing``) wraps cell text at the same width."""
    margins = OxmlElement("w:tblCellMar")
    for edge, mm in (("top", 0), ("left", CELL_PADDING_MM), ("bottom", 0), ("right", CELL_PADDING_MM)):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(round(mm / 25.4 * 1440)))  # twips
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    _table_property(table, margins)


def two_columns(document, left_mm: float):
    """A borderless one-row table across the text width, its left column ``left_mm`` mm wide (the header's and the
    closing block's layout, NĐ 30, Phụ lục I, mục II); returns its two (empty) cells."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borderless(table)
    cell_margins(table)
    widths = (Mm(left_mm), Mm(TEXT_WIDTH_MM - left_mm))
    for column, cell, width in zip(table.columns, table.rows[0].cells, widths, strict=True):
        column.width = width  # the grid: LibreOffice reads this
        cell.width = width  # the cell: Word reads this
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return table.rows[0].cells


def _page_number_header(section) -> None:
    """A centred PAGE field in the header of every page but the first (NĐ 30, Phụ lục I, mục I.7)."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "2"), ("end", None)):
        run = p.add_run()
        run.font.size = Pt(13)
        set_font(run._r.get_or_add_rPr())
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = " PAGE "
            run._r.append(instr)
        else:
            run.text = text


def _properties(document, layout: PlanLayout) -> None:
    """File properties Word shows: the commune's UBND as author, the trích yếu as title, dates of today."""
    now = dt.datetime.now().replace(microsecond=0)
    props = document.core_properties
    props.author = props.last_modified_by = layout.issuer
    props.title = f"Kế hoạch {layout.title}".replace("\u00a0", " ")
    props.subject = props.keywords = props.comments = props.category = ""
    props.created = props.modified = now
    props.revision = 1


# parts of python-docx's template a plan has no use for
_LEFTOVER_RELS = ("/stylesWithEffects", "/customXml", "/thumbnail")
APP_XML = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           f"<Application>{APP_ID} {__version__}</Application><DocSecurity>0</DocSecurity></Properties>")


def _clean_template(document) -> None:
    """Leave nothing of python-docx's template a reviewer would notice: every style on Times New Roman (no
    Calibri/Cambria theme fonts, no Courier for MacroText), no stylesWithEffects, custom XML or thumbnail part,
    and app.xml naming this program rather than "Microsoft Macintosh Word"."""
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), FONT)
    package = document.part.package
    for rels in (document.part.rels, package.rels):
        for r_id in [r_id for r_id, rel in rels.items() if rel.reltype.endswith(_LEFTOVER_RELS)]:
            rels.pop(r_id)
    for part in package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = APP_XML.encode("utf-8")


def setup_document(document) -> None:
    """A4 portrait with the margins of :mod:`core.layout` (NĐ 30, Phụ lục I, mục I.3), 14 pt Times New Roman in
    Vietnamese as the default, page numbers from page 2 in the top margin (mục I.7)."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(side) for side in PAGE_MM)
    top, right, bottom, left = (Mm(margin) for margin in MARGINS_MM)
    section.top_margin, section.right_margin, section.bottom_margin, section.left_margin = top, right, bottom, left
    section.header_distance = Mm(HEADER_DISTANCE_MM)
    normal = document.styles["Normal"]
    normal.font.size = Pt(14)
    document_defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for rpr in (document_defaults, normal.element.get_or_add_rPr()):
        set_font(rpr)
        _set_language(rpr)
    _page_number_header(section)


def header_block(document, layout: PlanLayout) -> None:
    """The header (NĐ 30, Phụ lục I, mục II.1–4): issuing body and số on the left, Quốc hiệu, Tiêu ngữ and place-date
    on the right, each with its rule of the length ``layout.rules_mm`` gives."""
    left, right = two_columns(document, HEADER_LEFT_MM)
    for line in layout.agency_lines:
        paragraph(left, line, 13, bold=True)
    rule(left, layout.rules_mm[0], HEADER_LEFT_MM)
    paragraph(left, layout.number_line, 13)
    paragraph(right, NATIONAL_TITLE, 13, bold=True)
    paragraph(right, MOTTO, 14, bold=True)
    rule(right, layout.rules_mm[1], TEXT_WIDTH_MM - HEADER_LEFT_MM)
    paragraph(right, layout.place_date, 14, italic=True)


def row_rules(tr, header: bool = False) -> None:
    """The table row ``tr`` (a w:tr element) never splits across pages (w:cantSplit); a header row repeats on
    each page (w:tblHeader)."""
    tr_pr = tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader") if header else ("w:cantSplit",):
        tr_pr.append(OxmlElement(tag))


def _targets_table(document, rows: list[list[str]], widths_mm: list[float]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = document.styles["Table Grid"]
    cell_margins(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [Mm(w) for w in widths_mm]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for r, row in enumerate(rows):
        row_rules(table.rows[r]._tr, header=r == 0)
        for c, text in enumerate(row):
            cell = table.rows[r].cells[c]
            cell.width = widths[c]
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            cell._tc.remove(cell.paragraphs[0]._p)
            paragraph(cell, text, 13, bold=r == 0,
                       align=WD_ALIGN_PARAGRAPH.LEFT if c == 1 and r else WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(document, after=AFTER_PT)


def closing_block(document, layout: PlanLayout) -> None:
    """Nơi nhận on the left (12 pt bold italic, then 11 pt items) and the signer's title, room to sign and stamp and
    name on the right (NĐ 30, Phụ lục I, mục II.7 and II.9d), kept on one page."""
    left, right = two_columns(document, CLOSING_LEFT_MM)
    row_rules(left._tc.getparent())  # Nơi nhận and the signature stay on one page
    p = paragraph(left, align=WD_ALIGN_PARAGRAPH.LEFT)
    run(p, "Nơi nhận:", 12, bold=True, italic=True)
    for item in layout.recipients:
        paragraph(left, item, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    for line in layout.signer_lines:
        paragraph(right, line, 14, bold=True)
    for _ in range(SIGN_LINES):  # room to sign and stamp
        paragraph(right, "", 14)
    paragraph(right, layout.signer_name, 14, bold=True)


def export_docx(layout: PlanLayout, path: Path | str) -> Path:
    """Write ``layout`` to ``path`` as an NĐ 30 .docx and return the path.

    Raises OSError when the file cannot be written (e.g. open in Word): the caller says so to the user.
    """
    document = Document()
    _clean_template(document)
    setup_document(document)
    _properties(document, layout)
    header_block(document, layout)
    paragraph(document, after=AFTER_PT)
    paragraph(document, layout.doc_type, 14, bold=True)
    paragraph(document, layout.title, 14, bold=True)
    rule(document, layout.rules_mm[2], TEXT_WIDTH_MM)
    paragraph(document, after=AFTER_PT)
    for i, para in enumerate(layout.body):
        size, bold, italic = STYLES[para.style]
        paragraph(document, para.text, size, bold, italic, WD_ALIGN_PARAGRAPH.JUSTIFY, after=AFTER_PT,
                   indent_first=FIRST_LINE_INDENT_MM,
                   keep_with_next=layout.keeps_with_next(i))
        if layout.target_table and i == layout.table_after:
            _targets_table(document, layout.target_table, layout.table_widths_mm)
    closing_block(document, layout)
    path = Path(path)
    with atomic_write(path) as temp:  # a kill or a full disk never damages the previous file at this path
        document.save(str(temp))
    return path

