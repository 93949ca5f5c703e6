"""Reading a superior plan file (.docx, .pdf, .txt/.md, or a scan: see :mod:`core.ocr`) into normalised lines.

Every line keeps its position (``index``) so each extracted target can show its source span.
Table rows of a .docx come through as one line each, with their cells kept apart in ``cells``.
Unreadable input raises :class:`DocumentError` with one Vietnamese sentence for the user; the technical detail
goes to the log. Every file is read within the budget below (and :mod:`core.safe_files` for the zip and XML of a
.docx), with work proportional to its size: a .docx is parsed as a stream, part by part, and stops as soon as a
bound is reached.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import DocumentError
from core.safe_files import ZipBudget, iterparse, open_zip
from core.text import nfc

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 50 * 1024 * 1024  # refuse files over 50 MB (a plan is rarely over 2 MB)
MAX_PAGES = 300  # a plan runs to 3–30 pages; a book, a yearbook or a whole gazette is not one
MAX_CHARS = 300 * 4000  # the text of MAX_PAGES full pages
MAX_LINES = MAX_PAGES * 100  # paragraphs and table rows (a page holds about 45 lines of text)
MAX_TABLE_CELLS = MAX_PAGES * 300  # cells of all tables of a .docx (a dense statistics page holds about 150)
MAX_DOCUMENT_XML = 40 * 1024 * 1024  # word/document.xml of about MAX_PAGES pages, images aside
DOCX_BUDGET = ZipBudget(members=5000, unpacked=200 * 2**20, member=MAX_FILE_BYTES)
MAX_PAGE_CONTENT = 2 * 2**20  # a PDF page's drawing instructions: a full page of text takes 20–100 KB
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # password-protected Office files (and old .doc)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")  # scanned pages, recognised by core.ocr


def _too_long(name: str) -> DocumentError:
    return DocumentError(f"Tệp «{name}» dài hơn {MAX_PAGES} trang, không giống một kế hoạch (thường 3–30 trang). "
                         "Hãy chọn đúng văn bản kế hoạch của cấp trên.")


# Letters only Unicode Vietnamese has: ơ ư đ and the Latin Extended Additional block (ạ ả ấ … ỹ).
_VIETNAMESE = re.compile("[\u01a0\u01a1\u01af\u01b0\u0110\u0111\u1ea0-\u1ef9]")
# TCVN3 (ABC) puts Vietnamese letters on Windows-1252's symbols: "¸" á, "µ" à, "¹" ạ, "¨" ă, "©" â, "®" đ …
_TCVN3 = re.compile("[\u00a8-\u00be\u00d7\u00f7]")
# VNI types a tone as a second character after the vowel: "aù" á, "aø" à, "aû" ả, "aõ" ã, "aï" ạ, "aä" ậ.
_VNI = re.compile("[aeiouyAEIOUY][\u00f9\u00f8\u00fb\u00f5\u00ef\u00e4\u00e5]")


def legacy_encoded(text: str) -> bool:
    """Whether ``text`` is Vietnamese typed in a pre-Unicode encoding (TCVN3/ABC fonts such as .VnTime, or VNI
    fonts) and read as Windows-1252: "Ch\u00ad\u00acng tr\u00d7nh", "Coäng hoøa". Such text has none of the
    letters only Unicode Vietnamese has, and many of the encodings' marks (more than 2 % of its letters);
    Vietnamese that lost its diacritics (OCR, e-mail) has neither and is read as it is."""
    sample = text[:20000]
    letters = sum(map(str.isalpha, sample))
    if letters < 200 or len(_VIETNAMESE.findall(sample)) > letters * 0.005:
        return False
    return max(len(_TCVN3.findall(sample)), len(_VNI.findall(sample))) > letters * 0.02


@dataclass
class Line:
    """One line of the document: ``text`` (NFC, cleaned), ``index`` in the document, table ``cells`` if any."""

    text: str
    index: int
    cells: list[str] | None = None


@dataclass
class Document:
    """A read document: its file name, SHA-256 of the bytes, and its lines in document order. A scan read by
    OCR has ``from_ocr`` set (its numbers need checking against the paper) and lists in ``unread_pages`` the
    pages (from 1) where nothing could be recognised."""

    file_name: str
    sha256: str
    lines: list[Line] = field(default_factory=list)
    from_ocr: bool = False
    unread_pages: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The whole text, one line per :class:`Line`, table cells separated by " | "."""
        return "\n".join(line.text for line in self.lines)


# (a character the markup cannot do without, pattern, replacement): a line without that character skips the pattern.
_MARKUP = [
    ("<", re.compile(r"<sup>\s*2\s*</sup>"), "²"),
    ("<", re.compile(r"<sup>\s*3\s*</sup>"), "³"),
    ("<", re.compile(r"</?(?:sup|sub|b|i|u|strong|em|span|br)[^>]*>", re.I), ""),
    ("\\", re.compile(r"\\geq?\b|\\ge\b"), "≥"),
    ("\\", re.compile(r"\\leq?\b|\\le\b"), "≤"),
    ("\\", re.compile(r"\\(?:times|cdot)\b"), "×"),
    ("$", re.compile(r"\$([^$]{0,80})\$"), r"\1"),
    ("*", re.compile(r"\*\*(.+?)\*\*"), r"\1"),
    ("*", re.compile(r"(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])"), r"\1"),
    ("\\", re.compile(r"\\([*_#\-.()\[\]])"), r"\1"),
    ("#", re.compile(r"^#{1,6}\s+"), ""),
    ("", re.compile(r"[ \t\u00a0\u2007\u202f\u200b]+"), " "),
]


def clean(text: str) -> str:
    """NFC text with non-breaking spaces, HTML/LaTeX/Markdown markup removed and spaces folded."""
    text = nfc(text) or ""
    for needed, pattern, repl in _MARKUP:
        if needed in text:
            text = pattern.sub(repl, text)
    # PDF fonts of the VNI/TCVN era map "ư"/"Ư" to "ƣ"/"Ƣ" (U+01A3/U+01A2), letters Vietnamese never uses.
    return text.replace("\u01a3", "ư").replace("\u01a2", "Ư").strip()


# (page number from 1, page count), called before each page of a scan is recognised; returns False to stop.
PageProgress = Callable[[int, int], bool]


def read_document(path: Path | str, on_page: PageProgress | None = None) -> Document:
    """Read ``path`` (.docx, .pdf, .txt, .md, or a scan: an image-only .pdf, .png, .jpg, .tif) into a
    :class:`Document`. A scan is recognised page by page (:func:`core.ocr.recognise`), calling ``on_page(page,
    pages)`` before each page; ``on_page`` returning False stops with :class:`core.ocr.Cancelled`.

    Raises :class:`DocumentError` for a missing, empty, oversized, corrupt, encrypted or
    unsupported file, and for a scan where no text can be recognised.
    """
    path = Path(path)
    if not path.is_file():
        raise DocumentError(f"Không tìm thấy tệp «{path.name}».")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise DocumentError(
            f"Tệp «{path.name}» quá lớn ({size / 1024 / 1024:.0f} MB); chỉ nhận tệp đến {MAX_FILE_BYTES // 2**20} MB."
        )
    if size == 0:
        raise DocumentError(f"Tệp «{path.name}» rỗng.")
    data = path.read_bytes()
    suffix = path.suffix.lower()
    readers = {".docx": _docx_lines, ".pdf": _pdf_lines, ".txt": _text_lines, ".md": _text_lines}
    if suffix not in readers and suffix not in IMAGE_SUFFIXES:
        raise DocumentError(f"Không đọc được loại tệp «{suffix or path.name}». "
                            "Hãy chọn tệp .docx, .pdf, .txt hoặc ảnh quét .png, .jpg, .tif.")
    raw = readers[suffix](data, path.name) if suffix in readers else None
    from_ocr, unread = raw is None, []
    if raw is None:  # an image, or a PDF without a text layer: a scan
        from core.ocr import recognise  # here: core.ocr imports this module, and only scans need it

        pages = recognise(data, path.name, on_page)
        unread = [number for number, page in enumerate(pages, start=1) if not page.paragraphs]
        raw = _scan_lines(pages)
    if sum(len(text) for text, _cells in raw) > MAX_CHARS or len(raw) > MAX_LINES:
        raise _too_long(path.name)
    if legacy_encoded("\n".join(text for text, _cells in raw)):
        raise DocumentError(
            f"Tệp «{path.name}» được gõ bằng bảng mã cũ (TCVN3/ABC hoặc VNI), không phải Unicode, nên chữ bị lỗi. "
            "Hãy mở tệp bằng Word, chép toàn bộ, dùng Unikey (Công cụ chuyển mã: nguồn TCVN3 hoặc VNI, đích Unicode) "
            "rồi lưu thành .docx mới và nhập lại.")
    lines: list[Line] = []
    for raw_text, cells in raw:
        text = clean(raw_text)
        if text:
            lines.append(Line(text, len(lines), [clean(c) for c in cells] if cells is not None else None))
    if not lines:
        raise DocumentError(f"Tệp «{path.name}» không có chữ nào để đọc.")
    return Document(path.name, hashlib.sha256(data).hexdigest(), lines, from_ocr, unread)


def _scan_lines(pages) -> list[tuple[str, list[str] | None]]:
    """The lines of recognised pages (:class:`core.ocr.RecognisedPage`): paragraphs unwrapped, page numbers
    (a lone number opening or closing a page) dropped, a table's rows with their cells kept apart as a .docx
    table's are. A table running on from the previous page stays one table: specks (lines without a word, such
    as the scan's edge read as "Ỉ |") and page numbers between its parts are dropped, and when the part opening
    the page has an empty first cell (no row number) its first row is the rest of the row the previous page
    ended with."""
    from core.ocr import Table

    def words(lines: list[str]) -> bool:
        return any(_WORD.search(line) for line in lines)

    out: list[tuple[str, list[str] | None]] = []
    specks: list[str] = []  # lines without a word after a table: dropped if the table runs on
    in_table = False  # the last line with words was a table row
    for page in pages:
        fresh = True  # nothing with words yet on this page
        for k, paragraph in enumerate(page.paragraphs):
            if not isinstance(paragraph, Table):  # a page number heads or ends its page; a lone number between
                lines = _unwrap(paragraph, drop_page_numbers=k in (0, len(page.paragraphs) - 1))  # is a cell
                if in_table and not words(lines):
                    specks.extend(lines)
                    continue
                out.extend((line, None) for line in specks + lines)
                specks.clear()
                in_table = False
                fresh = fresh and not words(lines)
                continue
            rows = paragraph.rows
            previous = out[-1][1] if in_table and fresh and out else None
            if previous is not None and rows and not rows[0][0] and len(rows[0]) == len(previous):
                whole = [f"{above} {below}".strip() for above, below in zip(previous, rows[0], strict=True)]
                out[-1] = (" | ".join(whole), whole)
                rows = rows[1:]
            specks.clear()
            # a one-column table (a framed box) is ordinary lines, as a .docx layout cell is
            out.extend((" | ".join(cells), cells) if len(cells) > 1 else (cells[0], None) for cells in rows)
            in_table, fresh = True, False
    out.extend((line, None) for line in specks)
    return out


_WORD = re.compile(r"[^\W\d_]{2}")  # two letters in a row: a word, not a speck read as "Ỉ" or "|"


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BODY, _P, _TBL, _TC = _W + "body", _W + "p", _W + "tbl", _W + "tc"
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _docx_lines(data: bytes, name: str) -> list[tuple[str, list[str] | None]]:
    """Paragraphs and table rows of the body in document order, parsed as a stream: each body block is read with
    python-docx's element classes and then dropped, so memory stays flat and a bound stops the parse at once."""
    if data.startswith(OLE_MAGIC):
        raise DocumentError(
            f"Tệp «{name}» được đặt mật khẩu hoặc là định dạng Word cũ (.doc). "
            "Hãy mở bằng Word, bỏ mật khẩu và lưu lại dưới dạng .docx."
        )
    damaged = f"Tệp «{name}» bị hỏng hoặc không phải tệp Word .docx."
    archive = open_zip(data, name, DOCX_BUDGET, damaged)
    import docx  # noqa: F401  (registers python-docx's element classes)
    from docx.oxml.parser import element_class_lookup

    out: list[tuple[str, list[str] | None]] = []
    chars = cells = 0
    body = False
    try:
        info = archive.getinfo(_main_part(archive))
        if info.file_size > MAX_DOCUMENT_XML:
            raise _too_long(name)
        with archive.open(info) as stream:
            for _event, element in iterparse(stream, (_P, _TBL, _TC, _BODY), element_class_lookup):
                if element.tag == _TC:
                    cells += 1
                    if cells > MAX_TABLE_CELLS:
                        raise DocumentError(f"Các bảng của tệp «{name}» có hơn {MAX_TABLE_CELLS} ô, không giống "
                                            "một kế hoạch. Hãy chọn đúng văn bản kế hoạch của cấp trên.")
                    continue
                parent = element.getparent()
                if element.tag == _BODY:
                    body = True
                    continue
                if parent is None or parent.tag != _BODY:
                    continue  # a paragraph or table inside a table: read with its table
                rows = _table_rows(element) if element.tag == _TBL else [
                    (part, None) for part in element.text.split("\n")]
                out.extend(rows)
                chars += sum(len(text) for text, _cells in rows)
                if chars > MAX_CHARS or len(out) > MAX_LINES:
                    raise _too_long(name)
                element.clear(keep_tail=True)
                while element.getprevious() is not None:
                    del parent[0]
    except DocumentError:
        raise
    except Exception as exc:  # lxml, zipfile, zlib and python-docx's own errors on a damaged file
        log.warning("reading %s: %s: %s", name, type(exc).__name__, exc)
        raise DocumentError(damaged) from None
    if not body:
        raise DocumentError(damaged)
    return out


def _main_part(archive) -> str:
    """Name of the main document part, as the package's relationships give it (``word/document.xml``)."""
    if "_rels/.rels" in archive.namelist():
        with archive.open("_rels/.rels") as stream:
            for _event, rel in iterparse(stream, (_RELATIONSHIP,)):
                target = rel.get("Target")
                if rel.get("Type", "").endswith("/officeDocument") and target:
                    return target.lstrip("/")
    return "word/document.xml"


def _table_rows(tbl) -> list[tuple[str, list[str] | None]]:
    """Rows of a ``w:tbl`` element, one line each, cells kept apart; linear in the cells written in the file.

    A cell spanning columns (``gridSpan``) is one cell, whatever it claims to span; a cell merged with the one
    above (``vMerge``) repeats that cell's text, found by grid column in the row above (not by walking up).
    """
    rows: list[tuple[str, list[str] | None]] = []
    above: dict[int, str] = {}  # text of the cell that starts at each grid column, for cells merged down
    for tr in tbl.tr_lst:
        tcs = tr.tc_lst
        if any(tc.tbl_lst for tc in tcs):  # a layout table holding tables: read each cell in order
            for tc in tcs:
                for block in tc.inner_content_elements:
                    rows.extend(_table_rows(block) if block.tag == _TBL else
                                [(part, None) for part in block.text.split("\n")])
            continue
        cells: list[str] = []
        column = tr.grid_before
        for tc in tcs:
            if tc.vMerge == "continue":
                text = above.get(column, "")
            else:
                text = above[column] = "\n".join(p.text for p in tc.p_lst).strip()
            column += tc.grid_span
            if not cells or text != cells[-1]:  # merged cells repeat their text
                cells.append(text)
        if len(cells) == 1:  # layout cell: its lines are ordinary lines
            rows.extend((part, None) for part in cells[0].split("\n"))
        elif any("\n" in c for c in cells) and len(cells) == 2 and not any(ch.isdigit() for ch in cells[1][:3]):
            # the two-column header/signature tables of NĐ 30: read column by column
            for c in cells:
                rows.extend((part, None) for part in c.split("\n"))
        else:
            rows.append((" | ".join(c.replace("\n", " ") for c in cells), [c.replace("\n", " ") for c in cells]))
    return rows


def _pdf_lines(data: bytes, name: str) -> list[tuple[str, list[str] | None]] | None:
    """The lines of a PDF's text layer, or None when it has none (a scan)."""
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError

    damaged = f"Tệp PDF «{name}» bị hỏng, không đọc được."
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"Tệp PDF «{name}» được đặt mật khẩu. Hãy bỏ mật khẩu rồi nhập lại.")
        if len(reader.pages) > MAX_PAGES:
            raise _too_long(name)
        pages = []
        for number, page in enumerate(reader.pages, 1):
            if _content_size(page) > MAX_PAGE_CONTENT:
                raise DocumentError(f"Trang {number} của tệp PDF «{name}» có nội dung vẽ quá lớn (hơn "
                                    f"{MAX_PAGE_CONTENT // 2**20} MB), không giống một trang văn bản; "
                                    "hãy dùng bản .docx của văn bản.")
            pages.append(page.extract_text() or "")
    except DocumentError:
        raise
    except (DependencyError, FileNotDecryptedError) as exc:  # an encryption pypdf cannot open
        log.warning("reading %s: %s: %s", name, type(exc).__name__, exc)
        raise DocumentError(f"Tệp PDF «{name}» được đặt mật khẩu. Hãy bỏ mật khẩu rồi nhập lại.") from None
    except Exception as exc:  # pypdf raises many kinds (and RecursionError) on damaged files; never a traceback
        log.warning("reading %s: %s: %s", name, type(exc).__name__, exc)
        raise DocumentError(damaged) from None
    if sum(len(p.strip()) for p in pages) < 20:
        return None
    return [(line, None) for page in pages for line in _unwrap(page.splitlines(), drop_page_numbers=True)]


def _content_size(page) -> int:
    """Bytes of a PDF page's content streams, decoded (pypdf bounds each decompression itself)."""
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    if contents is None:
        return 0
    streams = contents if isinstance(contents, list) else [contents]
    return sum(len(stream.get_object().get_data()) for stream in streams)


def _text_lines(data: bytes, name: str) -> list[tuple[str, list[str] | None]]:
    text = None
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):  # a lone surrogate or a cut last byte: "\ufffd"
        text = data.decode("utf-16", errors="replace")
    elif data[:200].count(b"\x00") > 20:  # UTF-16 without BOM
        text = data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise DocumentError(
                f"Tệp «{name}» không phải văn bản Unicode (UTF-8 hoặc UTF-16). "
                "Hãy mở bằng Notepad và lưu lại với mã hóa UTF-8."
            ) from None
    if len(text) > 2 * MAX_CHARS:  # refused before splitting: even half of it in blank space is too long
        raise _too_long(name)
    out: list[tuple[str, list[str] | None]] = []
    paragraph: list[str] = []

    def flush() -> None:
        out.extend((line, None) for line in _unwrap(paragraph))
        paragraph.clear()

    for raw in text.splitlines():
        cells = _text_cells(raw)
        if cells is not None:
            flush()
            if any(c.strip(" -:") for c in cells):  # not a Markdown separator row |---|---|
                out.append((" | ".join(cells), cells))
        elif raw.strip():
            paragraph.append(raw)
        else:
            flush()
    flush()
    return out


def _text_cells(raw: str) -> list[str] | None:
    """Cells of a table row written as text: Markdown "| a | b |" or three or more tab-separated fields."""
    line = raw.strip()
    if line.startswith("|") and line.endswith("|") and line.count("|") >= 3:
        return [c.strip() for c in line[1:-1].split("|")]
    parts = [c.strip() for c in raw.split("\t")]
    if len([p for p in parts if p]) >= 3:
        return parts
    return None


_STARTS_ITEM = re.compile(
    r"^\s*(?:[-+•*–]\s|\(\d{1,3}\)|\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ]\)\s|[IVXLC1l]{1,5}\.\s|#|\|)"
)
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$")
_RULE = re.compile(r"^[_\-=–—.\s]{3,}$")  # the short lines under a header's names: "_______"
_RULE_CHARS = re.compile(r"^[_\-=–—.\s]*$")


def _unwrap(raw_lines: list[str], drop_page_numbers: bool = False) -> list[str]:
    """Join lines that a fixed layout (PDF, OCR, e-mail) wrapped mid-sentence back into one line.

    A line starts anew when it begins like an item or heading (bullet, "(1)", "2.", "a)", "II."), is in
    capitals ("KẾ HOẠCH", "CỘNG HÒA …"), is a header's rule ("_____") or its "Số:" line, follows a heading
    or a rule, or when the previous line ended a sentence (". ; : ! ?") and this one starts with a capital
    letter or a digit. Each joined line is built once from its parts (time linear in the text).
    """
    parts: list[list[str]] = []  # the wrapped lines making each joined line
    closed = True  # the last joined line is a heading or a rule: nothing joins it
    letters = 0  # letters of the last joined line,
    lower = False  # whether any of them is not a capital,
    rule = True  # whether it is made of rule characters only,
    length = 0  # and its length
    for raw in raw_lines:
        line = raw.strip()
        if not line or (drop_page_numbers and _PAGE_NUMBER.match(line)):
            continue
        line_letters = [c for c in line if c.isalpha()]
        line_rule = bool(_RULE_CHARS.match(line))
        if parts and not closed and not _STARTS_ITEM.match(line) and not _RULE.match(line) \
                and not _looks_like_heading(line) and not line.startswith("Số:"):
            ends_sentence = parts[-1][-1].rstrip("*”\")").endswith((".", ";", ":", "!", "?"))
            if not (ends_sentence and (line[0].isupper() or line[0].isdigit())):
                parts[-1].append(line)
                letters += len(line_letters)
                lower = lower or not all(c.isupper() for c in line_letters)
                rule = rule and line_rule
                length += 1 + len(line)
                closed = (letters >= 4 and not lower) or (rule and length >= 3)
                continue
        parts.append([line])
        letters, lower, rule = len(line_letters), not all(c.isupper() for c in line_letters), line_rule
        length = len(line)
        closed = _looks_like_heading(line) or bool(_RULE.match(line))
    return [" ".join(p) for p in parts]


def _looks_like_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)
