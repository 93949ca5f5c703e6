"""Small versions of the hostile files of issue #25 (tests/hostile.py makes them): each is read in proportion to
its size or refused with one Vietnamese sentence; nothing reaches the clerk as a traceback or as English."""

import datetime as dt
import json
import subprocess
import sys
import unicodedata

import docx
import pypdf
import pytest
from conftest import ROOT
from sqlalchemy import select

import core.reading as reading
import hostile
from core.errors import DocumentError
from core.export_docx import export_docx
from core.export_xlsx import read_nominations_xlsx
from core.extraction import extract_targets
from core.extraction.targets import MAX_SOURCE_CHARS
from core.layout import build_layout
from core.models import Plan, Target
from core.reading import read_document
from core.settings import load_settings, save_settings


def test_a_2_kb_docx_whose_cells_claim_fifty_million_columns_reads_its_rows(tmp_path):
    path = hostile.gridspan_docx(tmp_path / "gridspan.docx", span=50_000_000, rows=20)
    assert path.stat().st_size < 2048
    lines = read_document(path).lines
    assert lines[0].text == "2. Chỉ tiêu thi đua"
    assert [line.cells for line in lines[1:]] == [["Tỷ lệ hộ nghèo", "1,5%"]] * 20


def test_a_3000_row_vertical_merge_repeats_the_merged_cell_on_every_row(tmp_path):
    lines = read_document(hostile.vmerge_docx(tmp_path / "vmerge.docx", cells=3000)).lines[1:]
    assert len(lines) == 3000
    assert all(line.cells[0] == "Kinh tế" for line in lines)
    assert lines[-1].cells[1] == "Chỉ tiêu 2999: 2999 lao động"


def test_a_one_megabyte_line_is_read_and_each_target_shows_its_own_clause(tmp_path):
    prose = "Các cấp, các ngành tiếp tục đẩy mạnh phong trào thi đua, phát huy tinh thần đoàn kết, sáng tạo; " * 12
    sentence = prose + "phấn đấu tỷ lệ hộ nghèo giảm còn 1,5%, giải quyết việc làm cho 300 lao động; "
    path = tmp_path / "one-line.txt"
    path.write_text(sentence * (2**20 // len(sentence)), encoding="utf-8")
    document = read_document(path)
    assert len(document.lines) == 1 and len(document.text) > 1_000_000
    targets = extract_targets(document)
    assert len(targets) > 500
    assert all(len(t.text) <= MAX_SOURCE_CHARS for t in targets)
    assert {(t.value, t.unit) for t in targets} == {(1.5, "%"), (300, "lao động")}


def test_a_one_megabyte_paragraph_of_a_docx_is_read(tmp_path):
    document = read_document(hostile.long_paragraph_docx(tmp_path / "paragraph.docx", chars=2**20))
    assert len(document.lines) == 1 and len(document.text) == 2**20


def test_a_few_kb_xlsx_bomb_is_refused_before_it_is_unpacked(db, tmp_path):
    path = hostile.xlsx_bomb_cell(tmp_path / "bomb.xlsx", unpacked=8 * 2**20)
    assert path.stat().st_size < 16 * 1024
    with db.session() as s, pytest.raises(DocumentError, match="giải nén ra quá lớn"):
        read_nominations_xlsx(s, path, 2026, dt.date(2026, 5, 1))


@pytest.mark.parametrize("make", [hostile.xlsx_bomb_shared_strings, hostile.xlsx_bomb_rows])
def test_xlsx_bombs_of_shared_strings_or_rows_are_refused(db, tmp_path, make):
    with db.session() as s, pytest.raises(DocumentError, match="giải nén ra quá lớn"):
        read_nominations_xlsx(s, make(tmp_path / "bomb.xlsx", unpacked=8 * 2**20), 2026, dt.date(2026, 5, 1))


def test_an_xlsx_declaring_entities_is_refused_without_expanding_them(db, tmp_path):
    with db.session() as s, pytest.raises(DocumentError, match="Không đọc được tệp Excel"):
        read_nominations_xlsx(s, hostile.xlsx_entity_bomb(tmp_path / "laughs.xlsx"), 2026, dt.date(2026, 5, 1))


def test_a_list_in_decomposed_unicode_reads_exactly_like_the_composed_one(db, tmp_path):
    today = dt.date(2026, 5, 1)
    with db.session() as s:
        composed = read_nominations_xlsx(s, hostile.nomination_list_xlsx(tmp_path / "nfc.xlsx", 5), 2026, today)
        decomposed = read_nominations_xlsx(s, hostile.nomination_list_xlsx(tmp_path / "nfd.xlsx", 5, "NFD"), 2026,
                                           today)
    assert [(n, d) for n, d in decomposed.new] == [(n, d) for n, d in composed.new]
    assert len(decomposed.new) == 5 and not decomposed.problems
    assert decomposed.new[0][1].name == unicodedata.normalize("NFC", "Nguyễn Văn An")


def test_a_list_with_too_many_rows_is_refused(db, tmp_path, monkeypatch):
    import core.export_xlsx as export_xlsx

    monkeypatch.setattr(export_xlsx, "MAX_IMPORT_ROWS", 10)
    with db.session() as s, pytest.raises(DocumentError, match="hơn 10 dòng"):
        read_nominations_xlsx(s, hostile.nomination_list_xlsx(tmp_path / "list.xlsx", 20), 2026,
                              dt.date(2026, 5, 1))


@pytest.mark.parametrize("make", [hostile.utf16_lone_surrogate_txt, hostile.utf16_odd_length_txt])
def test_broken_utf16_is_read_with_replacement_characters(tmp_path, make):
    text = read_document(make(tmp_path / "utf16.txt")).text
    assert text.startswith("Kế hoạch thi đua năm 2026.\nTỷ lệ hộ nghèo giảm còn 1,5%;")
    assert "\ufffd" in text


def test_a_pdf_with_arrays_nested_thousands_deep_is_called_damaged(tmp_path):
    with pytest.raises(DocumentError, match="bị hỏng"):
        read_document(hostile.nested_arrays_pdf(tmp_path / "nested.pdf", depth=5000))


def test_a_pdf_page_with_megabytes_of_drawing_is_refused_by_page(tmp_path):
    path = hostile.huge_page_pdf(tmp_path / "huge.pdf", lines=reading.MAX_PAGE_CONTENT // 60)
    with pytest.raises(DocumentError, match=r"Trang 1 .* quá lớn"):
        read_document(path)


def test_an_aes_encrypted_pdf_asks_for_its_password(tmp_path):
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("matkhau", algorithm="AES-256")
    path = tmp_path / "aes.pdf"
    with open(path, "wb") as f:
        writer.write(f)
    with pytest.raises(DocumentError, match="mật khẩu"):
        read_document(path)


@pytest.mark.parametrize("make", [hostile.entity_bomb_docx, hostile.deep_xml_docx])
def test_docx_xml_with_entities_or_deep_nesting_is_called_damaged(tmp_path, make):
    with pytest.raises(DocumentError, match="bị hỏng"):
        read_document(make(tmp_path / "bad.docx"))


def test_a_docx_of_too_many_short_paragraphs_stops_at_the_bound(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_LINES", 1000)
    with pytest.raises(DocumentError, match="dài hơn"):
        read_document(hostile.many_paragraphs_docx(tmp_path / "many.docx", xml_bytes=200_000))


def test_control_characters_read_from_a_file_never_reach_an_export(db, tmp_path):
    lines = [line.text for line in read_document(hostile.control_character_txt(tmp_path / "plan.txt")).lines]
    assert "- Tỷ lệ hộ nghèo giảm còn 1,5%;" in lines
    assert not any(ch < " " for line in lines for ch in line)
    with db.session() as s:  # typed or pasted into a field: stripped when saved
        save_settings(s, commune_name="Hòa Phong", place_name="Hòa Phong")
        plan = Plan(year=2026, title="Kế hoạch\x01 thi đua")
        plan.targets.append(Target(indicator="Tỷ lệ hộ nghèo\x01", value=1.5, unit="%"))
        s.add(plan)
    with db.session() as s:
        plan = s.scalars(select(Plan)).one()
        assert plan.title == "Kế hoạch thi đua" and plan.targets[0].indicator == "Tỷ lệ hộ nghèo"
        export_docx(build_layout(plan, load_settings(s)), tmp_path / "plan.docx")
    assert "Tỷ lệ hộ nghèo" in "\n".join(p.text for p in docx.Document(tmp_path / "plan.docx").paragraphs) + "".join(
        c.text for t in docx.Document(tmp_path / "plan.docx").tables for row in t.rows for c in row.cells)


def test_pypdf_warnings_go_to_the_log_not_to_the_command_line(tmp_path):
    path = hostile.nested_arrays_pdf(tmp_path / "warned.pdf", depth=10)
    path.write_bytes(path.read_bytes().replace(b"startxref\n", b"startxref\n9"))  # pypdf: "incorrect startxref …"
    out = subprocess.run([sys.executable, "main.py", "extract-targets", str(path)], cwd=ROOT, capture_output=True,
                         text=True, encoding="utf-8", timeout=120)
    assert out.returncode == 0 and out.stderr == ""
    assert [t["unit"] for t in json.loads(out.stdout)] == ["%"]
