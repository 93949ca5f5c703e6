"""Build the .docx templates of the award season shipped in ``resources/templates/`` (run
``python -m core.season_templates`` after changing this file, and commit the files it writes).

Each template is laid out with the plan exporter's own blocks (:mod:`core.export_docx`: page set-up, header,
rules, closing), so every document the commune issues has one look: NĐ 30/2020/NĐ-CP, Phụ lục I (A4, margins
20/20/30/15 mm, Times New Roman in all four font slots, page numbers from page 2, Quốc hiệu and issuing body
blocks, signer). Fields are docxtpl (Jinja) names: ``{{ number }}``, loops ``{%p for … %}`` over paragraphs and
``{%tr for … %}`` over table rows. A clerk may change a copy in Word and put it in the user's templates folder
(:func:`core.season_docs.template_path`); the fields each document offers are the keys its context function
returns (:data:`core.season_docs.CONTEXTS`, and :func:`core.season_docs.council_context` for the Biên bản).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm

from core.export_docx import (
    cell_margins,
    closing_block,
    header_block,
    paragraph,
    row_rules,
    rule,
    run,
    set_font,
    setup_document,
    two_columns,
)
from core.layout import (
    AFTER_PT,
    FIRST_LINE_INDENT_MM,
    HEADER_LEFT_MM,
    MOTTO,
    NATIONAL_TITLE,
    PAGE_MM,
    SIGN_LINES,
    TEXT_WIDTH_MM,
    PlanLayout,
    text_width_mm,
)
from core.paths import resources_dir

LANDSCAPE_WIDTH_MM = 297 - 30 - 15  # text width of a landscape A4 page with NĐ 30's margins
TABLE_PT = 12  # table text: at least 11 pt on paper, wrapped, never shrunk
CENTER, LEFT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY

# Columns of the lists: (heading, width mm, field of a row). Landscape: the widths add up to LANDSCAPE_WIDTH_MM.
DECISION_PEOPLE = [("STT", 12, "stt"), ("Họ và tên", 50, "name"), ("Giới tính", 18, "gender"),
                   ("Ngày sinh", 26, "birth_date"), ("Chức vụ, đơn vị công tác", 80, "position_unit"),
                   ("Hình thức khen thưởng", 50, "form"), ("Ghi chú", 16, "note")]
DECISION_GROUPS = [("STT", 12, "stt"), ("Tên tập thể, hộ gia đình", 80, "name"), ("Địa chỉ, đơn vị", 80, "unit"),
                   ("Hình thức khen thưởng", 62, "form"), ("Ghi chú", 18, "note")]
PROPOSAL_PEOPLE = [("STT", 12, "stt"), ("Họ và tên", 34, "name"), ("Giới tính", 14, "gender"),
                   ("Ngày sinh", 25, "birth_date"), ("Chức vụ", 28, "position"), ("Đơn vị công tác", 32, "unit"),
                   ("Năm", 13, "year"), ("Hình thức đề nghị", 32, "form"), ("Tóm tắt thành tích", 50, "achievement"),
                   ("Ghi chú", 12, "note")]
PROPOSAL_GROUPS = [("STT", 12, "stt"), ("Tên tập thể, hộ gia đình", 55, "name"), ("Địa chỉ, đơn vị", 48, "unit"),
                   ("Năm", 13, "year"), ("Hình thức đề nghị", 40, "form"), ("Tóm tắt thành tích", 70, "achievement"),
                   ("Ghi chú", 14, "note")]
GROUPS = (("individuals", "people"), ("collectives", "groups"), ("households", "groups"))


def _loop(container, start: str, lines: list[tuple[str, dict]], end: str = "{%p endfor %}") -> None:
    """Paragraphs repeated by a docxtpl paragraph loop: ``start`` ("{%p for b in bases %}"), the body, ``end``."""
    paragraph(container, start, 14, align=LEFT)
    for text, style in lines:
        paragraph(container, text, **style)
    paragraph(container, end, 14, align=LEFT)


def _document(landscape: bool = False):
    document = Document()
    setup_document(document)
    for fonts in document.styles.element.iter(qn("w:rFonts")):  # headings, macro text …: none keeps another font
        set_font(fonts.getparent())
    if landscape:
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_height, section.page_width = (Mm(side) for side in PAGE_MM)
    return document


def _header(document) -> None:
    """Issuing body, "Số:", Quốc hiệu and place-date (NĐ 30, Phụ lục I, mục II.1–4), with fields."""
    layout = PlanLayout(issuer="", agency_lines=["ỦY BAN NHÂN DÂN", "{{ commune_upper }}"],
                        number_line="Số: {{ number }}", place_date="{{ place_date }}", doc_type="", title="")
    layout.rules_mm = (text_width_mm("XÃ HÒA PHONG", 13, True) * 0.45,
                       min(text_width_mm(MOTTO, 14, True), TEXT_WIDTH_MM - HEADER_LEFT_MM), 0)
    header_block(document, layout)
    paragraph(document, after=AFTER_PT)


def _title(document, doc_type: str, title: str = "{{ title }}") -> None:
    """Tên loại and trích yếu, 14 pt bold, with the short line under it (NĐ 30, Phụ lục I, mục II.5b)."""
    paragraph(document, doc_type, 14, bold=True)
    paragraph(document, title, 14, bold=True)
    rule(document, 40, TEXT_WIDTH_MM)


def _body(container, text: str, italic: bool = False) -> None:
    paragraph(container, text, 14, italic=italic, align=JUSTIFY, after=AFTER_PT, indent_first=FIRST_LINE_INDENT_MM)


def _signature(document, recipients: bool = True) -> None:
    """Nơi nhận (left) and the signer's lines, room to sign, name (right): NĐ 30, Phụ lục I, mục II.7, II.9d."""
    layout = PlanLayout(issuer="", agency_lines=[], number_line="", place_date="", doc_type="", title="",
                        recipients=["{%p for r in recipients %}", "{{ r }}", "{%p endfor %}"] if recipients else [],
                        signer_lines=["{%p for line in signer_lines %}", "{{ line }}", "{%p endfor %}"],
                        signer_name="{{ signer_name }}")
    closing_block(document, layout)
    if not recipients:  # "Nơi nhận:" only where the document has recipients
        cell = document.tables[-1].rows[0].cells[0]
        for p in list(cell.paragraphs)[:1]:
            p.runs[0].text = ""


def _table(document, name: str, columns: Sequence[tuple[str, float, str]]) -> None:
    """A bordered table: the heading row (repeated on every page), then one row per item of the list ``name``."""
    table = document.add_table(rows=4, cols=len(columns))
    table.style = document.styles["Table Grid"]
    cell_margins(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, (_h, width, _f) in zip(table.columns, columns, strict=True):
        column.width = Mm(width)
    texts = [[h for h, _w, _f in columns], [f"{{%tr for r in {name} %}}"] + [""] * (len(columns) - 1),
             [f"{{{{ r.{f} }}}}" for _h, _w, f in columns], ["{%tr endfor %}"] + [""] * (len(columns) - 1)]
    for r, row in enumerate(table.rows):
        row_rules(row._tr, header=r == 0)
        for c, text in enumerate(texts[r]):
            cell = row.cells[c]
            cell.width = Mm(columns[c][1])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER if r == 0 else WD_CELL_VERTICAL_ALIGNMENT.TOP
            cell._tc.remove(cell.paragraphs[0]._p)
            wide = columns[c][2] in ("name", "position_unit", "unit", "achievement", "position", "form")
            paragraph(cell, text, TABLE_PT, bold=r == 0, align=LEFT if r == 2 and wide else CENTER)


def _grouped_tables(document, people, groups) -> None:
    """I. Cá nhân, II. Tập thể, III. Hộ gia đình: each heading and table only when the group has rows; the
    headings are numbered by the document's context (``individuals_heading`` …)."""
    for name, columns in GROUPS:
        paragraph(document, f"{{%p if {name} %}}", 14, align=LEFT)
        paragraph(document, f"{{{{ {name}_heading }}}}", 14, bold=True, align=LEFT, after=AFTER_PT, keep_with_next=True)
        _table(document, name, people if columns == "people" else groups)
        paragraph(document, "", 6)
        paragraph(document, "{%p endif %}", 14, align=LEFT)


def decision(path: Path) -> None:
    """Quyết định khen thưởng of the commune's Chairman (NĐ 30/2020/NĐ-CP, Phụ lục III, mẫu 1.4 Quyết định cá
    biệt): authority line, căn cứ, "Xét đề nghị …", QUYẾT ĐỊNH:, Điều 1–3, Nơi nhận, signer."""
    document = _document()
    _header(document)
    _title(document, "QUYẾT ĐỊNH")
    paragraph(document, after=AFTER_PT)
    paragraph(document, "{{ authority }}", 14, bold=True, after=AFTER_PT)
    _loop(document, "{%p for b in bases %}", [("{{ b }}", {"size": 14, "italic": True, "align": JUSTIFY,
                                                             "after": AFTER_PT, "indent_first": FIRST_LINE_INDENT_MM})])
    _body(document, "{{ proposer_sentence }}", italic=True)
    paragraph(document, "QUYẾT ĐỊNH:", 14, bold=True, after=AFTER_PT)
    for n in (1, 2, 3):
        p = paragraph(document, align=JUSTIFY, after=AFTER_PT, indent_first=FIRST_LINE_INDENT_MM)
        run(p, f"Điều {n}. ", 14, bold=True)
        run(p, f"{{{{ article_{n} }}}}", 14)
    _signature(document)
    document.save(path)


def _list_heading(document) -> None:
    """The heading of a danh sách kèm theo: DANH SÁCH, its title, the document it is attached to, a rule."""
    paragraph(document, "DANH SÁCH", 14, bold=True)
    paragraph(document, "{{ list_title }}", 14, bold=True)
    paragraph(document, "{{ attached_to }}", 14, italic=True)
    rule(document, 40, LANDSCAPE_WIDTH_MM)
    paragraph(document, after=AFTER_PT)


def decision_list(path: Path) -> None:
    """Danh sách kèm theo Quyết định: I. Cá nhân, II. Tập thể, III. Hộ gia đình (landscape)."""
    document = _document(landscape=True)
    _list_heading(document)
    _grouped_tables(document, DECISION_PEOPLE, DECISION_GROUPS)
    paragraph(document, "{{ total_line }}", 14, italic=True, align=LEFT)
    document.save(path)


def proposal(path: Path) -> None:
    """Tờ trình of UBND xã to the superior (NĐ 30/2020/NĐ-CP, Phụ lục III, mẫu 1.5 văn bản có tên loại):
    "Kính gửi:", the request, the numbers by form, signer TM. ỦY BAN NHÂN DÂN."""
    document = _document()
    _header(document)
    _title(document, "TỜ TRÌNH")
    paragraph(document, after=AFTER_PT)
    paragraph(document, "Kính gửi: {{ addressee }}", 14, after=AFTER_PT)
    _loop(document, "{%p for p in body %}", [("{{ p }}", {"size": 14, "align": JUSTIFY, "after": AFTER_PT,
                                                          "indent_first": FIRST_LINE_INDENT_MM})])
    _signature(document)
    document.save(path)


def proposal_list(path: Path) -> None:
    """Danh sách kèm theo Tờ trình (landscape): the year, unit or address of every collective and household,
    signed TM. ỦY BAN NHÂN DÂN."""
    document = _document(landscape=True)
    left, right = two_columns(document, HEADER_LEFT_MM)
    paragraph(left, "ỦY BAN NHÂN DÂN", 13, bold=True)
    paragraph(left, "{{ commune_upper }}", 13, bold=True)
    paragraph(right, "", 13)
    paragraph(document, after=AFTER_PT)
    _list_heading(document)
    _grouped_tables(document, PROPOSAL_PEOPLE, PROPOSAL_GROUPS)
    paragraph(document, "{{ total_line }}", 14, italic=True, align=LEFT, after=AFTER_PT)
    _signature(document, recipients=False)
    document.save(path)


def council_minutes(path: Path) -> None:
    """Biên bản họp Hội đồng Thi đua – Khen thưởng xã (NĐ 30/2020/NĐ-CP, Phụ lục III, mẫu 1.5): time and place,
    composition, content, the results table, closing time; THƯ KÝ (left) and CHỦ TỌA (right) sign."""
    document = _document()
    left, right = two_columns(document, HEADER_LEFT_MM)
    paragraph(left, "{{ council_upper }}", 13, bold=True)
    rule(left, 20, HEADER_LEFT_MM)
    paragraph(left, "Số: {{ number }}", 13)
    paragraph(right, NATIONAL_TITLE, 13, bold=True)
    paragraph(right, MOTTO, 14, bold=True)
    rule(right, min(text_width_mm(MOTTO, 14, True), TEXT_WIDTH_MM - HEADER_LEFT_MM), TEXT_WIDTH_MM - HEADER_LEFT_MM)
    paragraph(right, "{{ place_date }}", 14, italic=True)
    paragraph(document, after=AFTER_PT)
    _title(document, "BIÊN BẢN")
    paragraph(document, after=AFTER_PT)
    _loop(document, "{%p for p in opening %}", [("{{ p }}", {"size": 14, "align": JUSTIFY, "after": AFTER_PT,
                                                             "indent_first": FIRST_LINE_INDENT_MM})])
    columns = [("STT", 12, "stt"), ("Họ và tên / tên tập thể", 52, "name"), ("Hình thức, danh hiệu", 45, "form"),
               ("Số phiếu đồng ý", 24, "votes"), ("Tỷ lệ", 16, "share"), ("Kết quả", 16, "result")]
    _table(document, "votes", columns)
    paragraph(document, "", 6)
    closing = {"size": 14, "align": JUSTIFY, "after": AFTER_PT, "indent_first": FIRST_LINE_INDENT_MM}
    # the last line keeps with the signatures (w:keepNext, as the plan's last paragraph): they never stand alone
    _loop(document, "{%p for p in closing %}", [("{%p if loop.last %}", {"size": 14, "align": LEFT}),
                                                ("{{ p }}", {**closing, "keep_with_next": True}),
                                                ("{%p else %}", {"size": 14, "align": LEFT}), ("{{ p }}", closing),
                                                ("{%p endif %}", {"size": 14, "align": LEFT})])
    left, right = two_columns(document, TEXT_WIDTH_MM / 2)
    row_rules(left._tc.getparent())
    for cell, title, name in ((left, "THƯ KÝ", "{{ secretary_name }}"), (right, "CHỦ TỌA", "{{ chair_name }}")):
        paragraph(cell, title, 14, bold=True)
        for _ in range(SIGN_LINES):
            paragraph(cell, "", 14)
        paragraph(cell, name, 14, bold=True)
    document.save(path)


def _report_header(document, subject: str) -> None:
    """Quốc hiệu, tiêu ngữ and place-date centred (a report signed by its author has no issuing body), then BÁO
    CÁO THÀNH TÍCH and the award asked."""
    paragraph(document, NATIONAL_TITLE, 13, bold=True)
    paragraph(document, MOTTO, 14, bold=True)
    rule(document, text_width_mm(MOTTO, 14, True), TEXT_WIDTH_MM)
    paragraph(document, "{{ place_date }}", 14, italic=True, after=AFTER_PT)
    paragraph(document, after=AFTER_PT)
    paragraph(document, "BÁO CÁO THÀNH TÍCH", 14, bold=True)
    paragraph(document, "ĐỀ NGHỊ TẶNG {{ form_upper }}", 14, bold=True)
    paragraph(document, subject, 14, bold=True)
    rule(document, 40, TEXT_WIDTH_MM)
    paragraph(document, after=AFTER_PT)


def _lines(document, lines: list[str]) -> None:
    for text in lines:
        if text.startswith(("I", "V")) and ". " in text[:5]:
            paragraph(document, text, 14, bold=True, align=LEFT, after=AFTER_PT, keep_with_next=True)
        elif "{{" in text and not text.endswith("}}"):  # a short field line: a blank must not stretch it
            paragraph(document, text, 14, align=LEFT, after=AFTER_PT, indent_first=FIRST_LINE_INDENT_MM)
        else:
            _body(document, text)


def _awards_tables(document) -> None:
    """III. Các hình thức đã được khen thưởng: titles, then forms, each row from the register."""
    columns = [("Năm", 18, "year"), ("{{ column_title }}", 62, "form"),
               ("Số, ngày, tháng, năm của quyết định; cơ quan ban hành quyết định", 85, "decision")]
    for n, (key, heading) in enumerate((("titles", "Danh hiệu thi đua"), ("forms", "Hình thức khen thưởng")), 1):
        paragraph(document, f"{n}. {heading}", 14, bold=True, align=LEFT, after=AFTER_PT, keep_with_next=True)
        paragraph(document, f"{{%p if {key} %}}")  # no rows: no empty table, only the line saying so
        _table(document, key, [(h.replace("{{ column_title }}", heading), w, f) for h, w, f in columns])
        paragraph(document, "{%p endif %}")
        paragraph(document, f"{{{{ {key}_none }}}}", 14, italic=True, align=LEFT, after=AFTER_PT,
                  keep_with_next=key == "forms")  # the last line before the signatures keeps with them (w:keepNext)


def _report_signatures(document, left: str, right: str) -> None:
    left_cell, right_cell = two_columns(document, TEXT_WIDTH_MM / 2)
    row_rules(left_cell._tc.getparent())
    for cell, title, note, name in ((left_cell, left, "(Ký, đóng dấu)", ""),
                                    (right_cell, right, "(Ký, ghi rõ họ và tên)", "{{ reporter }}")):
        paragraph(cell, title, 13, bold=True)
        paragraph(cell, note, 13, italic=True)
        for _ in range(SIGN_LINES):
            paragraph(cell, "", 14)
        paragraph(cell, name, 14, bold=True)


def achievement_person(path: Path) -> None:
    """Báo cáo thành tích of an individual: I. Sơ lược lý lịch, II. Thành tích đạt được, III. Các hình thức đã
    được khen thưởng; what the record lacks prints as a dotted blank."""
    document = _document()
    _report_header(document, "")
    _lines(document, ["I. SƠ LƯỢC LÝ LỊCH",
                      "- Họ và tên: {{ name }}. Giới tính: {{ gender }}.",
                      "- Ngày, tháng, năm sinh: {{ birth_date }}.",
                      "- Quê quán: {{ hometown }}.", "- Trú quán: {{ residence }}.",
                      "- Đơn vị công tác: {{ unit }}.", "- Chức vụ (Đảng, chính quyền, đoàn thể): {{ position }}.",
                      "- Trình độ chuyên môn, nghiệp vụ: {{ qualification }}.",
                      "II. THÀNH TÍCH ĐẠT ĐƯỢC",
                      "1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận: {{ duties }}",
                      "2. Thành tích đạt được năm {{ year }}: {{ achievement }}",
                      "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"])
    _awards_tables(document)
    _report_signatures(document, "THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN", "NGƯỜI BÁO CÁO THÀNH TÍCH")
    document.save(path)


def achievement_group(path: Path) -> None:
    """Báo cáo thành tích of a collective or household: I. Sơ lược đặc điểm, tình hình, II. Thành tích đạt được,
    III. Các hình thức đã được khen thưởng; what the record lacks prints as a dotted blank."""
    document = _document()
    _report_header(document, "{{ name }}")
    _lines(document, ["I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH",
                      "1. Địa chỉ, đơn vị: {{ unit }}.",
                      "2. Đặc điểm, tình hình, tổ chức: {{ situation }}",
                      "II. THÀNH TÍCH ĐẠT ĐƯỢC",
                      "Thành tích đạt được năm {{ year }}: {{ achievement }}",
                      "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"])
    _awards_tables(document)
    _report_signatures(document, "XÁC NHẬN CỦA CẤP TRÊN", "{{ reporter_title }}")
    document.save(path)


BUILDERS = {"quyet_dinh": decision, "danh_sach_quyet_dinh": decision_list, "to_trinh": proposal,
            "danh_sach_to_trinh": proposal_list, "bien_ban": council_minutes,
            "bao_cao_thanh_tich_ca_nhan": achievement_person, "bao_cao_thanh_tich_tap_the": achievement_group}


def build_all(folder: Path) -> list[Path]:
    """Write every template into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, build in BUILDERS.items():
        path = folder / f"{name}.docx"
        build(path)
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in build_all(Path(sys.argv[1]) if len(sys.argv) > 1 else resources_dir() / "templates"):
        print(written)
