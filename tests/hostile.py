"""Hostile and unusual files a clerk may be sent, each made at any size (tests use small ones, the benchmark
``benchmarks/hostile_files.py`` full-sized ones). Every maker writes ``path`` and returns it.

Issue #25 lists the cases: .docx with a huge ``gridSpan``, a long vertical-merge chain, one enormous paragraph
or line, tens of MB of short paragraphs, entity expansion or deep nesting in its XML; a PDF with one huge page or
deeply nested arrays; UTF-16 text with a lone surrogate or an odd length; .xlsx zip bombs; a long or decomposed
(NFD) nomination list.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
import zipfile
import zlib
from pathlib import Path

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
SENTENCE = "Phấn đấu năm 2026 tỷ lệ hộ nghèo giảm còn 1,5%, giải quyết việc làm cho 300 lao động; "
_DOCX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="word/document.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        "</Relationships>"),
}


def _docx(path: Path, body: str | list[str], prolog: str = "") -> Path:
    """A minimal .docx whose body is ``body`` (a string, or pieces streamed into the zip member)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in _DOCX_PARTS.items():
            z.writestr(name, xml)
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
                         f"<w:document {W}><w:body>".encode())
            for piece in [body] if isinstance(body, str) else body:
                member.write(piece.encode())
            member.write(b"</w:body></w:document>")
    return path


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def _tc(text: str, extra: str = "") -> str:
    return f"<w:tc><w:tcPr>{extra}</w:tcPr>{_p(text)}</w:tc>"


def gridspan_docx(path: Path, span: int = 50_000_000, rows: int = 20) -> Path:
    """A table whose cells claim to span ``span`` grid columns each (a few KB on disk)."""
    spanned = _tc("Tỷ lệ hộ nghèo", f'<w:gridSpan w:val="{span}"/>')
    row = f"<w:tr>{spanned}{_tc('1,5%')}</w:tr>"
    return _docx(path, _p("2. Chỉ tiêu thi đua") + f"<w:tbl>{row * rows}</w:tbl>")


def vmerge_docx(path: Path, cells: int = 3000) -> Path:
    """A table whose first column is one cell merged down ``cells`` rows; the second column holds targets."""
    first, merged = _tc("Kinh tế", '<w:vMerge w:val="restart"/>'), _tc("", "<w:vMerge/>")
    rows = [f"<w:tr>{first}{_tc('Tỷ lệ hộ nghèo 1,5%')}</w:tr>"]
    rows += [f"<w:tr>{merged}{_tc(f'Chỉ tiêu {n}: {n} lao động')}</w:tr>" for n in range(1, cells)]
    return _docx(path, _p("2. Chỉ tiêu thi đua") + "<w:tbl>" + "".join(rows) + "</w:tbl>")


def long_line(chars: int = 1_100_000) -> str:
    """One line of ``chars`` characters of plan prose with targets in it (numbers varied, so that it compresses
    like real text), and no line break."""
    rng = random.Random(1)
    pieces, size = [], 0
    while size < chars:
        piece = SENTENCE.replace("1,5", f"{rng.randint(1, 99)},{rng.randint(1, 9)}").replace(
            "300", str(rng.randint(100, 9999)))
        pieces.append(piece)
        size += len(piece)
    return "".join(pieces)[:chars]


def long_line_txt(path: Path, chars: int = 1_100_000) -> Path:
    """A .txt that is one line of ``chars`` characters."""
    path.write_text(long_line(chars), encoding="utf-8")
    return path


def long_paragraph_docx(path: Path, chars: int = 1_100_000) -> Path:
    """A .docx that is one paragraph of ``chars`` characters."""
    return _docx(path, _p(long_line(chars)))


def many_paragraphs_docx(path: Path, xml_bytes: int = 39 * 2**20) -> Path:
    """A .docx whose document.xml is ``xml_bytes`` of short paragraphs of varied words (compressed about 15
    times, like real text, so that a compression-ratio check does not stop it)."""
    words = ["kế", "hoạch", "thi", "đua", "năm", "xã", "huyện", "tỉnh", "chỉ", "tiêu", "hộ", "nghèo", "lao", "động",
             "việc", "làm", "trường", "học", "trạm", "y", "tế"]
    rng = random.Random(25)
    pieces, size = [], 0
    while size < xml_bytes:
        piece = "".join(_p(" ".join(rng.choices(words, k=rng.randint(1, 4))) + f" {rng.randint(1, 9999)}")
                        for _ in range(500))
        pieces.append(piece)
        size += len(piece.encode())
    return _docx(path, pieces)


def _laughs(levels: int) -> str:
    return '<!ENTITY l0 "ha">' + "".join(f'<!ENTITY l{i} "' + f"&l{i - 1};" * 10 + '">' for i in range(1, levels + 1))


def entity_bomb_docx(path: Path, levels: int = 9) -> Path:
    """A .docx whose document.xml declares "billion laughs" entities (10**``levels`` copies if expanded)."""
    entities = _laughs(levels)
    return _docx(path, _p(f"&l{levels};"), prolog=f"<!DOCTYPE w:document [{entities}]>")


def deep_xml_docx(path: Path, depth: int = 5000) -> Path:
    """A .docx whose document.xml nests ``depth`` elements (under 1 MB, so no compression-ratio check stops it)."""
    return _docx(path, ["<w:sdt><w:sdtContent>" * depth, _p("Kế hoạch"), "</w:sdtContent></w:sdt>" * depth])


def _pdf(path: Path, page_extra: bytes, content: bytes) -> Path:
    """A one-page PDF with a Helvetica font, ``page_extra`` added to the page dictionary, and ``content``
    (Flate-compressed) as its content stream; the cross-reference table is computed."""
    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R " + page_extra + b" >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def huge_page_pdf(path: Path, lines: int = 300_000) -> Path:
    """A PDF of one page drawing ``lines`` lines of text (its content stream: about 22 bytes per character)."""
    ops = b"".join(b"BT /F1 10 Tf 40 %d Td (Ty le ho ngheo giam con 1,5%% nam 2026) Tj ET\n" % (800 - n % 760)
                   for n in range(lines))
    return _pdf(path, b"", ops)


def nested_arrays_pdf(path: Path, depth: int = 100_000) -> Path:
    """A PDF whose page dictionary holds arrays nested ``depth`` deep."""
    return _pdf(path, b"/Nested " + b"[" * depth + b"]" * depth,
                b"BT /F1 12 Tf 40 800 Td (Ke hoach thi dua nam 2026, ty le ho ngheo 1,5%) Tj ET")


def utf16_lone_surrogate_txt(path: Path) -> Path:
    """UTF-16-LE text with a BOM and a lone high surrogate in the middle."""
    half = "Kế hoạch thi đua năm 2026.\nTỷ lệ hộ nghèo giảm còn 1,5%;\n".encode("utf-16-le")
    path.write_bytes(b"\xff\xfe" + half + b"\x00\xd8" + half)
    return path


def utf16_odd_length_txt(path: Path) -> Path:
    """UTF-16-LE text with a BOM whose length is odd (the last byte of a character cut off)."""
    path.write_bytes(b"\xff\xfe" + "Kế hoạch thi đua năm 2026.\nTỷ lệ hộ nghèo giảm còn 1,5%;\n".encode("utf-16-le")
                     + b"A")
    return path


def control_character_txt(path: Path) -> Path:
    """A superior plan in text whose targets carry a control character (U+0001) pasted from another program."""
    path.write_text("KẾ HOẠCH\nThi đua năm 2026\n2. Chỉ tiêu thi đua\n"
                    "- Tỷ lệ hộ nghèo\x01 giảm còn 1,5%;\n- Giải quyết việc làm cho 300 lao động\x0b;\n",
                    encoding="utf-8")
    return path


_XLSX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>"),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="xl/workbook.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        "</Relationships>"),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Cá nhân" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
        '<Relationship Id="rId2" Target="sharedStrings.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
        "</Relationships>"),
}
_SHEET_OPEN = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
_HEADER_ROW = ('<row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c>'
               '<c r="B1" t="inlineStr"><is><t>Họ và tên</t></is></c></row>')


def _xlsx(path: Path, sheet: list[bytes], shared: list[bytes]) -> Path:
    """A minimal .xlsx streamed into the zip: ``sheet`` and ``shared`` are the pieces of sheet1.xml and
    sharedStrings.xml (their openings and closings added here)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, xml in _XLSX_PARTS.items():
            z.writestr(name, xml)
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as member:
            member.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                         b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
            for piece in shared:
                member.write(piece)
            member.write(b"</sst>")
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            member.write(_SHEET_OPEN.encode() + _HEADER_ROW.encode())
            for piece in sheet:
                member.write(piece)
            member.write(b"</sheetData></worksheet>")
    return path


def _repeat(piece: bytes, total: int) -> list[bytes]:
    block = piece * max(1, 2**20 // len(piece))
    return [block] * max(1, total // len(block))


def xlsx_bomb_cell(path: Path, unpacked: int = 2**30) -> Path:
    """An .xlsx whose one data cell holds ``unpacked`` bytes of text."""
    return _xlsx(path, [b'<row r="2"><c r="B2" t="inlineStr"><is><t>', *_repeat(b"a" * 1024, unpacked),
                        b"</t></is></c></row>"], [])


def xlsx_bomb_shared_strings(path: Path, unpacked: int = 2**30) -> Path:
    """An .xlsx whose shared-strings part unpacks to ``unpacked`` bytes of short strings."""
    return _xlsx(path, [], _repeat(b"<si><t>Nguyen Van A</t></si>", unpacked))


def xlsx_bomb_rows(path: Path, unpacked: int = 2**30) -> Path:
    """An .xlsx whose sheet unpacks to ``unpacked`` bytes of empty rows."""
    return _xlsx(path, _repeat(b'<row><c t="inlineStr"><is><t>x</t></is></c></row>', unpacked), [])


def xlsx_entity_bomb(path: Path, levels: int = 9) -> Path:
    """An .xlsx whose shared strings declare "billion laughs" entities."""
    entities = _laughs(levels)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in _XLSX_PARTS.items():
            z.writestr(name, xml)
        z.writestr("xl/sharedStrings.xml",
                   f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE sst [{entities}]>'
                   f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&l{levels};</t>'
                   "</si></sst>")
        z.writestr("xl/worksheets/sheet1.xml", _SHEET_OPEN + _HEADER_ROW +
                   '<row r="2"><c r="B2" t="s"><v>0</v></c></row></sheetData></worksheet>')
    return path


PERSON_HEADER = ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Đơn vị công tác", "Hình thức đề nghị",
                 "Tóm tắt thành tích", "Ghi chú"]
FORM = "Danh hiệu “Lao động tiên tiến”"
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Lan", "Linh", "Mai", "Nam", "Phương",
         "Quang", "Sơn", "Thảo", "Trang", "Tuấn", "Yến"]


def nomination_rows(count: int) -> list[list]:
    """``count`` rows of individuals nominated for Lao động tiên tiến, all different (name and birth date)."""
    out = []
    for n in range(count):
        name = f"{SURNAMES[n % 12]} {MIDDLE[n // 12 % 8]} {GIVEN[n // 96 % 20]}"
        born = dt.date(1960, 1, 1) + dt.timedelta(days=n * 3)
        out.append([n + 1, name, "Nữ" if "Thị" in name else "Nam", born.strftime("%d/%m/%Y"), "Chuyên viên",
                    f"Thôn {n % 30 + 1}", FORM, "Hoàn thành xuất sắc nhiệm vụ được giao", ""])
    return out


def nomination_list_xlsx(path: Path, count: int = 8000, form: str = "NFC") -> Path:
    """A nomination list of ``count`` individuals in the export's layout, every text in Unicode ``form``."""
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "Cá nhân"

    def norm(value):
        return unicodedata.normalize(form, value) if isinstance(value, str) else value

    ws.append([norm("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG")])
    ws.append([])
    ws.append([norm(h) for h in PERSON_HEADER])
    for row in nomination_rows(count):
        ws.append([norm(v) for v in row])
    book.save(path)
    return path
