"""The danh sách kèm theo Tờ trình as .xlsx (the province's reviewers often want the list as a spreadsheet), from
the same fields as its .docx (:func:`core.season_docs.proposal_list_context`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def proposal_list_xlsx(context: dict, out: Path) -> Path:
    """The danh sách kèm theo Tờ trình as .xlsx from :func:`proposal_list_context`: one sheet per group (I. Cá
    nhân, II. Tập thể, III. Hộ gia đình), A4 landscape at 100 % (text 12 pt, wrapped in columns that fit the page
    width, never shrunk to fit), the heading row repeated on every page, page numbers in the footer, "Kèm theo Tờ
    trình số … ngày …" under the title, the signer below. Raises ``OSError`` when ``out`` cannot be written."""
    from openpyxl import Workbook

    from core.season_templates import PROPOSAL_GROUPS, PROPOSAL_PEOPLE

    workbook = Workbook()
    workbook.remove(workbook.active)
    for key, columns in (("individuals", PROPOSAL_PEOPLE), ("collectives", PROPOSAL_GROUPS),
                         ("households", PROPOSAL_GROUPS)):
        if context[key]:
            _group_sheet(workbook, context, key, columns)
    workbook.properties.creator = context["issuer"]
    workbook.properties.title = context["doc_title"]
    workbook.save(out)
    return out


def _group_sheet(workbook, context: dict, key: str, columns: Sequence[tuple[str, float, str]]) -> None:
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    from core.export_xlsx import _lines, _text  # one rule for row heights and formula-safe text

    font = "Times New Roman"
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    heading = context[f"{key}_heading"]
    ws = workbook.create_sheet(heading.split(". ", 1)[-1].capitalize())
    # Column widths in the sheet's character units from the .docx's millimetres: 252 mm of landscape text hold
    # about 92 of them (measured in LibreOffice's PDF).
    widths = [round(w * 92 / 252, 1) for _h, w, _f in columns]
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    row = 0

    def line(text: str, bold=False, italic=False, size=13, align="center", first=1) -> None:
        nonlocal row
        row += 1
        ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=len(widths))
        cell = ws.cell(row, first, text)
        cell.font = Font(name=font, bold=bold, italic=italic, size=size)
        cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
        ws.row_dimensions[row].height = 18 * _lines(text, int(sum(widths[first - 1:]) * 0.9))

    line(f"ỦY BAN NHÂN DÂN {context['commune_upper']}", bold=True, size=12, align="left")
    line("DANH SÁCH", bold=True, size=14)
    line(context["list_title"], bold=True, size=14)
    line(context["attached_to"], italic=True)
    row += 1
    line(heading, bold=True, align="left")
    for n, values in enumerate([[h for h, _w, _f in columns]] + [[r[f] for _h, _w, f in columns]
                                                                for r in context[key]]):
        row += 1
        for col, value in enumerate(values, 1):
            cell = ws.cell(row, col)
            _text(cell, value)
            cell.font = Font(name=font, size=12, bold=n == 0)
            cell.alignment = Alignment(wrap_text=True, vertical="center" if n == 0 else "top",
                                       horizontal="center" if n == 0 or col == 1 else "left")
            cell.border = border
        ws.row_dimensions[row].height = 16 * max(_lines(str(v), int(widths[c])) for c, v in enumerate(values)) + 2
        if n == 0:
            ws.print_title_rows = f"{row}:{row}"
    row += 1
    line(context["total_line"], italic=True, size=12, align="left")
    row += 1
    for text in [*context["signer_lines"], "", "", "", context["signer_name"]]:
        line(text, bold=True, first=max(1, len(widths) - 3))
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.scale = 100
    ws.page_margins.left, ws.page_margins.right = 30 / 25.4, 15 / 25.4
    ws.page_margins.top = ws.page_margins.bottom = 20 / 25.4
    ws.oddFooter.center.text = "Trang &P/&N"
    ws.oddFooter.center.font = font
    ws.oddFooter.center.size = 12
