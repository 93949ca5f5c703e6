"""Pages 4–8: mục đích và yêu cầu, nội dung by field, khen thưởng, tổ chức thực hiện, người ký."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)
from core.defaults import award_deadline
from core.drafts import AssignmentData, DraftContext, PlanDraft, RecipientData
from core.operations.settings import DEFAULT_DRAFTING_UNIT
from core.catalogue import in_force_on, level_rank
from core.plans import FIELD_LABELS, award_sentence, plan_date, unit_name
from core.terms import Field, SectionKind
from ui.date_edit import DateEdit
from ui.widgets import RowsModel, fit_columns, refusal_label
from ui.wizard.base import PlanPage, required

BULLETS_HINT = "Mỗi dòng là một ý (khi in sẽ thành một gạch đầu dòng)."


def _text_edit(page: PlanPage, placeholder: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(placeholderText=placeholder)
    edit.setTabChangesFocus(True)
    edit.textChanged.connect(page.changed)
    return edit


def _lines(edit: QPlainTextEdit) -> str:
    return "\n".join(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


class PurposePage(PlanPage):
    """Page 4 "Mục đích, yêu cầu"."""

    def __init__(self, parent=None):
        super().__init__("4. Mục đích, yêu cầu", BULLETS_HINT, parent)
        self.purpose = _text_edit(self)
        self.requirement = _text_edit(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(required("1. Mục đích")))
        layout.addWidget(self.purpose)
        layout.addWidget(QLabel(required("2. Yêu cầu")))
        layout.addWidget(self.requirement)

    def inputs(self):
        return [self.purpose, self.requirement]

    def load(self, plan: PlanDraft, context: DraftContext) -> None:
        self.purpose.setPlainText(plan.section(SectionKind.PURPOSE, heading="Mục đích").body)
        self.requirement.setPlainText(plan.section(SectionKind.REQUIREMENT, heading="Yêu cầu").body)

    def store(self, plan: PlanDraft) -> None:
        plan.section(SectionKind.PURPOSE, heading="Mục đích").body = _lines(self.purpose)
        plan.section(SectionKind.REQUIREMENT, heading="Yêu cầu").body = _lines(self.requirement)


CONTENT_FIELDS = [Field.ECONOMY, Field.CULTURE_SOCIETY, Field.ENVIRONMENT, Field.DEFENCE_SECURITY,
                  Field.PARTY_GOVERNMENT]


class ContentPage(PlanPage):
    """Page 5 "Nội dung thi đua": a heading and a text for each field; an empty text is left out."""

    def __init__(self, parent=None):
        super().__init__("5. Nội dung thi đua",
                         "Nội dung thi đua theo từng lĩnh vực. Để trống lĩnh vực nào thì lĩnh vực đó không in.", parent)
        grid = QGridLayout(self)
        self.headings: dict[Field, QLineEdit] = {}
        self.bodies: dict[Field, QPlainTextEdit] = {}
        for row, field in enumerate(CONTENT_FIELDS):
            heading = QLineEdit()
            heading.textEdited.connect(self.changed)
            body = _text_edit(self)
            self.headings[field], self.bodies[field] = heading, body
            grid.addWidget(QLabel(f"<b>{FIELD_LABELS[field]}</b>"), row * 2, 0)
            grid.addWidget(heading, row * 2, 1)
            grid.addWidget(body, row * 2 + 1, 0, 1, 2)

    def inputs(self):
        return [*self.headings.values(), *self.bodies.values()]

    def load(self, plan: PlanDraft, context: DraftContext) -> None:
        for field in CONTENT_FIELDS:
            section = plan.section(SectionKind.CONTENT, field, f"Thi đua về {FIELD_LABELS[field].lower()}")
            self.headings[field].setText(section.heading)
            self.bodies[field].setPlainText(section.body)

    def store(self, plan: PlanDraft) -> None:
        for field in CONTENT_FIELDS:
            section = plan.section(SectionKind.CONTENT, field)
            section.heading = self.headings[field].text().strip()
            section.body = _lines(self.bodies[field])


COMPILE_DAYS = 10  # the commune's dossier deadline comes this many days before the superior's
LEVEL_LABELS = {"commune": "xã tặng", "district": "đề nghị huyện", "province": "đề nghị tỉnh",
                "central": "đề nghị Trung ương"}


class AwardPage(PlanPage):
    """Page 6 "Khen thưởng": award forms from the catalogue, criteria text, dossier deadline."""

    def __init__(self, parent=None):
        super().__init__("6. Khen thưởng", "Chọn hình thức khen thưởng rồi bấm «Thêm vào nội dung»; "
                         "có thể sửa câu chữ. " + BULLETS_HINT, parent)
        self.forms = QListWidget()
        self._commune = "xã"  # "xã Hòa Phong" once a plan is loaded
        self.insert = QPushButton("Thêm các hình thức đã chọn vào nội dung")
        self.insert.clicked.connect(self.insert_forms)
        self.text = _text_edit(self)
        self.deadline = DateEdit()
        self.deadline.changed.connect(self.changed)
        self.superior_note = QLabel(wordWrap=True, styleSheet="color:#555")
        self.basis = QLabel(wordWrap=True, styleSheet="color:#555")
        self.forms.currentItemChanged.connect(
            lambda item, _prev: self.basis.setText(f"Căn cứ: {item.data(Qt.UserRole + 1)}" if item else ""))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.forms, 1)
        top.addWidget(self.insert)
        layout.addLayout(top)
        layout.addWidget(self.basis)
        layout.addWidget(QLabel("Tiêu chí và hình thức khen thưởng:"))
        layout.addWidget(self.text, 1)
        form = QFormLayout()
        form.addRow("Hạn nộp hồ sơ đề nghị khen thưởng:", self.deadline)
        layout.addLayout(form)
        layout.addWidget(self.superior_note)

    def inputs(self):
        return [self.forms, self.insert, self.text, self.deadline]

    def insert_forms(self) -> None:
        """Add one bullet per ticked award form to the text (who gives it, to whom); a line already there is not
        repeated."""
        present = set(_lines(self.text).splitlines())
        lines = []
        for i in range(self.forms.count()):
            item = self.forms.item(i)
            if item.checkState() == Qt.Checked:
                line = award_sentence(item.data(Qt.UserRole), self._commune)
                if line not in present and line not in lines:
                    lines.append(line)
                item.setCheckState(Qt.Unchecked)
        if lines:
            self.text.setPlainText("\n".join(filter(None, [_lines(self.text), *lines])))

    def load(self, plan: PlanDraft, context: DraftContext) -> None:
        self._commune = unit_name(context.settings) if context.settings else "xã"
        self.forms.clear()
        day = plan_date(plan.kind, plan.year, plan.campaign_start, plan.issue_date)
        offered = [f for f in context.award_forms if in_force_on(f, day)]
        for form in sorted(offered, key=lambda f: (level_rank(f.granting_level), f.name)):  # ours first
            item = QListWidgetItem(f"{form.name} ({LEVEL_LABELS.get(form.granting_level, form.granting_level)})")
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            item.setData(Qt.UserRole, form)
            item.setData(Qt.UserRole + 1, form.legal_basis)
            self.forms.addItem(item)
        self.text.setPlainText(plan.section(SectionKind.AWARD, heading="Khen thưởng").body)
        self.deadline.set_value(plan.award_deadline,
                                suggested=award_deadline(plan.kind, plan.year, plan.campaign_end))

    def store(self, plan: PlanDraft) -> None:
        plan.section(SectionKind.AWARD, heading="Khen thưởng").body = _lines(self.text)
        plan.award_deadline = self.deadline.value()

    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        """An unreadable deadline is said beside the field instead of moving on."""
        return self.deadline.check()

    def use_superior_deadlines(self, deadlines: list) -> None:
        """The superior wants award dossiers by a date: the commune's own deadline is set that many days
        earlier (:data:`COMPILE_DAYS`, to check and compile them), and the superior's sentence is shown."""
        due = [d for d in deadlines if d.for_awards and d.day - dt.timedelta(days=COMPILE_DAYS) >= dt.date.today()]
        if not due:  # none, or already past (an old superior plan): nothing to set
            return
        self.deadline.set_value(due[0].day - dt.timedelta(days=COMPILE_DAYS))
        self.superior_note.setText(f"Cấp trên: «{due[0].sentence}». Hạn của xã được đặt sớm hơn {COMPILE_DAYS} "
                                   "ngày để kịp tổng hợp; có thể sửa.")
        self.changed.emit()


class OrganisationPage(PlanPage):
    """Page 7 "Tổ chức thực hiện": assignments (unit, task, deadline) and Nơi nhận."""

    def __init__(self, parent=None):
        super().__init__("7. Tổ chức thực hiện", "Phân công nhiệm vụ cho từng đơn vị, và danh sách nơi nhận "
                         "(mỗi dòng một nơi; dòng cuối thường là «Lưu: VT, VP»).", parent)
        self.model = RowsModel(["Đơn vị", "Nhiệm vụ", "Thời hạn"], date_columns=(2,))
        self._drafting_unit = DEFAULT_DRAFTING_UNIT  # the settings' once a plan is loaded
        self._assignments: list[AssignmentData] = []
        self._recipients: list[RecipientData] = []
        self.model.edited.connect(self.changed)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setToolTip("Nhấn đúp vào ô để sửa; thời hạn gõ theo dạng 15/12/2026.")
        fit_columns(self.table, 1)
        self.add = QPushButton("Thêm đơn vị")
        self.remove = QPushButton("Xóa dòng đã chọn")
        self.add.clicked.connect(self._add)
        self.remove.clicked.connect(self._remove)
        self.recipients = _text_edit(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addWidget(refusal_label(self.model), 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(required("Nơi nhận:")))
        layout.addWidget(self.recipients, 1)

    def inputs(self):
        return [self.table, self.add, self.remove, self.recipients]

    def _add(self) -> None:
        self._assignments.append(AssignmentData(""))
        self.model.add_row(["", "", None])

    def _remove(self) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            del self._assignments[row]
            self.model.remove_row(row)

    def add_superior_deadlines(self, deadlines: list) -> None:
        """One assignment of the drafting unit per date the superior set (plan or report, award dossiers) that
        is still ahead, unless a row with that date is there already."""
        known = {row[2] for row in self.model.rows}
        for d in deadlines:
            if d.day in known or d.day < dt.date.today():
                continue
            task = ("Tổng hợp hồ sơ đề nghị khen thưởng, gửi cấp trên" if d.for_awards
                    else "Tham mưu gửi kế hoạch, báo cáo về cấp trên")
            self._assignments.append(AssignmentData(self._drafting_unit))
            self.model.add_row([self._drafting_unit, task, d.day])
            known.add(d.day)

    def load(self, plan: PlanDraft, context: DraftContext) -> None:
        self._drafting_unit = (context.settings.drafting_unit if context.settings else "") or DEFAULT_DRAFTING_UNIT
        self._assignments = list(plan.assignments)  # row i of the table edits self._assignments[i]
        self._recipients = list(plan.recipients)
        self.model.set_rows([[a.unit, a.task, a.deadline] for a in plan.assignments])
        self.recipients.setPlainText("\n".join(r.name for r in plan.recipients))

    def store(self, plan: PlanDraft) -> None:
        for a, (unit, task, deadline) in zip(self._assignments, self.model.rows, strict=True):
            a.unit, a.task, a.deadline = (unit or "").strip(), task or "", deadline
        plan.assignments = [a for a in self._assignments if a.unit]
        names = [line.strip().lstrip("-").strip().rstrip(";.") for line in self.recipients.toPlainText().splitlines()]
        names = [n for n in names if n]
        # Nơi nhận is one text: line i keeps the row of the i-th recipient, so an unchanged line stays unchanged.
        kept = self._recipients
        self._recipients = [kept[i] if i < len(kept) else RecipientData(n) for i, n in enumerate(names)]
        for r, n in zip(self._recipients, names, strict=True):
            r.name = n
        plan.recipients = list(self._recipients)


AUTHORITIES = {"TM.": ("TM. Ủy ban nhân dân — Chủ tịch ký", "CHỦ TỊCH"),
               "KT.": ("KT. Chủ tịch — Phó Chủ tịch ký thay", "PHÓ CHỦ TỊCH")}


class SignerPage(PlanPage):
    """Page 8 "Người ký": authority (TM. / KT.), title and name (NĐ 30/2020/NĐ-CP, Phụ lục I, mục II.7)."""

    def __init__(self, parent=None):
        super().__init__("8. Người ký", "Chủ tịch ký thay mặt Ủy ban (TM.), hoặc Phó Chủ tịch ký thay Chủ tịch (KT.).",
                         parent)
        self.authority = QComboBox()
        for code, (label, _title) in AUTHORITIES.items():
            self.authority.addItem(label, code)
        self.title_edit = QLineEdit()
        self.name = QComboBox(editable=True)
        form = QFormLayout(self)
        form.addRow(required("Thẩm quyền ký:"), self.authority)
        form.addRow(required("Chức vụ:"), self.title_edit)
        form.addRow(required("Họ và tên:"), self.name)
        self.authority.currentIndexChanged.connect(self._authority_changed)
        self.authority.currentIndexChanged.connect(self.changed)
        self.title_edit.textEdited.connect(self.changed)
        self.name.editTextChanged.connect(self.changed)
        self._people: dict[str, list[str]] = {}

    def inputs(self):
        return [self.authority, self.title_edit, self.name]

    def _authority_changed(self) -> None:
        code = self.authority.currentData()
        self.title_edit.setText(AUTHORITIES[code][1])
        self.name.clear()
        self.name.addItems(self._people.get(code, []))

    def load(self, plan: PlanDraft, context: DraftContext) -> None:
        settings = context.settings
        self._people = {"TM.": [settings.chairman_name] if settings and settings.chairman_name else [],
                        "KT.": list(settings.vice_chairmen or []) if settings else []}
        self.authority.setCurrentIndex(max(0, self.authority.findData(plan.signer_authority)))
        self._authority_changed()
        self.title_edit.setText(plan.signer_title)
        self.name.setEditText(plan.signer_name)

    def store(self, plan: PlanDraft) -> None:
        plan.signer_authority = self.authority.currentData()
        plan.signer_title = self.title_edit.text().strip().upper()
        plan.signer_name = self.name.currentText().strip()
