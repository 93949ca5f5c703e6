"""Readers on documents made like real plans (tests/samples.py), and every kind of bad input the clerk may pick."""

import io
import json
import subprocess
import sys
import unicodedata
import zipfile

import docx
import pypdf
import pytest
from conftest import ROOT
from samples import TARGETS, superior_plan_docx, text_pdf

from core.reading import MAX_CHARS, MAX_FILE_BYTES, MAX_PAGES, DocumentError, clean, read_document


def test_docx_keeps_paragraphs_and_tables_in_document_order(tmp_path):
    doc = read_document(superior_plan_docx(tmp_path / "plan.docx", as_table=True))
    texts = [line.text for line in doc.lines]
    heading = texts.index("2. Chỉ tiêu thi đua")
    first_row = next(line for line in doc.lines if line.cells and line.cells[0] == "1")
    assert heading < first_row.index < texts.index("III. TỔ CHỨC THỰC HIỆN")
    assert first_row.cells == ["1", "Tổng giá trị sản xuất", "tỷ đồng", "28.603,61"]
    assert "Số: 21/KH-UBND" in texts  # header table cells come through as lines


def test_pdf_lines_wrapped_mid_item_are_joined(tmp_path, qapp):
    path = text_pdf(tmp_path / "plan.pdf", [
        "2. Chỉ tiêu thi đua",
        "- (3) Cơ cấu kinh tế: Nông, lâm nghiệp và thủy sản khoảng 10,49%; Công nghiệp – xây",
        "dựng khoảng 37,52%; Dịch vụ khoảng 51,99%;",
        "- (4) Thu nhập bình quân đầu người/năm: 60 Tr.đ/người/năm.",
    ])
    doc = read_document(path)
    item = next(line.text for line in doc.lines if line.text.startswith("- (3)"))
    assert item.endswith("Công nghiệp – xây dựng khoảng 37,52%; Dịch vụ khoảng 51,99%;")
    assert any(line.text == "- (4) Thu nhập bình quân đầu người/năm: 60 Tr.đ/người/năm." for line in doc.lines)


def test_documents_read_as_nfc(tmp_path, qapp):
    import unicodedata as ud

    decomposed = ud.normalize("NFD", "- (1) Tỷ lệ hộ nghèo giảm còn 2%;")
    paths = [superior_plan_docx(tmp_path / "plan.docx"), text_pdf(tmp_path / "plan.pdf", [decomposed] * 3)]
    (tmp_path / "plan.txt").write_text(("2. Chỉ tiêu thi đua\n" + decomposed + "\n") * 12, encoding="utf-8")
    for path in [*paths, tmp_path / "plan.txt"]:
        doc = read_document(path)
        assert len(doc.lines) >= 3, path
        assert all(unicodedata.is_normalized("NFC", line.text) for line in doc.lines)


def test_markup_is_cleaned():
    assert clean("đất cây xanh: 8m<sup>2</sup>/người") == "đất cây xanh: 8m²/người"
    assert clean("giao  $\\geq 100$  %") == "giao ≥ 100 %"
    assert clean("**2. Yêu cầu**") == "2. Yêu cầu"
    assert clean("Tỷ lệ lao động qua đào tạo nghề tăng \u01a3ớc 70%") == "Tỷ lệ lao động qua đào tạo nghề tăng ước 70%"
    assert clean("Tỷ\u00a0lệ " + unicodedata.normalize("NFD", "hộ nghèo")) == "Tỷ lệ hộ nghèo"


@pytest.mark.parametrize("encoding, bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16", b"")])
def test_text_encodings(tmp_path, encoding, bom):
    path = tmp_path / "plan.txt"
    path.write_bytes(bom + "2. Chỉ tiêu thi đua\n- Tỷ lệ hộ nghèo dưới 2%;\n".encode(encoding))
    assert [line.text for line in read_document(path).lines] == ["2. Chỉ tiêu thi đua", "- Tỷ lệ hộ nghèo dưới 2%;"]


def _docx_bytes(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _blank_pdf(password: str | None = None) -> bytes:
    """One empty A4 page (no text layer, like a scan), encrypted when ``password`` is given."""
    writer = pypdf.PdfWriter()
    writer.add_blank_page(595, 842)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (210 * 1024 * 1024))
    return buffer.getvalue()


BAD_INPUTS = {
    "truncated.docx": (lambda: _docx_bytes("Kế hoạch")[:1500], "bị hỏng"),
    "password.docx": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "mật khẩu"),
    "encrypted.pdf": (lambda: _blank_pdf("matkhau"), "mật khẩu"),
    "scan.pdf": (_blank_pdf, "OCR"),
    "corrupt.pdf": (lambda: b"%PDF-1.4\n" + b"garbage" * 50, "bị hỏng"),
    "plan.odt": (lambda: b"anything", "Không đọc được loại tệp"),
    "latin1.txt": (lambda: "Kế hoạch".encode("cp1258", errors="replace") + b"\xff\xfe\xfa", "Unicode"),
    "empty.txt": (lambda: b"", "rỗng"),
    "bomb.docx": (_zip_bomb, "giải nén ra quá lớn"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_a_vietnamese_message(tmp_path, name):
    make, words = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(DocumentError, match=words):
        read_document(path)


def test_file_over_the_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.docx"
    with open(path, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: no 50 MB written to disk
    with pytest.raises(DocumentError, match="quá lớn"):
        read_document(path)


def test_a_targets_table_inside_a_layout_table_is_read(tmp_path):
    from core.extraction import extract_targets

    doc = read_document(superior_plan_docx(tmp_path / "plan.docx", as_table=True, nested=True))
    assert len(extract_targets(doc)) == len(TARGETS)


def test_a_pdf_of_hundreds_of_pages_is_refused_at_once(tmp_path):
    writer = pypdf.PdfWriter()
    for _ in range(MAX_PAGES + 1):
        writer.add_blank_page(595, 842)
    path = tmp_path / "nien-giam.pdf"
    with open(path, "wb") as f:
        writer.write(f)
    with pytest.raises(DocumentError, match="không giống một kế hoạch"):
        read_document(path)


def test_a_text_far_longer_than_a_plan_is_refused(tmp_path):
    path = tmp_path / "tong-hop.txt"
    path.write_text("Tỷ lệ hộ nghèo giảm 1,5%.\n" * (MAX_CHARS // 20), encoding="utf-8")
    with pytest.raises(DocumentError, match="không giống một kế hoạch"):
        read_document(path)


@pytest.mark.parametrize("legacy", [
    "Ch\u00ad\u00acng tr\u00d7nh c\u00f4ng t\u00b8c thi \u00ae\u00b8ua n\u00a8m 2026 c\u00f1a x\u00b7 ",  # TCVN3
    "Keá hoaïch phaùt ñoäng phong traøo thi ñua naêm 2026 cuûa xaõ ",  # VNI
])
def test_text_typed_in_an_old_vietnamese_encoding_says_what_to_do(tmp_path, legacy):
    path = tmp_path / "ke-hoach-cu.txt"
    path.write_text(legacy * 40, encoding="utf-8")  # as Notepad re-saves it "as UTF-8"
    with pytest.raises(DocumentError, match=r"TCVN3.*Unikey"):
        read_document(path)


def test_a_statistics_book_is_not_taken_for_a_plan(tmp_path, monkeypatch):
    from core import superior

    monkeypatch.setattr(superior, "MAX_CANDIDATES", 5)  # the sample plan has 12 targets
    with pytest.raises(DocumentError, match="không giống một kế hoạch"):
        superior.read_superior_plan(superior_plan_docx(tmp_path / "plan.docx"))


def _cli(*args):
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_cli_prints_targets_as_json(tmp_path):
    out = _cli("extract-targets", str(superior_plan_docx(tmp_path / "plan.docx")))
    assert out.returncode == 0, out.stderr
    targets = json.loads(out.stdout)
    assert [(t["indicator"], t["value"], t["unit"]) for t in targets] == [(i, v, u) for _item, i, v, u in TARGETS]
    assert targets[0]["comparator"] == "~" and 0.5 <= targets[0]["confidence"] <= 1
    assert "Tỷ lệ" in out.stdout  # UTF-8, not \\u escapes


def test_cli_bad_file_exits_non_zero_with_one_line(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_blank_pdf())
    out = _cli("extract-targets", str(path))
    assert out.returncode == 1
    assert out.stdout == ""
    assert out.stderr.count("\n") == 1 and "OCR" in out.stderr and "Traceback" not in out.stderr


def test_text_tables_keep_their_cells(tmp_path):
    from core.extraction import extract_targets

    path = tmp_path / "plan.md"
    path.write_text("2. Chỉ tiêu thi đua\n\n| STT | Chỉ tiêu | ĐVT | Thực hiện 2024 | Kế hoạch 2025 |\n"
                    "|---|---|---|---|---|\n| I | Chỉ tiêu kinh tế | | | |\n"
                    "| 1 | Thu nhập bình quân đầu người | Tr.đ/người/năm | 55 | 60 |\n"
                    "| 2 | Tỷ lệ hộ nghèo | % | 3,1 | giảm còn 2,5 |\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.lines[1].cells == ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện 2024", "Kế hoạch 2025"]
    found = [(t.indicator, t.comparator, t.value, t.unit, t.field) for t in extract_targets(doc)]
    assert found == [("Thu nhập bình quân đầu người", "=", 60, "triệu đồng/người/năm", "kinh_te"),
                     ("Tỷ lệ hộ nghèo", "reduce_to", 2.5, "%", "van_hoa_xa_hoi")]
