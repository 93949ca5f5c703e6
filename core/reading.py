"""Reading a superior plan file (.docx, .pdf, .txt/.md, or a scan: see :mod:`core.ocr`) into normalised lines.

Every line keeps its position (``index``) so each extracted target can show its source span.
Table rows of a .docx come through as one line each, with their cells kept apart in ``cells``.
Unreadable input raises :class:`DocumentError` with one Vietnamese sentence for the user.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from core.text import nfc

MAX_FILE_BYTES = 50 * 1024 * 1024  # refuse files over 50 MB (a plan is rarely over 2 MB)
MAX_PAGES = 300  # a plan runs to 3–30 pages; a book, a yearbook or a whole gazette is not one
MAX_CHARS = 300 * 4000  # the text of MAX_PAGES full pages
MAX_DOCUMENT_XML = 40 * 1024 * 1024  # word/document.xml of about MAX_PAGES pages, images aside
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024  # a .docx that unpacks to more is treated as a zip bomb
MAX_ZIP_RATIO = 200  # compressed-to-unpacked ratio beyond which a member is a zip bomb
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # password-protected Office files (and old .doc)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")  # scanned pages, recognised by core.ocr


class DocumentError(Exception):
    """The file cannot be read as a plan; ``str(exc)`` is a Vietnamese sentence for the user."""


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
        raw = [(line, None) for page in pages for paragraph in page.paragraphs
               for line in _unwrap(paragraph, drop_page_numbers=True)]
    if sum(len(text) for text, _cells in raw) > MAX_CHARS:
        raise _too_long(path.name)
    if legacy_encoded("\n".join(text for text, _cells in raw)):
        raise DocumentError(
            f"Tệp «{path.name}» được gõ bằng bảng mã cũ (TCVN3/ABC hoặc VNI), không phải Unicode, nên chữ bị lỗi. "
            "Hãy mở tệp bằng Word, chép toàn bộ, dùng Unikey (Công cụ chuyển mã: nguồn TCVN3 hoặc VNI, đích Unicode) "
            "rồi lưu thành .docx mới và nhập lại.")
    lines = []
    for raw_text, cells in raw:
        text = clean(raw_text)
        if text:
            lines.append(Line(text, len(lines), [clean(c) for c in cells] if cells is not None else None))
    if not lines:
        raise DocumentError(f"Tệp «{path.name}» không có chữ nào để đọc.")
    return Document(path.name, hashlib.sha256(data).hexdigest(), lines, from_ocr, unread)


def _docx_lines(data: bytes, name: str) -> list[tuple[str, list[str] | None]]:
    if data.startswith(OLE_MAGIC):
        raise DocumentError(
            f"Tệp «{name}» được đặt mật khẩu hoặc là định dạng Word cũ (.doc). "
            "Hãy mở bằng Word, bỏ mật khẩu và lưu lại dưới dạng .docx."
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except zipfile.BadZipFile:
        raise DocumentError(f"Tệp «{name}» bị hỏng hoặc không phải tệp Word .docx.") from None
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_UNZIPPED_BYTES or any(
        i.compress_size and i.file_size / i.compress_size > MAX_ZIP_RATIO and i.file_size > 10 * 2**20 for i in infos
    ):
        raise DocumentError(f"Tệp «{name}» bất thường (giải nén ra quá lớn), không mở để bảo vệ máy.")
    if any(i.filename == "word/document.xml" and i.file_size > MAX_DOCUMENT_XML for i in infos):
        raise _too_long(name)
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception:
        raise DocumentError(f"Tệp «{name}» bị hỏng hoặc không phải tệp Word .docx.") from None
    out: list[tuple[str, list[str] | None]] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            out.extend((part, None) for part in block.text.split("\n"))
        elif isinstance(block, Table):
            out.extend(_table_rows(block))
    return out


def _table_rows(table) -> list[tuple[str, list[str] | None]]:
    rows = []
    for row in table.rows:
        if any(cell.tables for cell in row.cells):  # a layout table holding tables: read each cell in order
            for cell in row.cells:
                for block in cell.iter_inner_content():
                    rows.extend(_table_rows(block) if hasattr(block, "rows") else
                                [(part, None) for part in block.text.split("\n")])
            continue
        cells = []
        for cell in row.cells:
            text = cell.text.strip()
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
    from pypdf.errors import PdfReadError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"Tệp PDF «{name}» được đặt mật khẩu. Hãy bỏ mật khẩu rồi nhập lại.")
        if len(reader.pages) > MAX_PAGES:
            raise _too_long(name)
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise DocumentError(f"Tệp PDF «{name}» bị hỏng, không đọc được.") from None
    except Exception as exc:  # pypdf raises many kinds on damaged files; never show a traceback
        if type(exc).__module__.startswith("pypdf"):
            raise DocumentError(f"Tệp PDF «{name}» bị hỏng, không đọc được.") from None
        raise
    if sum(len(p.strip()) for p in pages) < 20:
        return None
    return [(line, None) for page in pages for line in _unwrap(page.splitlines(), drop_page_numbers=True)]


def _text_lines(data: bytes, name: str) -> list[tuple[str, list[str] | None]]:
    text = None
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
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


def _unwrap(raw_lines: list[str], drop_page_numbers: bool = False) -> list[str]:
    """Join lines that a fixed layout (PDF, OCR, e-mail) wrapped mid-sentence back into one line.

    A line starts anew when it begins like an item or heading (bullet, "(1)", "2.", "a)", "II."), is in
    capitals ("KẾ HOẠCH", "CỘNG HÒA …"), is a header's rule ("_____") or its "Số:" line, follows a heading
    or a rule, or when the previous line ended a sentence (". ; : ! ?") and this one starts with a capital
    letter or a digit.
    """
    out: list[str] = []
    for raw in raw_lines:
        line = raw.strip()
        if not line or (drop_page_numbers and _PAGE_NUMBER.match(line)):
            continue
        if out and not _STARTS_ITEM.match(line) and not _RULE.match(line) and not _looks_like_heading(line) \
                and not line.startswith("Số:"):
            prev = out[-1]
            ends_sentence = prev.rstrip("*”\")").endswith((".", ";", ":", "!", "?"))
            if not (ends_sentence and (line[0].isupper() or line[0].isdigit())) and not _looks_like_heading(prev) \
                    and not _RULE.match(prev):
                out[-1] = f"{prev} {line}"
                continue
        out.append(line)
    return out


def _looks_like_heading(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)
