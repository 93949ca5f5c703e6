"""Tab "Mùa khen thưởng": a year's council sessions, the Chairman's Quyết định and the Tờ trình to the superior,
the register of granted awards, and writing the season's documents. Every action calls
:mod:`core.operations.season`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.operations import season as ops
from core.season_docs import TemplateError, user_templates_dir
from ui import dialogs, season_dialogs
from ui.certificates import CertificatesDialog, write_pdf

if TYPE_CHECKING:
    from core.db import Database


_ROOT = QModelIndex()  # the invisible root: a flat table's rows hang from it


def _day(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


class RowsModel(QAbstractTableModel):
    """Rows of text under named columns, with the record each row stands for (``keys``)."""

    def __init__(self, headers: list[tuple[str, int]], parent=None):
        super().__init__(parent)
        self.headers = [title for title, _width in headers]
        self.widths = [width for _title, width in headers]  # in characters
        self.rows: list[list[str]] = []
        self.keys: list = []

    def set_rows(self, rows: list[list[str]], keys: list) -> None:
        """Show ``rows``; ``keys[i]`` is what row ``i`` stands for."""
        self.beginResetModel()
        self.rows, self.keys = rows, keys
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 (Qt name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return len(self.headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):  # noqa: N802
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return self.rows[index.row()][index.column()]
        return None


def _view(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    view.setMinimumHeight(40)  # three lists share the tab: a small window still fits them
    char = view.fontMetrics().averageCharWidth()
    for col, width in enumerate(model.widths):
        view.setColumnWidth(col, width * char + 12)
    return view


class SeasonTab(QWidget):
    """The award season of one year, step by step: Hội đồng bình xét → Quyết định of the Chairman (xã quyết
    định) and Tờ trình to the superior (đề nghị cấp trên) → the superior's reply → the register."""

    def __init__(self, db: Database, parent=None, today=dt.date.today):
        super().__init__(parent)
        self.db = db
        self.today = today
        self.year = QSpinBox(minimum=2000, maximum=2100, value=today().year)
        self.year.valueChanged.connect(lambda _y: self.refresh())
        self.councils = RowsModel([("Ngày họp", 11), ("Địa điểm", 40), ("Có mặt", 8), ("Đề nghị được xét", 16),
                                   ("Đạt", 6)], self)
        self.documents = RowsModel([("Văn bản", 28), ("Số", 14), ("Ngày", 11), ("Trạng thái", 12),
                                    ("Danh sách", 60)], self)
        self.register = RowsModel([("Họ và tên / tên", 26), ("Đối tượng", 11), ("Đơn vị", 26),
                                   ("Hình thức, danh hiệu", 40), ("Năm", 6), ("Số quyết định", 14),
                                   ("Ngày quyết định", 12)], self)
        self.council_view, self.document_view, self.register_view = (
            _view(m) for m in (self.councils, self.documents, self.register))
        self.waiting = QLabel(wordWrap=True)
        self.search = QLineEdit(placeholderText="Tìm trong sổ khen thưởng (gõ không dấu cũng được)…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._fill_register())
        self.buttons: dict[str, QPushButton] = {}
        for key, label, slot in [
                ("council", "Họp Hội đồng…", self.hold_council), ("decision", "Lập quyết định khen thưởng",
                                                                 lambda: self.create(ops.DECISION)),
                ("proposal", "Lập tờ trình cấp trên", lambda: self.create(ops.PROPOSAL)),
                ("issue", "Ban hành / gửi…", self.issue_selected), ("delete", "Xóa bản nháp", self.delete_selected),
                ("reply", "Kết quả của cấp trên…", self.reply_selected),
                ("certificates", "In giấy khen…", self.print_certificates),
                ("write", "Xuất các văn bản của năm…", self.write_all)]:
            self.buttons[key] = QPushButton(label)
            self.buttons[key].clicked.connect(slot)
        self.buttons["write"].setToolTip("Biên bản, quyết định và danh sách, tờ trình và danh sách (.docx, .xlsx). "
                                         f"Mẫu riêng của tỉnh đặt trong thư mục {user_templates_dir()}.")
        top = QHBoxLayout()
        top.addWidget(QLabel("Năm xét khen thưởng:"))
        top.addWidget(self.year)
        top.addStretch()
        top.addWidget(self.buttons["write"])
        council_box = self._box("1. Hội đồng Thi đua - Khen thưởng bình xét", self.council_view, ["council"])
        document_box = self._box("2. Quyết định của Chủ tịch xã và tờ trình cấp trên", self.document_view,
                                 ["decision", "proposal", "issue", "delete", "reply", "certificates"])
        document_box.layout().insertWidget(0, self.waiting)
        register_box = self._box("3. Sổ khen thưởng: các khen thưởng đã có quyết định của năm (tìm kiếm: mọi năm)",
                                 self.register_view, [])
        register_box.layout().insertWidget(0, self.search)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(council_box, 1)
        layout.addWidget(document_box, 2)
        layout.addWidget(register_box, 2)
        self.refresh()

    def _box(self, title: str, view: QTableView, keys: list[str]) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(view)
        for start in range(0, len(keys), 3):  # three buttons a row: the tab fits a small window
            row = QHBoxLayout()
            for key in keys[start:start + 3]:
                row.addWidget(self.buttons[key])
            row.addStretch()
            layout.addLayout(row)
        return box

    # -- data
    def refresh(self) -> None:
        """Read the year's sessions, documents, waiting nominations and the register again."""
        year = self.year.value()
        sessions = ops.councils(self.db, year)
        self.councils.set_rows([[_day(c.held_on), c.place, c.members, str(len(c.votes)),
                                 str(sum(v[3] for v in c.votes))] for c in sessions], [c.id for c in sessions])
        docs = ops.documents(self.db, year)
        self.documents.set_rows([[d.label, d.number or "(chưa có số)", _day(d.issue_date),
                                  ("Đã ban hành" if d.kind == ops.DECISION else "Đã gửi") if d.issued else "Bản nháp",
                                  f"{len(d.names)}: " + ", ".join(d.names)] for d in docs], docs)
        decision = ops.candidate_names(self.db, ops.DECISION, year)
        proposal = ops.candidate_names(self.db, ops.PROPOSAL, year)
        self.waiting.setText(f"Đã bình xét, chờ quyết định của xã: {len(decision)} · chờ trình cấp trên: "
                             f"{len(proposal)}.")
        self.buttons["decision"].setEnabled(bool(decision))
        self.buttons["proposal"].setEnabled(bool(proposal))
        self._fill_register()

    def _fill_register(self) -> None:
        text = self.search.text()  # a search looks through every year; otherwise the year's awards
        found = ops.register(self.db, text, None if text.strip() else self.year.value())
        self.register.set_rows([[r.name, r.kind, r.unit, r.form, str(r.year or ""), r.decision_number,
                                 _day(r.decision_date)] for r in found], [r.nomination_id for r in found])

    def selected_document(self) -> ops.DocumentInfo | None:
        """The document under the cursor, or None."""
        index = self.document_view.currentIndex()
        return self.documents.keys[index.row()] if index.isValid() else None

    # -- actions
    def hold_council(self) -> bool:
        """Record a session of the council and its votes (the nominations of the year being prepared)."""
        year = self.year.value()
        to_vote = ops.to_vote(self.db, year)
        if not to_vote:
            dialogs.inform(self, f"Năm {year} không có đề nghị nào đang chờ Hội đồng bình xét.")
            return False
        data = season_dialogs.ask_council(self, year, to_vote, *ops.council_defaults(self.db))
        if data is None:
            return False
        try:
            ops.record_council(self.db, data)
        except ops.SeasonError as exc:
            dialogs.warn(self, str(exc))
            return False
        self.refresh()
        return True

    def create(self, kind: str) -> bool:
        """A draft Quyết định or Tờ trình listing the nominations waiting for it."""
        try:
            ops.create_document(self.db, kind, self.year.value())
        except ops.SeasonError as exc:
            dialogs.warn(self, str(exc))
            return False
        self.refresh()
        return True

    def issue_selected(self) -> bool:
        """Ban hành the selected Quyết định (its nominations are granted) or send the selected Tờ trình."""
        document = self.selected_document()
        if document is None or document.issued:
            dialogs.inform(self, "Hãy chọn một văn bản còn là bản nháp.")
            return False
        decision = document.kind == ops.DECISION
        note = ("Sau khi ban hành, các cá nhân, tập thể trong danh sách được ghi là đã có quyết định với số và ngày "
                "này; quyết định không sửa được nữa (muốn điều chỉnh, hãy lập quyết định mới)." if decision else
                "Sau khi gửi, các đề nghị trong danh sách được ghi là đã trình cấp trên; tờ trình không sửa được nữa.")
        number, day = "", self.today()
        while True:  # a refused number (already used this year) opens the dialog again with what was typed
            answer = dialogs.ask_issue(self, number, day, title=f"Ban hành {document.label.lower()}", note=note,
                                       action="Ban hành" if decision else "Gửi")
            if answer is None:
                return False
            try:
                ops.issue_document(self.db, document.id, *answer)
            except ops.SeasonError as exc:
                dialogs.warn(self, str(exc))
                number, day = answer
                continue
            self.refresh()
            return True

    def delete_selected(self) -> bool:
        """Delete the selected draft after asking (its nominations wait again)."""
        document = self.selected_document()
        if document is None or document.issued:
            dialogs.inform(self, "Chỉ xóa được văn bản còn là bản nháp.")
            return False
        if not dialogs.confirm(self, f"Xóa bản nháp {document.label.lower()} ({len(document.names)} đề nghị)?"):
            return False
        ops.delete_document(self.db, document.id)
        self.refresh()
        return True

    def reply_selected(self) -> bool:
        """Record the superior's answer to the selected Tờ trình, once sent."""
        document = self.selected_document()
        if document is None or document.kind != ops.PROPOSAL or not document.issued:
            dialogs.inform(self, "Hãy chọn một tờ trình đã gửi cấp trên.")
            return False
        answer = season_dialogs.ask_reply(self, ops.items(self.db, document.id))
        if answer is None:
            return False
        replies, number, day = answer
        try:
            for nomination_id, granted in replies:
                ops.record_reply(self.db, nomination_id, granted, number, day)
        except ops.SeasonError as exc:
            dialogs.warn(self, str(exc))
        self.refresh()
        return True

    def print_certificates(self):
        """Open the Giấy khen of the selected issued Quyết định: print one, several or all, or write a PDF."""
        document = self.selected_document()
        if document is None or document.kind != ops.DECISION or not document.issued:
            dialogs.inform(self, "Hãy chọn một quyết định khen thưởng đã ban hành.")
            return None
        dialog = CertificatesDialog(self.db, document, self)
        dialog.open()
        return dialog

    def write_all(self) -> list[ops.Written]:
        """Write every document of the year's season into a folder the clerk chooses."""
        folder = season_dialogs.ask_folder(self, "Chọn thư mục ghi các văn bản khen thưởng")
        if not folder:
            return []
        try:
            written = ops.write_documents(self.db, self.year.value(), Path(folder), certificates_pdf=write_pdf)
        except (ops.SeasonError, TemplateError) as exc:
            dialogs.warn(self, str(exc))
            return []
        except OSError as exc:
            dialogs.warn(self, f"Không ghi được tệp «{exc.filename}» ({exc.strerror or exc}). "
                               "Tệp có đang mở trong Word hoặc Excel không?")
            return []
        if not written:
            dialogs.inform(self, f"Năm {self.year.value()} chưa có văn bản nào để xuất.")
            return []
        if dialogs.confirm(self, f"Đã ghi {len(written)} tệp vào {folder}. Mở thư mục?", yes="Mở thư mục",
                           no="Đóng"):
            dialogs.open_path(self, Path(folder))
        return written
