"""Importing a superior plan stores the document and its targets; a second import is recognised."""

import shutil

import pytest
from sqlalchemy import func, select

from core.models import Comparator, SuperiorDocument, Target
from core.reading import DocumentError
from core.superior import import_superior_plan
from samples import superior_plan_docx


def test_import_stores_document_and_targets(db, tmp_path):
    with db.session() as s:
        result = import_superior_plan(s, superior_plan_docx(tmp_path / "ke-hoach-huyen.docx"))
        assert not result.already_imported
    with db.session() as s:
        doc = s.scalars(select(SuperiorDocument)).one()
        assert doc.file_name == "ke-hoach-huyen.docx" and len(doc.sha256) == 64
        assert "Chỉ tiêu thi đua" in doc.text
        first = doc.targets[0]
        assert (first.indicator, first.comparator, first.value, first.unit) == (
            "Tổng giá trị sản xuất", Comparator.APPROX, 28603.61, "tỷ đồng")
        assert first.source_text.startswith("- (1) Tổng giá trị sản xuất")
        assert [t.position for t in doc.targets] == list(range(len(doc.targets)))


def test_same_file_under_another_name_is_recognised(db, tmp_path):
    original = superior_plan_docx(tmp_path / "ke-hoach-huyen.docx")
    copy = tmp_path / "ban-sao.docx"
    shutil.copy(original, copy)
    with db.session() as s:
        import_superior_plan(s, original)
    with db.session() as s:
        again = import_superior_plan(s, copy)
        assert again.already_imported and again.document.file_name == "ke-hoach-huyen.docx"
    with db.session() as s:
        assert s.scalar(select(func.count(SuperiorDocument.id))) == 1


def test_unreadable_file_writes_nothing(db, tmp_path):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DocumentError), db.session() as s:
        import_superior_plan(s, bad)
    with db.session() as s:
        assert s.scalar(select(func.count(Target.id))) == 0


TEMPLATE_HEADER = """ỦY BAN NHÂN DÂN
HUYỆN .........
_______
Số: /KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
............, ngày tháng 11 năm 2024
KẾ HOẠCH
Phát động phong trào thi đua nước rút năm 2024
Thực hiện Kế hoạch số 248/KH-UBND ngày 04/11/2024 của Ủy ban nhân dân thành phố;
I. MỤC ĐÍCH, YÊU CẦU
- Các xã gửi hồ sơ trước ngày 15 tháng 12 năm 2024.
"""


def test_the_header_is_read_from_the_header_only():
    from core.superior import read_header

    header = read_header(TEMPLATE_HEADER)
    assert (header.number, header.issue_date, header.issuer) == (None, None, None)  # blanks stay blank
    assert header.title == "Phát động phong trào thi đua nước rút năm 2024"


def test_a_pdf_header_is_read_line_by_line(tmp_path, qapp):
    from samples import text_pdf

    from core.reading import read_document
    from core.superior import read_header

    path = text_pdf(tmp_path / "ke-hoach.pdf", ["ỦY BAN NHÂN DÂN", "TỈNH ĐẮK LÂM", "_______", "Số: 12/KH-UBND",
                                                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                                 "Đắk Lâm, ngày 20 tháng 01 năm 2026", "KẾ HOẠCH",
                                                 "Phát động phong trào thi đua năm 2026", "__________",
                                                 "Thực hiện Kế hoạch số 5/KH-BTĐKT của Ban Thi đua"])
    header = read_header(read_document(path).text)
    assert header.number == "12/KH-UBND" and header.issuer == "UBND tỉnh Đắk Lâm"
    assert header.issue_date.isoformat() == "2026-01-20" and header.title == "Phát động phong trào thi đua năm 2026"


def test_the_operations_say_which_targets_were_read_from_a_scan(db, tmp_path):
    """What page 3 gets: a scan's targets flagged (also when looked up again for a plan), its unread pages right
    after the import; a text file's not. (The same document marked as recognised stands in for a scan here:
    tests/test_ocr.py reads the real one.)"""
    from dataclasses import replace

    from core.operations import superior as ops
    from core.superior import read_superior_plan

    text = read_superior_plan(superior_plan_docx(tmp_path / "ke-hoach-huyen.docx"))
    typed = ops.import_superior_plan(db, text)
    assert not typed.from_ocr and not any(t.from_ocr for t in typed.targets)
    scan = replace(text.document, sha256="0" * 64, file_name="ban-quet.pdf", from_ocr=True, unread_pages=[3, 7])
    shown = ops.import_superior_plan(db, replace(text, document=scan))
    assert shown.from_ocr and shown.unread_pages == [3, 7] and all(t.from_ocr for t in shown.targets)
    again = ops.superior_plan(db, shown.id)
    assert again is not None and again.from_ocr and again.unread_pages == []  # the unread pages are not stored
    looked_up = ops.superior_targets(db, {shown.targets[0].id, typed.targets[0].id})
    assert looked_up[shown.targets[0].id].from_ocr and not looked_up[typed.targets[0].id].from_ocr


def test_the_dates_a_superior_plan_sets_are_read_in_every_written_form_and_an_impossible_one_is_left_out():
    from core.superior import read_header, superior_deadlines

    text = ("Các xã gửi báo cáo sơ kết trước ngày 15/6/2026.\n"
            "Hồ sơ đề nghị khen thưởng gửi chậm nhất ngày 05 tháng 12 năm 2026.\n"
            "Báo cáo tổng kết gửi trước ngày 31/02/2026; hạn chót 20-1-2027.")
    found = [(d.day.isoformat(), d.for_awards) for d in superior_deadlines(text)]
    assert found == [("2026-06-15", False), ("2026-12-05", True), ("2027-01-20", False)]
    header = read_header("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LÂM\nSố: 12/KH-UBND\nĐắk Lâm, ngày 20/01/2026\nKẾ HOẠCH\n"
                         "Phát động phong trào thi đua năm 2026\nCăn cứ Luật Thi đua, khen thưởng;")
    assert header.issue_date is not None and header.issue_date.isoformat() == "2026-01-20"
    impossible = read_header("ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LÂM\nĐắk Lâm, ngày 30 tháng 02 năm 2026\nKẾ HOẠCH\nX")
    assert impossible.issue_date is None
