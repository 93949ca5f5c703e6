"""Scanned superior plans: recognised offline in Vietnamese, then read and searched like a text PDF.

``tests/data/scan-2-pages.pdf`` was made by ``benchmarks/make_scans.py`` from a public resolution summary
(eval 105): two pages at 150 dpi, turned about 1°, grey uneven paper, noise, blur, JPEG, a red seal over the text.
"""

import io
import json
import subprocess
import sys
import threading

import pypdf
import pypdfium2
import pytest
from conftest import ROOT
from PIL import Image

from core import ocr, superior
from core.extraction import extract_targets
from core.models import SuperiorDocument
from core.reading import DocumentError, read_document

SCAN = ROOT / "tests" / "data" / "scan-2-pages.pdf"
# A ruled targets table (header, five rows, two labels wrapped onto a second line, lone one-digit values) and a
# paragraph under it, drawn in Liberation Serif at 200 dpi, turned 0.8°, blurred, on grey paper with grain.
TABLE_SCAN = ROOT / "tests" / "data" / "scan-table.png"


@pytest.fixture(scope="module")
def scanned():
    return read_document(SCAN)


def _page_image(index: int = 0):
    """A page of the test scan as the image a scanner would save."""
    pdf = pypdfium2.PdfDocument(str(SCAN))
    try:
        return pdf[index].render(scale=ocr.OCR_DPI / 72).to_pil()
    finally:
        pdf.close()


def test_a_scan_is_read_with_its_diacritics(scanned):
    assert scanned.from_ocr and scanned.unread_pages == []
    text = scanned.text
    # letters with two marks come through: ộ ủ ự ấ ầ ể …
    for phrase in ("Về xã hội", "Tỷ lệ phát triển dân số tự nhiên", "nước sạch, nước hợp vệ sinh",
                   "thu gom, xử lý nước thải, chất thải rắn", "Về xây dựng Đảng", "kết nạp trên 2.000 đảng viên"):
        assert phrase in text
    assert "NHÂN DÂN" not in text.upper()  # the red seal over the text ("ỦY BAN NHÂN DÂN") is not read


def test_the_targets_of_a_scan_are_found_as_in_the_text_version(scanned):
    found = {(t.value, t.unit) for t in extract_targets(scanned)}
    assert {(3400, "USD"), (55, "%"), (37, "%"), (15000, "lao động/năm"), (95, "%"), (57, "%"), (2000, "đảng viên"),
            (15, "%/năm")} <= found
    assert len(found) >= 15


def test_a_page_turned_sideways_or_upside_down_is_read(tmp_path):
    page = _page_image()
    for angle in (90, 180):
        path = tmp_path / f"trang-{angle}.png"
        page.rotate(angle, expand=True).save(path, dpi=(ocr.OCR_DPI, ocr.OCR_DPI))
        assert "Tổng kim ngạch xuất khẩu tăng bình quân 15%/năm" in read_document(path).text


def test_a_multi_page_tiff_is_read_page_by_page_with_progress(tmp_path):
    path = tmp_path / "ban-quet.tif"
    first, second = _page_image(0).convert("L"), _page_image(1).convert("L")
    first.save(path, save_all=True, append_images=[second], compression="tiff_deflate", dpi=(200, 200))
    calls = []
    document = read_document(path, lambda page, pages: calls.append((page, pages)) or True)
    assert calls == [(1, 2), (2, 2)]
    assert "Về môi trường" in document.text and "Các chương trình trọng điểm" in document.text


def test_cancelling_stops_between_pages(monkeypatch):
    read_pages = []
    real = ocr._read_page
    monkeypatch.setattr(ocr, "_read_page", lambda api, page: read_pages.append(1) or real(api, page))
    with pytest.raises(ocr.Cancelled):
        read_document(SCAN, lambda page, pages: page < 2)  # Hủy pressed while page 1 was read
    assert len(read_pages) == 1


def test_a_page_that_yields_nothing_is_named(tmp_path):
    writer = pypdf.PdfWriter(clone_from=SCAN)
    writer.insert_blank_page(index=1)  # a blank sheet fed between the two pages
    path = tmp_path / "co-trang-trang.pdf"
    writer.write(path)
    document = read_document(path)
    assert document.unread_pages == [2] and "Về xây dựng Đảng" in document.text


def test_scans_that_cannot_be_read_get_one_clear_sentence(tmp_path, monkeypatch):
    from PIL import Image

    blank = tmp_path / "trang.png"
    Image.new("L", (1654, 2339), 255).save(blank)
    with pytest.raises(DocumentError, match=r"Không nhận dạng .*«trang\.png»"):
        read_document(blank)
    broken = tmp_path / "hong.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(DocumentError, match="bị hỏng"):
        read_document(broken)
    monkeypatch.setattr(ocr, "MAX_PAGES", 1)
    with pytest.raises(DocumentError, match=r"dài hơn .* trang, không giống một kế hoạch"):
        read_document(SCAN)


def test_an_oversized_image_is_refused_before_it_is_decoded(tmp_path):
    from PIL import Image

    path = tmp_path / "khong-lo.png"
    buffer = io.BytesIO()
    Image.new("1", (8000, 6000), 1).save(buffer, "PNG")  # 48 megapixels, a few kB on disk
    path.write_bytes(buffer.getvalue())
    with pytest.raises(DocumentError, match="quá lớn"):
        read_document(path)


def test_a_stored_scan_marks_its_targets_as_read_by_ocr(db, scanned):
    with db.session() as s:
        stored = superior.store_superior_plan(s, superior.ReadPlan(scanned, extract_targets(scanned)))
        doc_id = stored.document.id
    with db.session() as s:
        document = s.get(SuperiorDocument, doc_id)
        assert document is not None and document.from_ocr and len(document.targets) >= 15


def test_cli_marks_each_target_from_a_scan(tmp_path):
    out = subprocess.run([sys.executable, "main.py", "extract-targets", str(SCAN)], cwd=ROOT, capture_output=True,
                         text=True, encoding="utf-8", timeout=300)
    assert out.returncode == 0, out.stderr
    targets = json.loads(out.stdout)
    assert len(targets) >= 15 and all(t["from_ocr"] is True for t in targets)


def test_the_import_dialog_counts_pages_and_cancel_stops_the_recognition(qtbot, tab, monkeypatch):
    from conftest import go_to
    from PySide6.QtCore import Qt, QThreadPool
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from ui import dialogs

    reading_page = threading.Event()
    go_on = threading.Event()
    read_pages = []
    real = ocr._read_page

    def slow_read(api, page):  # holds page 1 until the clerk has pressed Hủy
        read_pages.append(1)
        reading_page.set()
        go_on.wait(90)
        return real(api, page)

    monkeypatch.setattr(ocr, "_read_page", slow_read)
    monkeypatch.setattr(dialogs, "warn", lambda parent, text: pytest.fail(text))
    wizard = tab.create()
    go_to(wizard, 2)
    with qtbot.waitSignal(wizard.targets.import_finished, timeout=90_000) as finished:
        wizard.targets.import_file(str(SCAN))
        progress = wizard.targets.findChild(QProgressDialog)
        qtbot.waitUntil(lambda: progress.labelText() == "Đang nhận dạng trang 1/2…", timeout=90_000)
        assert progress.maximum() == 2
        cancel = next(b for b in progress.findChildren(QPushButton) if b.text() == "Hủy")
        qtbot.mouseClick(cancel, Qt.LeftButton)
    go_on.set()
    assert finished.args == [False]
    assert QThreadPool.globalInstance().waitForDone(60_000)
    assert reading_page.is_set() and len(read_pages) == 1  # page 2 was never recognised
    assert wizard.targets.superior.rowCount() == 0


@pytest.fixture(scope="module")
def scanned_table():
    return read_document(TABLE_SCAN)


def test_a_scanned_table_is_read_row_by_row_each_cell_in_its_column(scanned_table):
    rows = [line.cells for line in scanned_table.lines if line.cells is not None]
    assert rows[0] == ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025"]  # "năm" / "2025" wrapped in its cell
    assert len(rows) == 6 and all(len(cells) == 4 for cells in rows)
    by_label = {cells[1]: cells[2:] for cells in rows}
    # a label wrapped onto a second line comes back whole, in its own row, next to its unit and its plan
    assert by_label["Số xã đạt chuẩn nông thôn mới nâng cao"] == ["xã", "1"]  # a lone "1" is kept
    assert by_label["Tỷ lệ hộ nghèo (giảm so với năm 2024)"] == ["%", "giảm 0,77"]
    assert by_label["Tỷ lệ đất cây xanh đô thị"] == ["m²/người", "8"]
    # the text around the table reads as before: its heading above, the paragraph under it in one line
    texts = [line.text for line in scanned_table.lines]
    assert texts[0] == "2. Chỉ tiêu thi đua năm 2025"
    assert texts[-1].startswith("3. Các cơ quan, đơn vị căn cứ chỉ tiêu") and texts[-1].endswith("năm 2025.")


def test_the_targets_of_a_scanned_table_come_with_their_values_units_and_comparators(scanned_table):
    found = {(t.comparator, t.value, t.unit): t for t in extract_targets(scanned_table)}
    assert found.keys() >= {("~", 28603.61, "tỷ đồng"), ("=", 8, "m²/người"), ("=", 1, "xã"),
                            ("reduce_by", 0.77, "%")}
    assert found[("=", 1, "xã")].indicator == "Số xã đạt chuẩn nông thôn mới nâng cao"
    assert found[("=", 8, "m²/người")].indicator == "Tỷ lệ đất cây xanh đô thị"
    # "≥ 100" is read as "> 100" by the engine: the value and unit are right, the clerk checks the sign
    assert any(t.value == 100 and t.unit == "%" and t.indicator == "Thu ngân sách nhà nước trên địa bàn"
               for t in found.values())


def test_a_page_filled_by_a_table_is_not_taken_for_a_page_lying_sideways(tmp_path):
    # a table's long vertical rules once made the page look turned a quarter, and it was read sideways
    table = Image.open(TABLE_SCAN)
    body = table.crop((0, 235, table.width, 690))  # the five rows under the header
    page = Image.new("L", (table.width, 2339), 255)
    for k in range(5):
        page.paste(body, (0, 40 + k * body.height))
    path = tmp_path / "trang-bang.png"
    page.save(path, dpi=(200, 200))
    labels = [line.cells[1] for line in read_document(path).lines if line.cells is not None]
    assert labels.count("Tỷ lệ đất cây xanh đô thị") == 5 and len(labels) == 25


def test_a_table_row_broken_across_two_pages_is_read_as_one_row(monkeypatch, tmp_path):
    header = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025"]
    first_row = ["1", "Cơ cấu các ngành", "%", "khoảng 10,49"]
    pages = [ocr.RecognisedPage([["2. Chỉ tiêu thi đua"], ocr.Table([header, first_row]),
                                 ["3"]], 90),  # the page number under the table
             ocr.RecognisedPage([["Ỉ", "|"], ocr.Table([["", "kinh tế - Dịch vụ", "", ""],  # specks of the edge
                                                        ["2", "Tỷ lệ hộ nghèo", "%", "giảm 0,77"]]),
                                 ["II. TỔ CHỨC THỰC HIỆN"]], 90)]
    monkeypatch.setattr(ocr, "recognise", lambda data, name, on_page=None: pages)
    path = tmp_path / "ban-quet.png"
    path.write_bytes(b"two pages recognised above")
    document = read_document(path)
    assert [line.cells for line in document.lines if line.cells is not None] == [
        header, ["1", "Cơ cấu các ngành kinh tế - Dịch vụ", "%", "khoảng 10,49"],
        ["2", "Tỷ lệ hộ nghèo", "%", "giảm 0,77"]]
    assert [line.text for line in document.lines if line.cells is None] == [
        "2. Chỉ tiêu thi đua", "II. TỔ CHỨC THỰC HIỆN"]
    found = {(t.indicator, t.comparator, t.value, t.unit) for t in extract_targets(document)}
    assert ("Cơ cấu các ngành kinh tế - Dịch vụ", "~", 10.49, "%") in found


def test_a_framed_box_of_one_column_on_a_scan_reads_as_ordinary_lines(monkeypatch, tmp_path):
    box = ocr.Table([["Tỷ lệ hộ nghèo giảm 1,5% trong năm 2025."], ["Thu ngân sách đạt 45 tỷ đồng."]])
    monkeypatch.setattr(ocr, "recognise", lambda data, name, on_page=None: [ocr.RecognisedPage([box], 90)])
    path = tmp_path / "khung.png"
    path.write_bytes(b"one page recognised above")
    document = read_document(path)
    assert [(line.text, line.cells) for line in document.lines] == [
        ("Tỷ lệ hộ nghèo giảm 1,5% trong năm 2025.", None), ("Thu ngân sách đạt 45 tỷ đồng.", None)]
    assert {(t.value, t.unit) for t in extract_targets(document)} >= {(1.5, "%"), (45, "tỷ đồng")}


def test_ocr_confusions_of_units_and_brackets_are_put_right():
    assert ocr.tidy("m?/người") == "m²/người" and ocr.tidy("diện tích 20 km? rừng") == "diện tích 20 km² rừng"
    assert ocr.tidy("Mục tiêu tăng trưởng GRDP 2025 {%)") == "Mục tiêu tăng trưởng GRDP 2025 (%)"
    assert ocr.tidy("Tổng vốn đầu tư (tỷ đồng}") == "Tổng vốn đầu tư (tỷ đồng)"
    assert ocr.tidy("Em? Có m? không") == "Em? Có m? không"  # a question stays a question
    assert ocr.tidy("H") == "II" and ocr.tidy("IH") == "III"  # a group row's number alone on its line


def test_specks_read_as_marks_do_not_glue_the_recipients_to_the_last_sentence():
    # "2025./. `": a lone mark from a speck kept the sentence open, and "Nơi nhận:" was joined to it
    assert ocr.tidy("nhiệm kỳ 2020 - 2025./. `") == "nhiệm kỳ 2020 - 2025./."
    assert ocr.tidy("~ (4) Thu ngân sách nhà nước") == "- (4) Thu ngân sách nhà nước"  # a dash read as "~"
    assert ocr.tidy("tăng từ 5 ~ 7%") == "tăng từ 5 ~ 7%"


def test_page_3_marks_what_was_read_from_a_scan_until_the_clerk_changes_it(qtbot, db, tab, tmp_path, monkeypatch):
    from conftest import go_to, last_plan
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    from ui import dialogs
    from ui.wizard.target_models import SCAN_NOTE

    writer = pypdf.PdfWriter(clone_from=SCAN)
    writer.insert_blank_page(index=1)  # a blank sheet fed between the two pages
    path = tmp_path / "ke-hoach-tinh-ban-quet.pdf"
    writer.write(path)
    messages = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, text: messages.append(text))
    monkeypatch.setattr(dialogs, "ask_open_file", lambda *a: str(path))
    wizard = tab.create()
    qtbot.waitExposed(wizard)
    go_to(wizard, 2)
    page = wizard.targets
    assert "bản quét .pdf, .png, .jpg, .tif" in page.subTitle()
    with qtbot.waitSignal(page.import_finished, timeout=300_000) as finished:
        qtbot.mouseClick(page.open_button, Qt.LeftButton)
    assert finished.args == [True]
    assert messages == ["Không nhận dạng được chữ ở trang 2 của bản quét."]
    assert page.scan_note.isVisible()
    assert page.scan_note.text().startswith("⚠ «ke-hoach-tinh-ban-quet.pdf» được đọc từ bản quét (OCR)")
    superior = page.superior
    assert superior.rowCount() >= 15
    for r in range(superior.rowCount()):  # every value read from the scan carries the mark and says why
        value = superior.index(r, 2)
        assert superior.data(value, Qt.ToolTipRole) == SCAN_NOTE and superior.data(value, Qt.DecorationRole)
    qtbot.mouseClick(page.select_none, Qt.LeftButton)
    for r in (0, 1):
        superior.setData(superior.index(r, 0), Qt.Checked, Qt.CheckStateRole)
    qtbot.mouseClick(page.adopt_button, Qt.LeftButton)

    def marked(model, row):
        return model.data(model.index(row, 6)).endswith(" · từ bản quét")

    model = page.model
    assert model.rowCount() == 2 and marked(model, 0) and marked(model, 1)
    cell = model.index(1, 2)
    page.view.setCurrentIndex(cell)
    page.view.edit(cell)  # the clerk checked the paper and types the right value
    editor = page.view.viewport().findChild(QLineEdit)
    editor.selectAll()
    QTest.keyClicks(editor, "3.500")
    QTest.keyClick(editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: not marked(model, 1))
    assert marked(model, 0) and model.data(model.index(1, 2), Qt.DecorationRole) is None
    wizard.close()
    tab.model.refresh()
    tab.select(last_plan(db).id)
    again = tab.open_selected().targets  # reopened: the value not checked yet is still marked
    assert marked(again.model, 0) and not marked(again.model, 1)
    assert not again.scan_note.isHidden() and "trang 2" not in again.scan_note.text()
