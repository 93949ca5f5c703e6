"""Page 3 "Kế hoạch cấp trên và chỉ tiêu": import the superior plan, adopt and adjust its targets."""

from __future__ import annotations

from typing import TYPE_CHECKING

import contextlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from core.drafts import DraftContext, PlanDraft
from core.operations import superior as ops
from core.plans import COMPARATOR_LABELS, FIELD_LABELS, scope_problem
from core.ocr import Cancelled, progress_text, unread_text
from core.reading import DocumentError
from core.superior import ReadPlan, read_superior_plan
from core.terms import Comparator, Field
from core.text import fold
from ui import dialogs
from ui.widgets import ChoiceDelegate, fit_columns
from ui.wizard.base import PlanPage
from ui.wizard.target_models import SCAN_COLOUR, Row, SuperiorModel, TargetsModel, adopted, highlighted_source

if TYPE_CHECKING:
    from core.db import Database

FILE_FILTER = "Kế hoạch (*.docx *.pdf *.txt *.md *.png *.jpg *.jpeg *.tif *.tiff);;Tất cả (*)"
log = logging.getLogger(__name__)


class _Reading(QObject):
    """One superior plan being read in a worker thread; ``done`` carries a ReadPlan, a DocumentError, or None when
    Hủy stopped the recognition of a scan (``cancelled``, checked between pages); ``page`` tells its progress."""

    done = Signal(object)
    page = Signal(int, int)  # page being recognised (from 1), page count

    cancelled = False

    def _on_page(self, page: int, pages: int) -> bool:
        if not self.cancelled:
            try:
                self.page.emit(page, pages)
            except RuntimeError:  # the wizard was closed meanwhile: nobody waits for the rest
                self.cancelled = True
        return not self.cancelled

    def run(self, path: str) -> None:
        try:
            result = read_superior_plan(path, self._on_page)
        except DocumentError as exc:
            result = exc
        except Cancelled:
            result = None
        except Exception:  # a library failing on a strange file: one sentence for the clerk, detail in the log
            log.exception("reading %s failed", path)
            result = DocumentError("Không đọc được tệp này; hãy thử bản .docx hoặc .pdf khác của văn bản.")
        with contextlib.suppress(RuntimeError):  # the wizard was closed meanwhile
            self.done.emit(result)


class TargetsPage(PlanPage):
    """Targets of the superior plan on the left (tick and adopt), the commune's targets on the right (edit)."""

    imported = Signal(object, int)  # SuperiorHeader, superior document id
    import_finished = Signal(bool)  # after every import_file: whether a plan was imported
    deadlines_found = Signal(list)  # the SuperiorDeadline list of a newly imported plan
    dropped = Signal(int)  # the superior document id the clerk took off this plan

    def __init__(self, db: Database, parent=None):
        super().__init__("3. Kế hoạch cấp trên và chỉ tiêu",
                         "Mở tệp kế hoạch cấp trên (.docx, .pdf, .txt, hoặc bản quét .pdf, .png, .jpg, .tif): các chỉ "
                         "tiêu hiện ở bảng bên trái. "
                         "Đánh dấu và đưa vào kế hoạch của xã, rồi sửa giá trị cho phù hợp.", parent)
        self.db = db
        self._reading: _Reading | None = None  # the import under way
        self._year: int | None = None  # the plan's year
        self._documents: list[ops.SuperiorPlanView] = []  # the superior plans imported for this plan
        self._rejected: set[int] = set()  # superior targets the clerk chose not to adopt
        self._removed: list[list[tuple[int, Row]]] = []  # removals Ctrl+Z brings back, newest last
        self.superior = SuperiorModel(self)
        self.superior.ticks_changed.connect(self._ticks_changed)
        self.model = TargetsModel(self)
        self.model.edited.connect(self.changed)
        self.model.edited.connect(self._update_warnings)
        self.open_button = QPushButton("Mở kế hoạch cấp trên…")
        self.open_button.clicked.connect(self.open_superior)
        self.drop_button = QPushButton("Bỏ kế hoạch này…", visible=False)
        self.drop_button.setToolTip("Bỏ kế hoạch cấp trên đang hiện khỏi kế hoạch của xã (nhập nhầm tệp); các chỉ tiêu "
                                    "đã đưa vào vẫn giữ.")
        self.drop_button.clicked.connect(self.drop_shown)
        self.superior_label = QLabel("Chưa mở kế hoạch cấp trên.", wordWrap=True)
        self.documents = QComboBox()  # which of the plan's superior plans is shown
        self.documents.setToolTip("Các kế hoạch cấp trên đã nhập cho kế hoạch này")
        self.documents.activated.connect(lambda i: self._show(self._documents[i]))
        self.superior_view = QTableView()
        self.superior_view.setModel(self.superior)
        fit_columns(self.superior_view, 1, max_chars=14)
        self.superior_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.superior_view.doubleClicked.connect(lambda index: self.adopt_rows([index.row()]))
        self.adopt_button = QPushButton("Đưa các chỉ tiêu đã chọn vào kế hoạch ›")
        self.adopt_button.clicked.connect(self.adopt_ticked)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setItemDelegateForColumn(1, ChoiceDelegate(COMPARATOR_LABELS, self.view))
        self.view.setItemDelegateForColumn(5, ChoiceDelegate(FIELD_LABELS, self.view))
        fit_columns(self.view, 0, max_chars=12)
        self.view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.add_button = QPushButton("Thêm chỉ tiêu riêng của xã")
        self.remove_button = QPushButton("Xóa")
        self.remove_button.setToolTip("Xóa các chỉ tiêu đã chọn (phím Delete); Ctrl+Z để lấy lại")
        self.confirm_button = QPushButton("Xác nhận đúng cho xã")
        self.confirm_button.setToolTip("Chỉ tiêu có vẻ của cấp trên (tính cho cả tỉnh, số tiền quy mô tỉnh) nhưng "
                                       "xã giữ đúng như vậy: bấm để xác nhận.")
        self.confirm_button.clicked.connect(self.confirm_scope)
        self.up_button = QPushButton("Lên")
        self.down_button = QPushButton("Xuống")
        self.group_button = QPushButton("Xếp theo lĩnh vực")
        self.add_button.clicked.connect(self.add_own)
        self.remove_button.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence.Delete, self.view, activated=self.remove_selected, context=Qt.WidgetShortcut)
        QShortcut(QKeySequence.Undo, self, activated=self.undo_remove, context=Qt.WidgetWithChildrenShortcut)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.group_button.clicked.connect(self.model.group_by_field)
        self.select_all = QPushButton("Chọn tất cả")
        self.select_none = QPushButton("Bỏ chọn")
        self.select_field = QComboBox()
        self.select_field.addItem("Chọn theo lĩnh vực…", None)
        for value, label in FIELD_LABELS.items():
            self.select_field.addItem(label, value)
        self.select_all.clicked.connect(lambda: self.superior.tick(lambda t: True))
        self.select_none.clicked.connect(lambda: self.superior.tick(lambda t: False))
        self.select_field.activated.connect(self._tick_field)
        self.adopted = QLabel(wordWrap=True)
        self.source = QLabel(wordWrap=True, textInteractionFlags=Qt.TextSelectableByMouse, textFormat=Qt.RichText)
        self.source.setFixedHeight(3 * self.source.fontMetrics().lineSpacing() + 6)  # the buttons never jump
        # under the source while a plan read from a scan is shown, the colour of its values in the tables
        self.scan_note = QLabel(wordWrap=True, visible=False, styleSheet=f"background: {SCAN_COLOUR}; padding: 2px")
        self.warnings = QLabel(wordWrap=True, styleSheet="color: #9a3412")
        self.superior_view.selectionModel().currentRowChanged.connect(self._show_superior_source)
        self.view.selectionModel().currentRowChanged.connect(self._show_source)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        opening = QHBoxLayout()
        opening.addWidget(self.open_button, 1)
        opening.addWidget(self.drop_button)
        left_layout.addLayout(opening)
        left_layout.addWidget(self.documents)
        left_layout.addWidget(self.superior_label)
        choose = QHBoxLayout()
        for widget in (self.select_all, self.select_none, self.select_field):
            choose.addWidget(widget)
        choose.addStretch()
        left_layout.addLayout(choose)
        left_layout.addWidget(self.superior_view)
        left_layout.addWidget(self.adopt_button)
        left_layout.addWidget(self.adopted)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel("<b>Chỉ tiêu thi đua của xã</b>"))
        self.edit_hint = QLabel("Nhấn đúp vào một ô để sửa.")
        right_layout.addWidget(self.edit_hint)
        right_layout.addWidget(self.view)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button, self.group_button,
                  self.confirm_button):
            buttons.addWidget(b)
        buttons.addStretch()
        right_layout.addLayout(buttons)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([430, 800])
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.source)
        layout.addWidget(self.scan_note)
        layout.addWidget(self.warnings)

    def inputs(self):
        return [self.open_button, self.drop_button, self.adopt_button, self.add_button, self.remove_button,
                self.up_button, self.down_button, self.group_button, self.confirm_button, self.view, self.select_all,
                self.select_none, self.select_field]

    def hints(self):
        return [self.edit_hint, self.adopted]

    def _tick_field(self, index: int) -> None:
        field = self.select_field.itemData(index)
        if field is not None:
            self.superior.tick(lambda t: t.field == field)
        self.select_field.setCurrentIndex(0)

    # -- superior plan
    def open_superior(self) -> None:
        """Ask for a superior plan file, import it, and list its targets."""
        path = dialogs.ask_open_file(self, "Chọn tệp kế hoạch cấp trên", FILE_FILTER)
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Read ``path`` in a worker thread behind a progress dialog with Hủy, then store it (once per file
        content) and list its targets; a file that cannot be read gets its message. Emits ``import_finished``."""
        reading = _Reading(self)
        progress = QProgressDialog(f"Đang đọc «{Path(path).name}» và tìm các chỉ tiêu…", "Hủy", 0, 0, self)
        progress.setWindowTitle("Nhập kế hoạch cấp trên")
        progress.setWindowModality(Qt.WindowModal)
        progress.setMinimumDuration(400)
        self._reading = reading
        progress.canceled.connect(lambda: setattr(reading, "cancelled", True))
        progress.canceled.connect(lambda: self._finish_import(reading, None, progress))
        reading.page.connect(lambda page, pages: self._show_page(reading, progress, page, pages))
        reading.done.connect(lambda result: self._finish_import(reading, result, progress))
        QThreadPool.globalInstance().start(lambda: reading.run(path))

    def _show_page(self, reading: _Reading, progress: QProgressDialog, page: int, pages: int) -> None:
        if reading is self._reading:  # not cancelled meanwhile
            progress.setRange(0, pages)
            progress.setValue(page - 1)
            progress.setLabelText(progress_text(page, pages))

    def _finish_import(self, reading: _Reading, result: ReadPlan | DocumentError | None, progress) -> None:
        if reading is not self._reading:  # cancelled before: its late result is dropped
            return
        self._reading = None
        progress.reset()
        progress.deleteLater()
        if result is None or isinstance(result, DocumentError):
            if result is not None:
                dialogs.warn(self, str(result))
            self.import_finished.emit(False)
            return
        shown = ops.import_superior_plan(self.db, result)
        self._documents = [d for d in self._documents if d.id != shown.id] + [shown]
        self.changed.emit()  # the plan now lists this superior plan
        self._list_documents()
        self.imported.emit(shown.header, shown.id)
        self.deadlines_found.emit(shown.deadlines)
        if shown.already_imported:
            self.superior_label.setText(self.superior_label.text() + " (tệp này đã nhập trước đây)")
        if shown.unread_pages:
            dialogs.warn(self, unread_text(shown.unread_pages))
        self.import_finished.emit(True)

    def _list_documents(self) -> None:
        """The combo box of the plan's superior plans (hidden while there is at most one), and show the newest;
        with none, say so."""
        self.documents.clear()
        for d in self._documents:
            self.documents.addItem(f"{d.file_name} (nhập {d.imported_at:%d/%m/%Y})", d.id)
        self.documents.setVisible(len(self._documents) > 1)
        self.drop_button.setVisible(bool(self._documents))
        if self._documents:
            self._show(self._documents[-1])
        else:
            self.superior.set_rows([], set())
            self.scan_note.hide()
            self.superior_label.setText("Chưa mở kế hoạch cấp trên.")
            self.superior_label.setToolTip("")

    def drop_shown(self) -> bool:
        """Take the superior plan shown off this plan (a file imported by mistake), after asking: its targets
        leave the left table, the căn cứ made from it goes (page 2); the targets already adopted stay."""
        index = self.documents.currentIndex()  # the one shown (the list is hidden while there is one)
        if index < 0:
            return False
        doc = self._documents[index]
        if not dialogs.confirm(self, f"Bỏ kế hoạch cấp trên «{doc.file_name}» khỏi kế hoạch này? Căn cứ lấy từ văn "
                                     "bản đó cũng được bỏ; các chỉ tiêu đã đưa vào kế hoạch của xã vẫn giữ.",
                               yes="Bỏ"):
            return False
        del self._documents[index]
        self._list_documents()
        self.dropped.emit(doc.id)
        self.changed.emit()
        self._update_warnings()
        return True

    def _show(self, doc: ops.SuperiorPlanView) -> None:
        """List the targets of the superior plan ``doc`` (those the clerk rejected unticked) and the deadlines
        it sets; a plan read from a scan says so under the source, with the pages that yielded nothing."""
        self.documents.setCurrentIndex(self.documents.findData(doc.id))
        self.adopted.clear()  # what was said of the plan shown before
        targets, due = doc.targets, doc.deadlines
        name = doc.file_name + (" (bản quét)" if doc.from_ocr else "")
        self.superior.set_rows(targets, self._rejected)
        unsure = self.superior.unsure_count()
        self.scan_note.setVisible(doc.from_ocr)
        self.scan_note.setText(f"⚠ «{doc.file_name}» được đọc từ bản quét (OCR): hãy đối chiếu số liệu của từng chỉ "
                               "tiêu (ô nền vàng) với bản giấy."
                               + (f" {unread_text(doc.unread_pages)}" if doc.unread_pages else ""))
        self.superior_label.setText(
            f"<b>{name}</b>: {len(targets) - unsure} chỉ tiêu đọc được"
            + (f", {unsure} câu có thể là chỉ tiêu (chưa chọn, xem cuối bảng)." if unsure else "."))
        if not targets:
            self.superior_label.setText(f"<b>{name}</b>: không tìm thấy chỉ tiêu nào; hãy thêm chỉ tiêu bằng tay.")
        if due:
            self.superior_label.setText(self.superior_label.text() + "<br>Hạn cấp trên đặt: " + "; ".join(
                f"<b>{d.day:%d/%m/%Y}</b> ({'hồ sơ khen thưởng' if d.for_awards else 'kế hoạch, báo cáo'})"
                for d in due))
            self.superior_label.setToolTip("\n".join(d.sentence for d in due))
        self._update_warnings()

    def _ticks_changed(self, ticked: list[int], unticked: list[int]) -> None:
        """The clerk ticked or unticked superior targets: an unticked one stays rejected for this plan."""
        self._rejected.difference_update(ticked)
        self._rejected.update(unticked)
        self.changed.emit()

    def adopt_ticked(self) -> None:
        """Adopt every ticked superior target not adopted yet."""
        self.adopt_rows([i for i, ticked in enumerate(self.superior.ticked) if ticked])

    def adopt_rows(self, rows: list[int]) -> None:
        """Adopt the superior targets at ``rows``, keeping the link to each; one adopted already is not added
        again."""
        taken = {r.derived_from_id for r in self.model.rows}
        chosen = [self.superior.rows[i] for i in rows]
        self._rejected.difference_update(t.id for t in chosen)
        new = [Row(t.indicator, t.comparator, t.value, t.value_max, t.unit, t.field, t.source_text, t.id,
                   **adopted(t))
               for t in chosen if t.id not in taken]
        self.model.add_rows(new)  # one insertion: the view and the warnings update once
        already = len(chosen) - len(new)
        if not chosen:
            self.adopted.setText("Chưa chọn chỉ tiêu nào: đánh dấu ở cột «Chọn» trước.")
        else:
            self.adopted.setText(f"Đã đưa {len(new)} chỉ tiêu vào kế hoạch của xã"
                                 + (f" ({already} chỉ tiêu đã có từ trước)." if already else "."))

    # -- the commune's targets
    def add_own(self) -> None:
        """Add a commune-only target and start editing its name."""
        self.model.add_row(Row("Chỉ tiêu mới", Comparator.EQ, None, None, "%", Field.OTHER))
        index = self.model.index(len(self.model.rows) - 1, 0)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def remove_selected(self) -> bool:
        """Remove the selected targets after confirmation (Xóa, the Delete key); Ctrl+Z brings them back. An
        adopted target removed is unticked on the left, so "Đưa…" does not bring it back."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()}
                      or ({self.view.currentIndex().row()} - {-1}))
        if not rows:
            return False
        names = "; ".join(f"«{self.model.rows[r].indicator}»" for r in rows[:3]) + (" …" if len(rows) > 3 else "")
        if not dialogs.confirm(self, f"Xóa {len(rows)} chỉ tiêu khỏi kế hoạch: {names}? Có thể lấy lại bằng Ctrl+Z.",
                               yes="Xóa", no="Không xóa"):
            return False
        removed = [(r, self.model.rows[r]) for r in rows]
        for r in reversed(rows):
            self.model.remove_row(r)
        self._removed.append(removed)
        adopted = [row.derived_from_id for _r, row in removed if row.derived_from_id]
        if adopted:
            self.superior.untick(adopted)
            self._rejected.update(adopted)
        return True

    def undo_remove(self) -> None:
        """Ctrl+Z: put back the targets removed last, where they were."""
        if not self._removed:
            return
        for r, row in self._removed.pop():
            self.model.insert_row(min(r, len(self.model.rows)), row)
            if row.derived_from_id:
                self.superior.tick_ids([row.derived_from_id])
                self._rejected.discard(row.derived_from_id)

    def confirm_scope(self) -> None:
        """The clerk keeps the selected targets that look like the superior's as they are, for the commune."""
        for index in self.view.selectionModel().selectedRows() or [self.view.currentIndex()]:
            if index.isValid():
                self.model.rows[index.row()].scope_confirmed = True
        self.model.edited.emit()

    def _move(self, delta: int) -> None:
        row = self.view.currentIndex().row()
        if row >= 0:
            self.view.selectRow(self.model.move_row(row, delta))

    def _show_source(self, current, _previous) -> None:
        if current.isValid():
            row = self.model.rows[current.row()]
            self.source.setText(f"<i>Nguồn:</i> {highlighted_source(row.source_text, row.value)}"
                                if row.source_text else "<i>Chỉ tiêu riêng của xã.</i>")

    def _show_superior_source(self, current, _previous) -> None:
        if current.isValid():
            t = self.superior.rows[current.row()]
            self.source.setText(f"<i>Nguồn:</i> {highlighted_source(t.source_text, t.value)}")

    def _update_warnings(self) -> None:
        """Targets weaker than the superior's (a hint), the same indicator adopted twice, targets that look like
        the superior's territory or amounts (they block Ban hành until changed or confirmed), a superior plan
        of another year."""
        lines = []
        weak = [r.indicator for r in self.model.rows if r.weaker()]
        if weak:
            lines.append("⚠ Thấp hơn chỉ tiêu cấp trên giao: " + "; ".join(weak) + ". Vẫn lưu được nếu xã có lý do.")
        seen: dict[str, int] = {}
        for r in self.model.rows:
            key = fold(r.indicator)
            seen[key] = seen.get(key, 0) + 1
        twice = [r.indicator for r in self.model.rows if seen[fold(r.indicator)] > 1]
        if twice:
            lines.append("⚠ Chỉ tiêu trùng nhau (cùng một chỉ tiêu đưa vào hai lần, có thể từ hai kế hoạch cấp trên): "
                         + "; ".join(dict.fromkeys(twice)) + ". Hãy giữ một.")
        theirs = [f"{r.indicator} ({why})" for r in self.model.rows
                  if not r.scope_confirmed and (why := scope_problem(r.indicator, r.value, r.unit))]
        if theirs:
            lines.append("⚠ Có vẻ là chỉ tiêu của cấp trên, chưa ban hành được: " + "; ".join(theirs)
                         + ". Hãy sửa cho phù hợp với xã, hoặc chọn rồi bấm «Xác nhận đúng cho xã».")
        for d in self._documents:
            if d.year and self._year and d.year != self._year:
                lines.append(f"⚠ Kế hoạch cấp trên «{d.file_name}» là của năm {d.year}, kế hoạch này là năm "
                             f"{self._year}.")
        self.warnings.setText("\n".join(lines))

    def set_year(self, year: int) -> None:
        """The plan's year changed on page 1: the year warnings follow it."""
        self._year = year
        self._update_warnings()

    def load(self, plan: PlanDraft, context: DraftContext) -> None:
        self._year = plan.year
        self._rejected = set(plan.rejected_target_ids)
        self._removed = []
        ids = {t.derived_from_id for t in plan.targets if t.derived_from_id}
        superiors = ops.superior_targets(self.db, ids)
        self.model.set_rows([Row(**vars(t), **adopted(superiors[t.derived_from_id]))
                             if t.derived_from_id in superiors else Row(**vars(t)) for t in plan.targets])
        self._documents = [d for d in (ops.superior_plan(self.db, i) for i in plan.superior_document_ids) if d]
        self._list_documents()
        self._update_warnings()

    def store(self, plan: PlanDraft) -> None:
        plan.targets = list(self.model.rows)
        plan.superior_document_ids = [d.id for d in self._documents]
        plan.rejected_target_ids = sorted(self._rejected)
