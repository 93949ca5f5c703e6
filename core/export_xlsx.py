"""The nomination list sent to the superior level (danh sách đề nghị khen thưởng) as .xlsx, and its import.

Layout of provincial templates (GUIDE §4): individuals — STT, Họ và tên, Giới tính, Ngày sinh, Chức vụ,
Đơn vị công tác, Hình thức đề nghị, Tóm tắt thành tích, Ghi chú; collectives and households — STT, Tên tập
thể, Hình thức đề nghị, Tóm tắt thành tích, Ghi chú. One sheet each, grouped by award form, A4 landscape,
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

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import DocumentError
from core.files import atomic_write
from core.safe_files import ZipBudget, open_zip
from core.text import fold, nfc
from core.models import AwardForm, CommuneSettings, NomineeKind
from core.nominations import (
    GENDERS, NominationData, NominationRow, find_nominee, in_force, save_nomination, validate,
)
from core.plans import unit_name

FONT = "Times New Roman"
PERSON_COLUMNS = [("STT", 6), ("Họ và tên", 24), ("Giới tính", 9), ("Ngày sinh", 12), ("Chức vụ", 18),
                  ("Đơn vị công tác", 24), ("Hình thức đề nghị", 26), ("Tóm tắt thành tích", 48), ("Ghi chú", 14)]
GROUP_COLUMNS = [("STT", 6), ("Tên tập thể", 40), ("Hình thức đề nghị", 30), ("Tóm tắt thành tích", 74),
                 ("Ghi chú", 20)]
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


def export_nominations(rows: list[NominationRow], settings: CommuneSettings, year: int | None, path: Path | str,
                       signer: tuple[str, str, str] = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "")) -> int:
    """Write ``rows`` as the nomination list at ``path``; returns the number of nominations written.

    ``signer`` is (authority, title, name). Raises ``OSError`` when the file cannot be written.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    people = [r for r in rows if r.nominee_kind is NomineeKind.INDIVIDUAL]
    groups = [r for r in rows if r.nominee_kind is not NomineeKind.INDIVIDUAL]
    _sheet(workbook, "Cá nhân", PERSON_COLUMNS, people, settings, year, signer,
           lambda n, r: [n, r.name, r.gender, r.birth_date.strftime("%d/%m/%Y") if r.birth_date else "", r.position,
                         r.unit, r.form_name, r.achievement, r.note])
    _sheet(workbook, "Tập thể, hộ gia đình", GROUP_COLUMNS, groups, settings, year, signer,
           lambda n, r: [n, r.name, r.form_name, r.achievement, r.note])
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
                                           horizontal="center" if col == 1 else None)
                cell.border = _BORDER
    if not rows:
        row_no += 1
        ws.merge_cells(start_row=row_no, start_column=1, end_row=row_no, end_column=width)
        ws.cell(row_no, 1, "(Không có đề nghị)").font = Font(name=FONT, italic=True, size=12)
    sign_col = max(1, width - 2)
    for offset, (text, bold, italic) in enumerate([
            (f"{place}, ngày … tháng … năm {year or dt.date.today().year}", False, True),
            (signer[0], True, False), (signer[1], True, False), ("", False, False), ("", False, False),
            ("", False, False), (signer[2], True, False)], 2):
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
    """What an imported list holds: nominations to add, rows already on record, rows that could not be read."""

    new: list[tuple[int, NominationData]] = field(default_factory=list)
    existing: list[tuple[int, str]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        """JSON-ready summary (row numbers are the sheet's)."""
        return {"new": [{"row": n, "name": d.name, "award_form": d.award_form_code} for n, d in self.new],
                "existing": [{"row": n, "name": name} for n, name in self.existing],
                "problems": [{"row": n, "reason": reason} for n, reason in self.problems]}


_HEADERS = {"ho va ten": "name", "ten tap the": "name", "gioi tinh": "gender", "ngay sinh": "birth_date",
            "chuc vu": "position", "don vi cong tac": "unit", "hinh thuc de nghi": "form",
            "tom tat thanh tich": "achievement", "ghi chu": "note"}


def read_nominations_xlsx(session: Session, path: Path | str, year: int, today: dt.date) -> ImportReport:
    """Read a nomination list in the layout of :func:`export_nominations` (any sheet, header row found by its
    titles); nothing is written. A group row (only a form name) sets the form of the rows under it. Every text
    cell, headers included, is read in NFC without control characters, so a list typed in decomposed Unicode
    reads like any other.

    Raises :class:`core.errors.DocumentError` (a ``ValueError``) with one Vietnamese sentence when the file is
    not such a list, is damaged, or exceeds the reading budget (:data:`XLSX_BUDGET`, :data:`MAX_IMPORT_ROWS`).
    """
    path = Path(path)
    forms = list(session.scalars(select(AwardForm)))
    report = ImportReport()
    found_header = False
    for rows in _read_sheets(path):
        columns: dict[str, int] | None = None
        kind = NomineeKind.INDIVIDUAL
        group_form = None
        for n, cells in rows:
            if columns is None:
                folded = [fold(str(c)) for c in cells]
                if "stt" in folded and any(h in folded for h in ("ho va ten", "ten tap the")):
                    columns = {_HEADERS[h]: i for i, h in enumerate(folded) if h in _HEADERS}
                    kind = NomineeKind.INDIVIDUAL if "ho va ten" in folded else NomineeKind.COLLECTIVE
                    found_header = True
                continue
            texts = [str(c).strip() for c in cells]
            if _looks_like_signature(texts):
                break
            name = texts[columns["name"]] if columns["name"] < len(texts) else ""
            form_text = texts[columns["form"]] if "form" in columns and columns["form"] < len(texts) else ""
            if not name:  # a group row: the form's name alone, in the first cell
                group_form = _match_form(texts[0], forms, year)
                if group_form is None:
                    report.problems.append((n, f"dòng không có tên; không nhận ra nhóm «{texts[0]}»"))
                continue
            form = _match_form(form_text, forms, year) if form_text else group_form
            if form is None:
                report.problems.append((n, f"không nhận ra hình thức khen thưởng «{form_text or texts[0]}»"))
                continue
            try:
                data = NominationData(
                    kind, name, form.code, year,
                    gender=_gender(texts, columns) if kind is NomineeKind.INDIVIDUAL else None,
                    birth_date=_birth_date(cells, columns) if kind is NomineeKind.INDIVIDUAL else None,
                    position=_get(texts, columns, "position"), unit=_get(texts, columns, "unit"),
                    achievement=_get(texts, columns, "achievement"), note=_get(texts, columns, "note"))
                if kind is NomineeKind.COLLECTIVE and form.beneficiary not in ("any", "collective"):
                    data.nominee_kind = NomineeKind.HOUSEHOLD  # "Gia đình văn hóa" rows are households
                validate(session, data, today)
            except ValueError as exc:  # NominationError included
                report.problems.append((n, str(exc)))
                continue
            nominee = find_nominee(session, data)
            if nominee and any(m.award_form_code == data.award_form_code and m.year == year
                               for m in nominee.nominations):
                report.existing.append((n, data.name))
            else:
                report.new.append((n, data))
    if not found_header:
        raise DocumentError("Không thấy dòng tiêu đề «STT | Họ và tên» hoặc «STT | Tên tập thể»: "
                            "tệp này không phải danh sách đề nghị khen thưởng.")
    return report


def _read_sheets(path: Path) -> list[list[tuple[int, list]]]:
    """The rows holding something of each sheet of the .xlsx at ``path``, as (row number, cells): strings in NFC
    without control characters, numbers and dates as they are, empty cells "".

    The zip container is checked against :data:`XLSX_BUDGET` before openpyxl opens it (which parses through
    defusedxml: no entity expansion); at most :data:`MAX_IMPORT_COLUMNS` columns and :data:`MAX_IMPORT_ROWS`
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
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        for ws in workbook.worksheets:
            ws.reset_dimensions()  # rows as written, not padded to the size a sheet claims
            rows = []
            for n, values in enumerate(ws.iter_rows(max_col=MAX_IMPORT_COLUMNS, values_only=True), 1):
                cells = ["" if v is None else nfc(v) if isinstance(v, str) else v for v in values]
                if all(c == "" for c in cells):
                    continue
                count += 1
                if count > MAX_IMPORT_ROWS:
                    raise DocumentError(f"Tệp «{path.name}» có hơn {MAX_IMPORT_ROWS} dòng, không giống một danh "
                                        "sách đề nghị khen thưởng của một xã.")
                rows.append((n, cells))
            sheets.append(rows)
        workbook.close()
    except DocumentError:
        raise
    except Exception as exc:  # openpyxl, zipfile, defusedxml and expat raise many kinds for a bad file
        log.warning("reading %s: %s: %s", path.name, type(exc).__name__, exc)
        raise DocumentError(damaged) from None
    return sheets


def _get(texts: list[str], columns: dict[str, int], key: str) -> str:
    i = columns.get(key)
    return texts[i] if i is not None and i < len(texts) else ""


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
    text = str(value).strip()
    if not text:
        return None
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if not m:
        raise ValueError(f"ngày sinh «{text}» không đọc được (ghi dạng 15/03/1980)")
    try:
        return dt.date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        raise ValueError(f"ngày sinh «{text}» không có thật") from None


def _match_form(text: str, forms: list[AwardForm], year: int) -> AwardForm | None:
    """The catalogue entry named ``text`` (case, diacritics and quotes aside; close spellings accepted); of
    entries with that name (the district's and, since 1/7/2025, the commune's) the one in force in ``year``."""
    def key(name: str) -> str:
        return " ".join(fold(name).replace("“", "").replace("”", "").replace('"', "").split())

    wanted = key(text)
    if not wanted:
        return None
    names = sorted({key(f.name) for f in forms})
    best = wanted if wanted in names else (process.extractOne(wanted, names, scorer=fuzz.token_set_ratio,
                                                              score_cutoff=90) or [None])[0]
    candidates = [f for f in forms if key(f.name) == best]
    return next((f for f in candidates if in_force(f, year)), candidates[0] if candidates else None)


def _looks_like_signature(texts: list[str]) -> bool:
    joined = fold(" ".join(texts))
    return bool(re.search(r"ngay .{0,6}thang .{0,6}nam|tm\. uy ban|nguoi lap", joined))


def apply_import(session: Session, report: ImportReport, today: dt.date) -> int:
    """Add the report's new nominations (nothing on record changes); returns how many were added."""
    for _row, data in report.new:
        save_nomination(session, data, today)
    return len(report.new)

