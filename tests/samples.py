"""Input documents made for the tests: a fictional district's superior plan as .docx (list or table) and PDF.

The wording is ours; the structure follows real plans (NĐ 30 header table, numbered parts, a targets list
"2. Chỉ tiêu thi đua" with "- (n)" items), so the readers and the wizard meet what a clerk imports.
"""

from __future__ import annotations

from pathlib import Path

import docx

TARGETS = [  # (item text, indicator, value, unit)
    ("Tổng giá trị sản xuất khoảng 28.603,61 tỷ đồng", "Tổng giá trị sản xuất", 28603.61, "tỷ đồng"),
    ("Tốc độ tăng trưởng tổng giá trị sản phẩm trên địa bàn khoảng 9,48%",
     "Tốc độ tăng trưởng tổng giá trị sản phẩm trên địa bàn", 9.48, "%"),
    ("Thu ngân sách nhà nước trên địa bàn đạt 100% dự toán được giao",
     "Thu ngân sách nhà nước trên địa bàn (dự toán được giao)", 100, "%"),
    ("Tỷ lệ che phủ rừng đạt 35,6%", "Tỷ lệ che phủ rừng", 35.6, "%"),
    ("Tỷ lệ chất thải rắn sinh hoạt được thu gom và xử lý đạt 85%",
     "Tỷ lệ chất thải rắn sinh hoạt được thu gom và xử lý", 85, "%"),
    ("Giải quyết việc làm trong năm: 1.600 người", "Giải quyết việc làm trong năm", 1600, "người"),
    ("Tỷ lệ lao động qua đào tạo đạt 51%", "Tỷ lệ lao động qua đào tạo", 51, "%"),
    ("Tỷ lệ hộ nghèo giảm 0,77%", "Tỷ lệ hộ nghèo", 0.77, "%"),
    ("Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng dưới 5,9%", "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng", 5.9, "%"),
    ("Tỷ lệ gia đình văn hóa đạt 85%", "Tỷ lệ gia đình văn hóa", 85, "%"),
    ("Tỷ lệ tham gia bảo hiểm y tế đạt 96%", "Tỷ lệ tham gia bảo hiểm y tế", 96, "%"),
    ("Thu nhập bình quân đầu người: 60 triệu đồng/người/năm", "Thu nhập bình quân đầu người", 60,
     "triệu đồng/người/năm"),
]


def _header(document) -> None:
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.text = "ỦY BAN NHÂN DÂN\nHUYỆN BÌNH SƠN\nSố: 21/KH-UBND"
    right.text = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                  "Bình Sơn, ngày 03 tháng 02 năm 2025")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Phát động phong trào thi đua thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2025")
    document.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    document.add_paragraph("- Huy động toàn thể cán bộ, công chức và Nhân dân tham gia phong trào thi đua.")
    document.add_paragraph("II. NỘI DUNG VÀ CHỈ TIÊU THI ĐUA")
    document.add_paragraph("1. Nội dung thi đua")
    document.add_paragraph("- Thi đua phát triển kinh tế, bảo đảm an sinh xã hội.")
    document.add_paragraph("2. Chỉ tiêu thi đua")


def superior_plan_docx(path: Path, as_table: bool = False, nested: bool = False) -> Path:
    """Write the fictional plan of huyện Bình Sơn (12 targets) at ``path``; its targets as a table if asked,
    that table inside the one cell of a layout table if ``nested``."""
    document = docx.Document()
    _header(document)
    if as_table:
        container = document.add_table(rows=1, cols=1).cell(0, 0) if nested else document
        table = container.add_table(rows=1, cols=4)
        heads = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm 2025"]
        for cell, text in zip(table.rows[0].cells, heads, strict=True):
            cell.text = text
        for n, (_item, indicator, value, unit) in enumerate(TARGETS, 1):
            row = table.add_row().cells
            written = f"{value:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".").rstrip("0").rstrip(",")
            for cell, text in zip(row, [str(n), indicator, unit, written], strict=True):
                cell.text = text
    else:
        for n, (item, *_rest) in enumerate(TARGETS, 1):
            document.add_paragraph(f"- ({n}) {item};")
    document.add_paragraph("III. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("Các xã, thị trấn gửi hồ sơ đề nghị khen thưởng trước ngày 15/12/2025.")
    document.save(path)
    return path


def text_pdf(path: Path, lines: list[str]) -> Path:
    """A one-page A4 PDF with a text layer, one drawn line per item of ``lines`` (needs a QGuiApplication)."""
    from PySide6.QtCore import QMarginsF, QPointF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    from ui.printing import serif_family

    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait, QMarginsF(20, 20, 20, 20),
                                     QPageLayout.Millimeter))
    painter = QPainter(writer)
    painter.setFont(QFont(serif_family(), 11))
    step = painter.fontMetrics().height() * 1.4
    for n, line in enumerate(lines):
        painter.drawText(QPointF(0, step * (n + 1)), line)
    painter.end()
    return path
