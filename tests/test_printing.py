"""The printed plan (print, print preview, PDF) has the .docx's pages: the same page rules, the same lines on
each page as LibreOffice renders the .docx, the header rules drawn as the decree wants them."""

import shutil
import subprocess

import docx
import pypdf
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from core.demo import create_demo_data
from core.export_docx import export_docx
from core.layout import build_layout
from core.models import Plan, SectionKind
from core.settings import load_settings
from ui import printing

A4_TEXT_HEIGHT = (297 - 40) * 72 / 25.4 * printing.SCALE  # the page less NĐ 30's top and bottom margins


def _long_layout(db, table: bool, extra: int = 6):
    """The demo plan made 4–6 pages long, signed by a vice-chairman (KT.), targets as a list or a table."""
    create_demo_data(db)
    with db.session() as s:
        plan = s.get(Plan, 1)
        plan.signer_authority, plan.signer_title, plan.signer_name = "KT.", "Phó Chủ tịch", "Lê Thị Hoa"
        plan.targets_as_table = table
        for section in (sec for sec in plan.sections if sec.kind is SectionKind.CONTENT):
            section.body += "".join(
                f"\nTiếp tục đẩy mạnh nội dung thi đua số {i}, gắn với việc thực hiện các nhiệm vụ trọng tâm "
                f"của địa phương trong năm{' và các năm tiếp theo' * (i % 3)}." for i in range(extra))
        layout = build_layout(plan, load_settings(s))
        s.rollback()
    return layout


def _page_texts(path) -> list[str]:
    """Each page's text with every space and line break taken out (renderers split lines differently)."""
    return ["".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]


@pytest.mark.parametrize("table, extra", [(False, 6), (True, 4)], ids=["list", "table"])
def test_pages_follow_the_page_rules_of_the_docx(db, tmp_path, qapp, table, extra):
    layout = _long_layout(db, table, extra)
    pages = printing.paginate(layout, A4_TEXT_HEIGHT)
    assert len(pages) >= 4
    for page in pages[:-1]:
        last = page[-1]
        if isinstance(last.unit, printing._Text):
            assert not last.unit.para.keep, f"a heading ends a page: {last.unit.para.text}"
            if last.unit.count > 1:  # a split paragraph leaves two lines at least on each page
                assert last.index == last.unit.count - 1 or (last.index >= 1 and last.unit.count - last.index >= 3)
    for page in pages[1:]:
        first = page[0]
        if isinstance(first.unit, printing._Text) and first.index:
            assert first.index >= 2 and first.unit.count - first.index >= 2
    closing = pages[-1][-1]
    assert isinstance(closing.unit, printing._Grid) and len(pages[-1]) > 1  # never a signature alone on a page
    printing.write_pdf_headless(layout, tmp_path / "plan.pdf")
    texts = _page_texts(tmp_path / "plan.pdf")
    assert len(texts) == len(pages)
    assert "KT.CHỦTỊCHPHÓCHỦTỊCH" in texts[-1] and texts[-1].endswith("LêThịHoa")
    raw = "".join(page.extract_text() for page in pypdf.PdfReader(tmp_path / "plan.pdf").pages)
    assert "12/KH-UBND" in raw  # searchable in the PDF: "/" is kept from breaking a line without splitting the text
    if table:
        assert "đồng/người/năm" in raw
        continued = [t for t in texts if t.lstrip("0123456789").startswith("STTChỉtiêuĐơnvịtínhKếhoạch")]
        assert continued, "a page the targets table continues on starts with its header row"


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("table", [False, True], ids=["list", "table"])
@pytest.mark.parametrize("extra", [0, 4, 13])
def test_qt_pages_are_the_pages_libreoffice_makes_of_the_docx(db, tmp_path, qapp, table, extra):
    """Every page of the Qt PDF starts and ends with the text that starts and ends that page when LibreOffice
    renders the exported .docx (fonts: Liberation Serif, metric-compatible with Times New Roman, in both)."""
    layout = _long_layout(db, table, extra)
    export_docx(layout, tmp_path / "plan.docx")
    home = tmp_path / "home"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{home}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path / "lo"), str(tmp_path / "plan.docx")],
                   check=True, capture_output=True, timeout=240)
    printing.write_pdf_headless(layout, tmp_path / "qt.pdf")
    word, qt = _page_texts(tmp_path / "lo" / "plan.pdf"), _page_texts(tmp_path / "qt.pdf")
    assert len(qt) == len(word) >= 3
    for n, (a, b) in enumerate(zip(word, qt, strict=True), 1):
        assert (b[:40], b[-40:]) == (a[:40], a[-40:]), f"page {n}"


def _page_image(layout, dpi: int = 300) -> QImage:
    """Page 1 as the printer gets it, painted at ``dpi`` on white."""
    pages = printing.paginate(layout, A4_TEXT_HEIGHT)
    image = QImage(round(165 / 25.4 * dpi), round(257 / 25.4 * dpi), QImage.Format_RGB32)
    image.fill(Qt.white)
    painter = QPainter(image)
    painter.scale(dpi / 72 / printing.SCALE, dpi / 72 / printing.SCALE)
    printing._draw_page(painter, pages[0])
    painter.end()
    return image


def test_header_rules_are_solid_lines_of_the_decree_lengths_clear_of_the_text(db, qapp):
    """Three rules (under the issuing body, the tiêu ngữ, the trích yếu), 0.5–0.75 pt thick, the tiêu ngữ's as long
    as the tiêu ngữ and the others shorter than their text, each with white above it before the text."""
    layout = _long_layout(db, table=False, extra=0)
    dpi = 300
    image = _page_image(layout, dpi)
    black = [[QColor(image.pixel(x, y)).lightness() < 128 for x in range(image.width())]
             for y in range(image.height() // 3)]
    runs = []  # (row, start, length) of horizontal black runs longer than 10 mm
    for y, row in enumerate(black):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                if x - start > 10 / 25.4 * dpi:
                    runs.append((y, start, x - start))
            x += 1
    rules: dict[tuple[int, int], list[int]] = {}
    for y, start, length in runs:  # rows of one rule share start and length
        rules.setdefault((start, length), []).append(y)
    assert len(rules) == 3
    for (start, length), rows in rules.items():
        thickness_pt = len(rows) / dpi * 72
        assert 0.4 <= thickness_pt <= 0.9
        above = rows[0] - 1
        clear = 0
        while above >= 0 and not any(black[above][start:start + length]):
            clear, above = clear + 1, above - 1
        assert clear / dpi * 72 >= 1.5, "a rule touches the text above it"
    lengths_mm = sorted(length / dpi * 25.4 for _, length in rules)
    agency, title, motto = (layout.rules_mm[0], layout.rules_mm[2], layout.rules_mm[1])
    assert all(abs(drawn - wanted) <= 0.6 for drawn, wanted in zip(lengths_mm, sorted((agency, title, motto)),
                                                                    strict=True))


def test_the_docx_lines_have_the_exact_heights_the_print_uses(db, tmp_path):
    layout = _long_layout(db, table=True, extra=0)
    d = docx.Document(export_docx(layout, tmp_path / "plan.docx"))
    body = [p for p in d.paragraphs if p.text.startswith("Căn cứ")]
    assert body and all(p.paragraph_format.line_spacing.pt == 17 for p in body)
    assert all(p.paragraph_format.line_spacing.pt == 16 for row in d.tables[1].rows for c in row.cells
               for p in c.paragraphs)


def test_table_properties_are_in_the_order_word_requires(db, tmp_path):
    """Word refuses ("unreadable content") a w:tblPr whose children are out of the schema's order."""
    order = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
             "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"]
    layout = _long_layout(db, table=True, extra=0)
    d = docx.Document(export_docx(layout, tmp_path / "plan.docx"))
    for table in d.tables:
        tags = [child.tag.split("}")[1] for child in table._tbl.tblPr]
        assert tags == sorted(tags, key=order.index)
    assert any("tblCellMar" in [c.tag.split("}")[1] for c in t._tbl.tblPr] for t in d.tables)


def _word_bottoms(pdf, page: int, words: set[str]) -> dict[str, float]:
    """The bottom (pt from the page's top) of the first of each of ``words`` on ``page`` (1-based), by pdftotext."""
    import re

    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-"],
                         check=True, capture_output=True, text=True).stdout
    found: dict[str, float] = {}
    for y_max, word in re.findall(r'yMax="([\d.]+)">([^<]+)</word>', out):
        if word in words and word not in found:
            found[word] = float(y_max)
    return found


@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice (soffice) or poppler's pdftotext is not installed")
def test_qt_blocks_stand_at_the_heights_libreoffice_gives_them(db, tmp_path, qapp):
    """The Quốc hiệu level with the agency, the signer level with "Nơi nhận:", the page number at the .docx's
    header height: within 3.5 pt of LibreOffice's rendering of the .docx (fonts' boxes differ by ~2 pt)."""
    layout = _long_layout(db, table=False, extra=0)
    export_docx(layout, tmp_path / "plan.docx")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'home'}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path / "lo"), str(tmp_path / "plan.docx")],
                   check=True, capture_output=True, timeout=240)
    printing.write_pdf_headless(layout, tmp_path / "qt.pdf")
    lo, qt = tmp_path / "lo" / "plan.pdf", tmp_path / "qt.pdf"
    last = len(pypdf.PdfReader(qt).pages)
    for page, words in ((1, {"ỦY", "CỘNG"}), (2, {"2"}), (last, {"Nơi", "TM."})):
        a, b = _word_bottoms(lo, page, words), _word_bottoms(qt, page, words)
        assert set(a) == set(b) == words
        for word in words:
            assert abs(a[word] - b[word]) <= 3.5, f"page {page}, «{word}»: LibreOffice {a[word]}, Qt {b[word]}"


def test_print_preview_and_print_dialog_speak_vietnamese(qtbot, qapp):
    from PySide6.QtGui import QAction
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    from ui import translations

    translator = translations.install(qapp)
    try:
        preview = QPrintPreviewDialog(QPrinter())
        qtbot.addWidget(preview)
        tips = {a.toolTip() for a in preview.findChildren(QAction) if a.text()}
        assert {"Trang dọc", "Trang ngang", "Xem từng trang", "Xem hai trang cạnh nhau"} <= tips
        assert not tips & {"Portrait", "Landscape", "Show single page", "Show facing pages"}
        dialog = QPrintDialog(QPrinter())
        qtbot.addWidget(dialog)
        words = ({w.text() for w in dialog.findChildren(QLabel)}
                 | {w.text() for w in dialog.findChildren(QAbstractButton)}
                 | {w.title() for w in dialog.findChildren(QGroupBox)})
        assert {"Máy in", "Phạm vi in", "In tất cả", "Số bản:", "&Tùy chọn >>"} <= words
        assert not words & {"Printer", "Print range", "Print all", "Copies:", "&Options >>"}
    finally:
        qapp.removeTranslator(translator)


def test_the_rule_under_the_motto_is_as_long_as_the_motto(qapp):
    from PySide6.QtGui import QFontMetricsF

    from core.layout import MOTTO, MOTTO_WIDTH_MM

    printed = QFontMetricsF(printing._font(14, bold=True)).horizontalAdvance(MOTTO) / printing._mm(1)
    assert abs(printed - MOTTO_WIDTH_MM) <= 0.5
