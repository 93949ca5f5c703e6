"""Giấy khen on the pre-printed blanks (phôi): painting certificates at the calibrated positions (mm), printing one,
a selection or all of a Quyết định's to the printer or to PDF, and the calibration dialog where the clerk nudges
each field by millimetres and prints a test sheet. Text in the serif of ``ui.printing`` (Times New Roman, else the
bundled Liberation Serif)."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QSizeF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPagedPaintDevice, QPainter, QPen
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from core.certificates import Certificate, Placement, sample
from core.operations import season as ops
from ui.date_edit import VIETNAMESE
from ui import dialogs
from ui.printing import serif_family

PDF_FILTER = "PDF (*.pdf)"


def _page(device: QPagedPaintDevice, size_mm: tuple[float, float]) -> None:
    """The blank's size, no margins: positions are measured from the paper's top-left corner."""
    orientation = QPageLayout.Landscape if size_mm[0] > size_mm[1] else QPageLayout.Portrait
    page = QPageSize(QSizeF(min(size_mm), max(size_mm)), QPageSize.Millimeter, "", QPageSize.ExactMatch)
    device.setPageLayout(QPageLayout(page, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Millimeter))


def _wrap(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and metrics.horizontalAdvance(trial) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines


def paint_certificate(painter: QPainter, texts: dict[str, str], placements: list[Placement], dpi: float,
                      marks: bool = False) -> None:
    """Draw each field's text at its placement: x (mm) is the centre of a centred field or the left end of a
    left-aligned one, y (mm) the first line's baseline; long texts wrap within the field's width, lines 1.2 × the
    size apart. ``marks`` adds a small cross at each anchor (the calibration print)."""
    per_mm = dpi / 25.4
    for p in placements:
        text = texts.get(p.key, "")
        font = QFont(serif_family())
        font.setPointSizeF(p.field.size)
        font.setBold(p.field.bold)
        font.setItalic(p.field.italic)
        painter.setFont(font)
        metrics = QFontMetricsF(font, painter.device())
        x, y = p.x * per_mm, p.y * per_mm
        if marks:
            painter.setPen(QPen(Qt.gray, 0))
            painter.drawLine(QPointF(x - 3 * per_mm, y), QPointF(x + 3 * per_mm, y))
            painter.drawLine(QPointF(x, y - 3 * per_mm), QPointF(x, y + 3 * per_mm))
        painter.setPen(Qt.black)
        for n, line in enumerate(_wrap(text, metrics, p.field.width * per_mm)):
            width = metrics.horizontalAdvance(line)
            left = x - width / 2 if p.field.align == "center" else x
            painter.drawText(QPointF(left, y + n * p.field.size * 1.2 / 72 * dpi), line)


def paint(job: ops.CertificateJob, device: QPagedPaintDevice, chosen: list[Certificate] | None = None,
          marks: bool = False) -> int:
    """Paint the certificates ``chosen`` (all of ``job`` when None), one page each, on ``device`` (a printer or a
    PDF writer); returns the page count. Raises ``OSError`` when the device cannot be started."""
    certificates = job.certificates if chosen is None else chosen
    if not certificates:
        return 0
    _page(device, job.layouts[certificates[0].form_code][0])
    painter = QPainter()
    if not painter.begin(device):
        raise OSError(errno.EACCES, "không mở được tệp hoặc máy in để ghi", getattr(device, "fileName", lambda: None)())
    try:
        for n, certificate in enumerate(certificates):
            size, placements = job.layouts[certificate.form_code]
            if n:
                _page(device, size)
                device.newPage()
            paint_certificate(painter, certificate.texts, placements, device.resolution(), marks)
    finally:
        painter.end()
    return len(certificates)


def write_pdf(job: ops.CertificateJob, path: Path | str, chosen: list[Certificate] | None = None,
              marks: bool = False) -> int:
    """The certificates as a PDF at ``path`` (1200 dpi, fonts embedded); returns the page count. Needs a
    Q(Gui)Application; raises ``OSError`` when the file cannot be written."""
    from PySide6.QtGui import QPdfWriter

    with open(path, "wb"):  # a missing or read-only folder, a file open in a viewer: a clear OSError
        pass
    writer = QPdfWriter(str(path))
    writer.setResolution(1200)
    writer.setCreator("thidua-xa")
    writer.setTitle("Giấy khen")
    return paint(job, writer, chosen, marks)


def write_pdf_headless(job: ops.CertificateJob, path: Path | str) -> int:
    """:func:`write_pdf` from the command line: starts an offscreen QGuiApplication when none runs."""
    import os

    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        write_pdf_headless.app = QGuiApplication([])  # kept alive for the painting
    return write_pdf(job, path)


def print_on_printer(parent, job: ops.CertificateJob, chosen: list[Certificate], marks: bool = False) -> bool:
    """Ask for a printer (Qt's print dialog) and print ``chosen`` on it; False when cancelled."""
    printer = QPrinter(QPrinter.HighResolution)
    if QPrintDialog(printer, parent).exec() != QDialog.Accepted:
        return False
    paint(job, printer, chosen, marks)
    return True


class CalibrationDialog(QDialog):
    """Where each field of one award form's blank prints: x and y in millimetres from the paper's top-left corner,
    by steps of 0,5 mm; "In thử" prints the fields' names with a cross at each anchor to hold against a blank."""

    def __init__(self, db, form_code: str, form_name: str, parent=None):
        super().__init__(parent, windowTitle=f"Căn chỉnh vị trí in: {form_name}")
        self.db, self.form_code, self.form_name = db, form_code, form_name
        self.size, placements = ops.form_layout(db, form_code)
        self.placements = {p.key: p for p in placements}
        self.boxes: dict[str, tuple[QDoubleSpinBox, QDoubleSpinBox]] = {}
        form = QFormLayout()
        for key, p in self.placements.items():
            row = QHBoxLayout()
            boxes = []
            for axis, value, top in (("ngang", p.x, self.size[0]), ("dọc", p.y, self.size[1])):
                box = QDoubleSpinBox(minimum=0, maximum=top, singleStep=0.5, decimals=1, suffix=" mm", value=value)
                box.setLocale(VIETNAMESE)  # 148,5 mm: a decimal comma, as the clerk writes it
                row.addWidget(QLabel(axis))
                row.addWidget(box)
                boxes.append(box)
            self.boxes[key] = (boxes[0], boxes[1])
            form.addRow(f"{p.field.label}:", row)
        test = QPushButton("In thử…")
        test.clicked.connect(self.print_test)
        buttons = QDialogButtonBox()
        buttons.addButton("Lưu vị trí", QDialogButtonBox.AcceptRole)
        buttons.addButton("Hủy", QDialogButtonBox.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Phôi {self.size[0]:g} × {self.size[1]:g} mm. Đo từ góc trên bên trái của tờ giấy; "
                                "dòng chữ nằm trên vạch ngang của dấu thập.", wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(test)
        layout.addWidget(buttons)

    def positions(self) -> dict[str, tuple[float, float]]:
        """The anchors as the clerk set them."""
        return {key: (x.value(), y.value()) for key, (x, y) in self.boxes.items()}

    def _job(self) -> ops.CertificateJob:
        placements = [Placement(key, p.field, *self.positions()[key]) for key, p in self.placements.items()]
        test = Certificate(0, self.form_code, sample(self.form_name, dt.date.today()))
        return ops.CertificateJob([test], {self.form_code: (self.size, placements)}, {self.form_code: self.form_name})

    def print_test(self) -> bool:
        """Print the calibration sheet (fields' names with anchor crosses) on a printer the clerk chooses."""
        return print_on_printer(self, self._job(), self._job().certificates, marks=True)

    def accept(self) -> None:
        """Save the positions and close; a refused position is told to the clerk and the dialog stays open."""
        try:
            ops.save_form_layout(self.db, self.form_code, self.positions())
        except ValueError as exc:
            dialogs.warn(self, str(exc))
            return
        super().accept()


class CertificatesDialog(QDialog):
    """The Giấy khen of one issued Quyết định: tick one, several or all, print them or write a PDF; each award
    form's field positions are calibrated from here."""

    def __init__(self, db, document: ops.DocumentInfo, parent=None):
        super().__init__(parent, windowTitle=f"In giấy khen theo Quyết định số {document.number}")
        self.db, self.document = db, document
        self.job = ops.certificate_job(db, document.id)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        for c in self.job.certificates:
            self.list.addItem(f"{c.texts['name']} — {self.job.form_names[c.form_code]}")
        self.list.selectAll()
        self.form = QComboBox()
        for code, name in self.job.form_names.items():
            self.form.addItem(name, code)
        calibrate = QPushButton("Căn chỉnh vị trí in…")
        calibrate.clicked.connect(self.calibrate)
        row = QHBoxLayout()
        row.addWidget(QLabel("Phôi của:"))
        row.addWidget(self.form, 1)
        row.addWidget(calibrate)
        buttons = QDialogButtonBox()
        for label, slot in (("In…", self.print_selected), ("Xuất PDF…", self.pdf_selected)):
            buttons.addButton(label, QDialogButtonBox.ActionRole).clicked.connect(slot)
        buttons.addButton("Đóng", QDialogButtonBox.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Chọn giấy khen cần in (Ctrl hoặc Shift để chọn nhiều; mặc định: tất cả):"))
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(620, 460)

    def chosen(self) -> list[Certificate]:
        """The certificates selected in the list, in list order."""
        rows = sorted(self.list.row(item) for item in self.list.selectedItems())
        return [self.job.certificates[r] for r in rows]

    def calibrate(self) -> bool:
        """Open the calibration of the chosen form's blank; the job reads the saved positions afterwards."""
        code = self.form.currentData()
        if code is None:
            return False
        dialog = CalibrationDialog(self.db, code, self.form.currentText(), self)
        if dialog.exec() != QDialog.Accepted:
            return False
        self.job = ops.certificate_job(self.db, self.document.id)
        return True

    def print_selected(self) -> bool:
        """Print the selected certificates on a printer the clerk chooses."""
        return bool(self.chosen()) and print_on_printer(self, self.job, self.chosen())

    def pdf_selected(self) -> str | None:
        """Write the selected certificates to a PDF the clerk names."""
        number = self.document.number.split("/")[0]
        path = dialogs.ask_save_file(self, "Xuất giấy khen ra PDF", f"Giay-khen-QD-{number}.pdf", PDF_FILTER)
        if not path or not self.chosen():
            return None
        try:
            write_pdf(self.job, path, self.chosen())
        except OSError as exc:
            dialogs.warn(self, f"Không ghi được tệp «{path}» ({exc.strerror or exc}).")
            return None
        dialogs.exported(self, f"Đã xuất {len(self.chosen())} giấy khen ra {path}", path)
        return path
