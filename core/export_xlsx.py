"""The nomination list sent to the superior level (danh sách đề nghị khen thưởng) as .xlsx, and its import.

Layout of provincial templates (GUIDE §4): individuals — STT, Họ và tên, Giới tính, Ngày sinh, Chức vụ,
Đơn vị công tác, Hình thức đề nghị, Năm, Tóm tắt thành tích, Ghi chú; collectives and households — STT, Tên tập
thể, Đơn vị, địa chỉ, Hình thức đề nghị, Năm, Tóm tắt thành tích, Ghi chú (the year and the unit make a list read
back the same list: :func:`read_nominations_xlsx`). One sheet each, grouped by award form, A4 landscape,
header rows repeated on every printed page, Times New Roman, thin borders, the signer block at the bottom.
A text that starts like a formula ("=", "+", "-", "@", tab, CR) is written as text, never as a formula.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from python_calamine import CalamineWorkbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.dates import DateError, format_date, iso_date, parse_date
from core.errors import DocumentError
from core.catalogue import in_force_in, in_force_on
from core.files import atomic_write
from core.layout import signer_lines
from core.safe_files import ZipBudget, open_zip
from core.text import fold, nfc
from core.models import AwardForm, CommuneSettings, NominationStatus, NomineeKind
from core.nominations import (
    GENDERS, NominationData, NominationRow, clean_name, likeness, name_key, search_text,
    sqlite_connection, validate,
)
from core.plans import unit_name

FONT = "Times New Roman"
PERSON_COLUMNS = [("STT", 6), ("Họ và tên", 24), ("Giới tính", 9), ("Ngày sinh", 12), ("Chức vụ", 18),
                  ("Đơn vị công tác", 24), ("Hình thức đề nghị", 26), ("Năm", 7), ("Tóm tắt thành tích", 42),
                  ("Ghi chú", 13)]
GROUP_COLUMNS = [("STT", 6), ("Tên tập thể", 32), ("Đơn vị, địa chỉ", 24), ("Hình thức đề nghị", 28), ("Năm", 7),
                 ("Tóm tắt thành tích", 56), ("Ghi chú", 17)]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
MAX_IMPORT_BYTES = 20 * 1024 * 1024
# An .xlsx list unpacks to a few MB (10,000 rows: about 6 MB); a member over these is a zip bomb, not a list.
XLSX_BUDGET = ZipBudget(members=1000, unpacked=200 * 2**20, member=100 * 2**20)
MAX_IMPORT_ROWS = 20_000  # rows holding something, all sheets together (a commune's list: tens to hundreds)
MAX_IMPORT_COLUMNS = 50  # columns read from each row (the list has 5 or 9)
log = logging.getLogger(__name__)


LINE_POINTS = 16  # one line of 12 pt Times New Roman


def _lines(text: str, width: int) -> int:
    """Lines ``text`` wraps to in a column ``width`` characters wide (spreadsheets do not grow rows by
    themselves for a file they did not lay out)."""
    per_line = max(1, int(width * 1.15))
    return max(1, sum(-(-len(part) // per_line) or 1 for part in text.splitlines() or [""]))


def _text(cell, value) -> None:
    """Write ``value``; a string that would start a formula stays a string."""
    cell.value = value
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = "s"


def export_nominations(rows: list[NominationRow], settings: CommuneSettings, year: int | None, path: Path | str) -> int:
    """Write ``rows`` as the nomination list at ``path``, signed "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" by the chairman
    on record (:func:`core.layout.signer_lines`); returns the number of nominations written.

    Raises ``OSError`` when the file cannot be written.
    """
    signer = [*signer_lines("TM.", "Chủ tịch"), "", "", "", settings.chairman_name or ""]
    workbook = Workbook()
    workbook.remove(workbook.active)
    people = [r for r in rows if r.nominee_kind is NomineeKind.INDIVIDUAL]
    groups = [r for r in rows if r.nominee_kind is not NomineeKind.INDIVIDUAL]
    _sheet(workbook, "Cá nhân", PERSON_COLUMNS, people, settings, year, signer,
           lambda n, r: [n, r.name, r.gender, format_date(r.birth_date), r.position, r.unit, r.form_name, r.year or "",
                         r.achievement, r.note])
    _sheet(workbook, "Tập thể, hộ gia đình", GROUP_COLUMNS, groups, settings, year, signer,
           lambda n, r: [n, r.name, r.unit, r.form_name, r.year or "", r.achievement, r.note])
    workbook.properties.creator = f"Ủy ban nhân dân {unit_name(settings)}"
    workbook.properties.title = "Danh sách đề nghị khen thưởng"
    with atomic_write(path) as temp:  # a kill or a full disk never damages the previous file at this path
        workbook.save(temp)
    return len(rows)


def _sheet(workbook, title, columns, rows, settings, year, signer, cells) -> None:
    ws = workbook.create_sheet(title)
    width = len(columns)
    last = get_column_letter(width)
    place = settings.place_name or settings.commune_name
    lines = [
        ("ỦY BAN NHÂN DÂN " + unit_name(settings).upper(), True, 12),
        ("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", True, 14),
        (f"{title}{' — năm ' + str(year) if year else ''}", False, 13),
    ]
    for n, (text, bold, size) in enumerate(lines, 1):
        ws.merge_cells(f"A{n}:{last}{n}")
        cell = ws.cell(n, 1, text)
        cell.font = Font(name=FONT, bold=bold, size=size)
        cell.alignment = Alignment(horizontal="center")
    header_row = len(lines) + 2
    for col, (name, col_width) in enumerate(columns, 1):
        cell = ws.cell(header_row, col, name)
        cell.font = Font(name=FONT, bold=True, size=12)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER
        ws.column_dimensions[get_column_letter(col)].width = col_width
    row_no = header_row
    for form_name in sorted({r.form_name for r in rows}, key=lambda name: fold(name)):
        row_no += 1
        ws.merge_cells(start_row=row_no, start_column=1, end_row=row_no, end_column=width)
        cell = ws.cell(row_no, 1, form_name)
        cell.font = Font(name=FONT, bold=True, size=12)
        for col in range(1, width + 1):
            ws.cell(row_no, col).border = _BORDER
        for n, r in enumerate(sorted((r for r in rows if r.form_name == form_name), key=lambda r: fold(r.name)), 1):
            row_no += 1
            values = cells(n, r)
            ws.row_dimensions[row_no].height = LINE_POINTS * max(
                _lines(str(v), columns[i][1]) for i, v in enumerate(values))
            for col, value in enumerate(values, 1):
                cell = ws.cell(row_no, col)
                _text(cell, value)
                cell.font = Font(name=FONT, size=12)
                cell.alignment = Alignment(vertical="top", wrap_text=True,
                                           horizontal="center" if columns[col - 1][0] in ("STT", "Năm") else None)
                cell.border = _BORDER
    if not rows:
        row_no += 1
        ws.merge_cells(start_row=row_no, start_column=1, end_row=row_no, end_column=width)
        ws.cell(row_no, 1, "(Không có đề nghị)").font = Font(name=FONT, italic=True, size=12)
    sign_col = max(1, width - 2)
    for offset, (text, bold, italic) in enumerate([
            (f"{place}, ngày … tháng … năm {year or dt.date.today().year}", False, True),
            *((line, bool(line), False) for line in signer)], 2):
        r = row_no + offset
        ws.merge_cells(start_row=r, start_column=sign_col, end_row=r, end_column=width)
        cell = ws.cell(r, sign_col, text)
        cell.font = Font(name=FONT, bold=bold, italic=italic, size=13)
        cell.alignment = Alignment(horizontal="center")
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.freeze_panes = ws.cell(header_row + 1, 1)


@dataclass
class ImportReport:
    """What an imported list holds, row numbers being the sheet's: ``read`` every readable row; then, matched on
    the file (:func:`match_import`), ``new`` the nominations to add, ``existing`` the rows already on record
    (nominee, form and year), ``repeated`` rows that repeat an earlier row of the file (row, earlier row), and
    ``problems`` the rows that could not be read (row, reason)."""

    read: list[tuple[int, NominationData]] = field(default_factory=list)
    new: list[tuple[int, NominationData]] = field(default_factory=list)
    existing: list[tuple[int, str]] = field(default_factory=list)
    repeated: list[tuple[int, int]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        """JSON-ready summary (row numbers are the sheet's)."""
        return {"new": [{"row": n, "name": d.name, "award_form": d.award_form_code, "year": d.year}
                        for n, d in self.new],
                "existing": [{"row": n, "name": name} for n, name in self.existing],
                "repeated": [{"row": n, "same_as_row": first} for n, first in self.repeated],
                "problems": [{"row": n, "reason": reason} for n, reason in self.problems]}

    def summary(self, year: int) -> list[str]:
        """The lines the clerk reads before agreeing (Vietnamese); ``year`` is the one taken for rows without
        their own year."""
        years = sorted({d.year for _n, d in self.new})
        when = f"năm {years[0]}" if len(years) == 1 else (f"các năm {', '.join(map(str, years))}" if years
                                                             else f"năm {year}")
        lines = [f"Tệp có {len(self.new)} đề nghị mới ({when})."]
        if self.existing:
            lines.append(f"{len(self.existing)} dòng đã có trong dữ liệu, sẽ không thay đổi.")
        if self.repeated:
            lines.append(f"{len(self.repeated)} dòng lặp lại một dòng trước trong tệp, chỉ ghi một lần.")
        if self.problems:
            lines.append("Không đọc được:")
            lines += [f"  dòng {n}: {reason}" for n, reason in self.problems[:15]]
            if len(self.problems) > 15:
                lines.append(f"  … và {len(self.problems) - 15} dòng khác.")
        return lines


_HEADERS = {"ho va ten": "name", "ten tap the": "name", "gioi tinh": "gender", "ngay sinh": "birth_date",
            "chuc vu": "position", "don vi cong tac": "unit", "don vi, dia chi": "unit", "dia chi": "unit",
            "hinh thuc de nghi": "form", "nam": "year", "tom tat thanh tich": "achievement", "ghi chu": "note"}


def read_nominations_xlsx(session: Session, path: Path | str, year: int, today: dt.date,
                          match: bool = True) -> ImportReport:
    """Read a nomination list in the layout of :func:`export_nominations` (any sheet, header row found by its
    titles) and, unless ``match`` is False (:func:`apply_import` matches it again anyway), match it on the file
    (:func:`match_import`); nothing is written. A group row (only a form name) sets the form of the rows under
    it; a row without a year of its own is for ``year``. Every text cell, headers included, is read in NFC
    without control characters, so a list typed in decomposed Unicode reads like any other.

    Raises :class:`core.errors.DocumentError` (a ``ValueError``) with one Vietnamese sentence when the file is
    not such a list, is damaged, or exceeds the reading budget (:data:`XLSX_BUDGET`, :data:`MAX_IMPORT_ROWS`).
    """
    path = Path(path)
    forms = _FormNames(list(session.scalars(select(AwardForm))))
    report = ImportReport()
    found_header = False
    for rows in _read_sheets(path):
        columns: dict[str, int] | None = None
        kind = NomineeKind.INDIVIDUAL
        group_text = ""
        for n, cells in rows:
            if columns is None:
                folded = [" ".join(fold(str(c)).split()) for c in cells]
                if "stt" in folded and any(h in folded for h in ("ho va ten", "ten tap the")):
                    columns = {_HEADERS[h]: i for i, h in enumerate(folded) if h in _HEADERS}
                    kind = NomineeKind.INDIVIDUAL if "ho va ten" in folded else NomineeKind.COLLECTIVE
                    found_header = True
                continue
            texts = [c if isinstance(c, str) else str(c) for c in cells]
            if _looks_like_signature(texts):
                break
            name = _get(texts, columns, "name")
            if not name:  # a group row: the form's name alone, in the first cell
                group_text = texts[0]
                if forms.match(group_text, year) is None:
                    report.problems.append((n, f"dòng không có tên; không nhận ra nhóm «{texts[0]}»"))
                continue
            try:
                row_year = _year(cells, columns, year)
                form_text = _get(texts, columns, "form") or group_text
                form = forms.match(form_text, row_year)
                if form is None:
                    raise ValueError(f"không nhận ra hình thức khen thưởng «{form_text or texts[0]}»")
                person = kind is NomineeKind.INDIVIDUAL
                data = NominationData(
                    kind if person else _group_kind(form), clean_name(name), form.code, row_year,
                    gender=_gender(texts, columns) if person else None,
                    birth_date=_birth_date(cells, columns) if person else None,
                    position=_get(texts, columns, "position") if person else "",
                    unit=" ".join(_get(texts, columns, "unit").split()),
                    achievement=_get(texts, columns, "achievement"), note=_get(texts, columns, "note"))
                validate(session, data, today)
            except ValueError as exc:  # NominationError and DateError included
                report.problems.append((n, str(exc)))
                continue
            report.read.append((n, data))
    if not found_header:
        raise DocumentError("Không thấy dòng tiêu đề «STT | Họ và tên» hoặc «STT | Tên tập thể»: "
                            "tệp này không phải danh sách đề nghị khen thưởng.")
    if match:
        match_import(session, report)
    return report


def _read_sheets(path: Path) -> list[list[tuple[int, list]]]:
    """The rows holding something of each sheet of the .xlsx at ``path``, as (row number, cells): strings in NFC
    without control characters, numbers and dates as they are, empty cells "".

    The zip container is checked against :data:`XLSX_BUDGET` before anything is decompressed; python-calamine
    (Rust, no entity expansion) reads 10,000 rows in well under a second, openpyxl took 6–10 s. At most
    :data:`MAX_IMPORT_COLUMNS` columns and :data:`MAX_IMPORT_ROWS`
    rows are read. Raises :class:`DocumentError`; the technical detail of a damaged file goes to the log.
    """
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise DocumentError(f"Tệp «{path.name}» quá lớn cho một danh sách đề nghị khen thưởng.")
    damaged = f"Không đọc được tệp Excel «{path.name}»: tệp hỏng, có mật khẩu hoặc không phải .xlsx."
    data = path.read_bytes()
    open_zip(data, path.name, XLSX_BUDGET, damaged)
    sheets = []
    count = 0
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        for name in workbook.sheet_names:
            rows = []
            for n, values in enumerate(workbook.get_sheet_by_name(name).to_python(skip_empty_area=False), 1):
                cells = [_plain(v) for v in values[:MAX_IMPORT_COLUMNS]]
                if all(c == "" for c in cells):
                    continue
                count += 1
                if count > MAX_IMPORT_ROWS:
                    raise DocumentError(f"Tệp «{path.name}» có hơn {MAX_IMPORT_ROWS} dòng, không giống một danh "
                                        "sách đề nghị khen thưởng của một xã.")
                rows.append((n, cells))
            sheets.append(rows)
    except DocumentError:
        raise
    except Exception as exc:  # CalamineError (broken XML, encrypted), zipfile…
        log.warning("reading %s: %s: %s", path.name, type(exc).__name__, exc)
        raise DocumentError(damaged) from None
    return sheets


def _plain(value):
    """A cell as the rows use it: "" for an empty cell, a whole number without ".0" (calamine reads every number
    as a float), a text in NFC without control characters, a date as it is."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return nfc(value) if isinstance(value, str) else value


def _group_kind(form: AwardForm) -> NomineeKind:
    """A row of the collectives and households sheet: a household when its form is only for households ("Gia đình
    văn hóa"); otherwise a collective (see :func:`match_import` for an "any" form given to a household)."""
    return NomineeKind.HOUSEHOLD if form.beneficiary == "household" else NomineeKind.COLLECTIVE


def _get(texts: list[str], columns: dict[str, int], key: str) -> str:
    i = columns.get(key)
    return texts[i] if i is not None and i < len(texts) else ""


def _year(cells, columns, default: int) -> int:
    i = columns.get("year")
    value = cells[i] if i is not None and i < len(cells) else ""
    if value in ("", None):
        return default
    text = str(value).strip().removesuffix(".0")
    if not re.fullmatch(r"\d{4}", text):
        raise ValueError(f"năm «{value}» không đọc được (ghi dạng 2026)")
    return int(text)


def _gender(texts, columns) -> str | None:
    value = _get(texts, columns, "gender")
    if not value:
        return None
    match = next((g for g in GENDERS if fold(g) == fold(value)), None)
    if match is None:
        raise ValueError(f"giới tính «{value}» không rõ (ghi Nam hoặc Nữ)")
    return match


def _birth_date(cells, columns) -> dt.date | None:
    i = columns.get("birth_date")
    value = cells[i] if i is not None and i < len(cells) else ""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return parse_date(str(value))
    except DateError as exc:
        raise ValueError(f"ngày sinh: {exc}") from None


class _FormNames:
    """The catalogue entries by name (case, diacritics and quotes aside; close spellings accepted), each name
    looked up once per year however many rows carry it."""

    def __init__(self, forms: list[AwardForm]):
        self.forms = forms
        self.names = sorted({_form_key(f.name) for f in forms})
        self._found: dict[tuple[str, int], AwardForm | None] = {}

    def match(self, text: str, year: int) -> AwardForm | None:
        """The entry named ``text`` for ``year``: of entries with that name (the district's and, since 1/7/2025,
        the commune's) the one in force at the end of the year, when the year's awards are decided, else one in
        force during the year, else the first."""
        wanted = _form_key(text)
        if (wanted, year) not in self._found:
            self._found[wanted, year] = self._lookup(wanted, year)
        return self._found[wanted, year]

    def _lookup(self, wanted: str, year: int) -> AwardForm | None:
        if not wanted:
            return None
        best = wanted if wanted in self.names else (process.extractOne(
            wanted, self.names, scorer=fuzz.token_set_ratio, score_cutoff=90) or [None])[0]
        candidates = [f for f in self.forms if _form_key(f.name) == best]
        return next((f for f in candidates if in_force_on(f, dt.date(year, 12, 31))),
                    next((f for f in candidates if in_force_in(f, year)), candidates[0] if candidates else None))


def _form_key(name: str) -> str:
    return " ".join(fold(name).replace("“", "").replace("”", "").replace('"', "").split())


def _looks_like_signature(texts: list[str]) -> bool:
    joined = fold(" ".join(texts))
    return bool(re.search(r"ngay .{0,6}thang .{0,6}nam|tm\. uy ban|nguoi lap", joined))


def match_import(session: Session, report: ImportReport) -> None:
    """Sort the rows ``report.read`` into ``new``, ``existing`` and ``repeated`` against the file as it is now.

    A row names the nominee on record of the same kind and name (case, diacritics and spaces aside) whose birth
    date and unit do not contradict it (:func:`core.nominations.likeness`, the closest first); it is ``existing``
    when that nominee has a nomination for the same form (by name) and year. Rows naming nobody on record and
    alike in name, birth date and unit are one new person; a row repeating an earlier one (same person, form and
    year) is ``repeated``. The nominees and nominations on record are read once into dictionaries, so matching
    is linear in the rows (10,000 rows against 50,000 nominees in well under a second).
    """
    fetch = sqlite_connection(session).execute
    wanted = {name_key(d.name) for _n, d in report.read}
    people: dict[tuple[str, str], list[tuple[int, dt.date | None, str]]] = {}
    for nid, kind, name, birth, unit in fetch("SELECT id, kind, name, birth_date, unit FROM nominee"):
        folded = " ".join(fold(name).split())  # stored NFC: name_key without its NFC step, 50,000 times
        if folded in wanted:
            people.setdefault((kind, folded), []).append((nid, iso_date(birth), unit))
    form_names = {f.code: _form_key(f.name) for f in session.scalars(select(AwardForm))}
    on_record = {(nid, form_names[code], year) for nid, code, year in fetch(
        "SELECT nominee_id, award_form_code, year FROM nomination")}
    report.new, report.existing, report.repeated = [], [], []
    first_row: dict[tuple, int] = {}
    for n, data in report.read:
        kinds = [data.nominee_kind]
        if data.nominee_kind is NomineeKind.COLLECTIVE and _any_kind(session, data.award_form_code):
            kinds.append(NomineeKind.HOUSEHOLD)  # "Hộ ông …" with a Giấy khen: the household on record
        found = None
        for kind in kinds:
            scored = [(score, nid) for nid, birth, unit in people.get((kind.value, name_key(data.name)), [])
                      if (score := likeness(data.birth_date, data.unit, birth, unit)) is not None]
            if scored:
                found = (kind, max(scored, key=lambda pair: (pair[0], -pair[1]))[1])
                break
        if found:
            data.nominee_kind, data.nominee_id = found
            person: tuple = ("id", found[1])
        else:
            data.nominee_id = None
            person = (data.nominee_kind.value, name_key(data.name), data.birth_date, name_key(data.unit))
        key = (person, form_names[data.award_form_code], data.year)
        if found and (found[1], key[1], data.year) in on_record:
            report.existing.append((n, data.name))
        elif key in first_row:
            report.repeated.append((n, first_row[key]))
        else:
            first_row[key] = n
            report.new.append((n, data))


def _any_kind(session: Session, code: str) -> bool:
    form = session.get(AwardForm, code)
    return form is not None and form.beneficiary == "any"


def apply_import(session: Session, report: ImportReport, today: dt.date) -> int:
    """Match ``report`` again on the file as it is in this transaction (:func:`match_import`: what another
    window saved meanwhile counts) and add its new nominations; nothing on record changes. Returns how many
    were added.

    Written with two multi-row inserts in the session's transaction: 10,000 rows hold the file for a fraction
    of a second, and a failure leaves nothing of the import (all or nothing).
    """
    match_import(session, report)
    if not report.new:
        return 0
    raw = sqlite_connection(session)
    forms = {f.code: f for f in session.scalars(select(AwardForm))}
    next_id = (raw.execute("SELECT MAX(id) FROM nominee").fetchone()[0] or 0) + 1
    made: dict[tuple, int] = {}
    nominees, nominations = [], []
    held = [d.nominee_id for _n, d in report.new if d.nominee_id is not None]
    shown: dict[int | None, tuple[str, str, str]] = {}  # a person on record is searched by their record
    for start in range(0, len(held), 500):  # SQLite's limit on parameters
        chunk = held[start:start + 500]
        for nid, name, unit, position in raw.execute(
                f"SELECT id, name, unit, position FROM nominee WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            shown[nid] = (name, unit, position)
    for _n, d in report.new:
        nominee_id = d.nominee_id
        name, unit, position = shown.get(nominee_id, (d.name, d.unit, d.position))
        if nominee_id is None:
            person = (d.nominee_kind.value, name_key(d.name), d.birth_date, name_key(d.unit))
            if person not in made:
                made[person] = next_id
                nominees.append((next_id, d.nominee_kind.value, d.name, d.gender,
                                 d.birth_date.isoformat() if d.birth_date else None, d.position, d.unit))
                next_id += 1
            nominee_id = made[person]
        form = forms[d.award_form_code]
        nominations.append((nominee_id, form.code, form.granting_level, d.award_kind.value, d.achievement,
                            d.movement, d.year, NominationStatus.DRAFT.value, d.note,
                            search_text(name, unit or "", position or "", form.name, d.movement, d.achievement)))
    raw.executemany("INSERT INTO nominee (id, kind, name, gender, birth_date, position, unit)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)", nominees)
    raw.executemany("INSERT INTO nomination (nominee_id, award_form_code, granting_level, award_kind, achievement,"
                    " movement, year, status, note, search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", nominations)
    session.info["wrote"] = True  # core.db checkpoints the WAL after a commit that wrote
    return len(nominations)
