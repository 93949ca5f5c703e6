"""Recognising the text of a scanned plan (an image-only PDF, or .png/.jpg/.tif images) offline, in Vietnamese.

The engine is Tesseract 5 through ``tesserocr`` (its wheels carry libtesseract for Windows and Linux) with the
Vietnamese LSTM model ``resources/tessdata/vie.traineddata`` (tessdata_fast, Apache-2.0): nothing is downloaded.
Why this engine, and how it was measured against the others: ``docs/OCR.md``.

Pages are read one at a time (the memory used does not grow with the page count). Each page is cleaned as OCR
needs: coloured ink (the red seal, a blue signature) is dropped by keeping each pixel's brightest channel, a page
lying sideways is turned upright by the direction of the text lines Tesseract's layout analysis finds, an
upside-down one by the engine's confidence, and a page skewed by more than 2° is straightened (Tesseract copes
with less by itself, and reads it better unturned); an uneven grey paper is left to Tesseract's local (Sauvola)
threshold. The page is then put together from the engine's words and their boxes: a ruled table's rows come back
with their cells (:class:`Table`), and a lone short number the layout analysis dropped as a speck is read on its
own (docs/OCR.md, "Tables on a scan").
"""

from __future__ import annotations

import io
import logging
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps, ImageSequence

from core.paths import resources_dir
from core.reading import MAX_PAGES, DocumentError, PageProgress
from core.reading import _too_long as too_long

log = logging.getLogger(__name__)

OCR_DPI = 200  # pages are read at this resolution: 13 pt text reads as well as at 300 dpi, twice as fast
A4_LONG_SIDE = round(297 / 25.4 * OCR_DPI)  # pixels
MAX_PAGE_PIXELS = 40_000_000  # an A3 page at 400 dpi; a larger image is no scanned page (and a memory risk)
MIN_SKEW, MAX_SKEW = 2, 6  # degrees: a page skewed less is read as it is, more is straightened up to MAX_SKEW
INK_DARKNESS = 110  # 0–255: a pixel darker than this in every channel is text, whatever its tint
COLOUR_SPREAD = 40  # 0–255: a pixel whose channels differ by more is coloured ink (seal, signature), not text
UPRIGHT_CONFIDENCE = 55  # a page read with a lower mean word confidence (0–100) is also tried upside down


def progress_text(page: int, pages: int) -> str:
    """What the clerk sees while page ``page`` of ``pages`` is recognised: "Đang nhận dạng trang 3/12…"."""
    return f"Đang nhận dạng trang {page}/{pages}…"


def unread_text(pages: list[int]) -> str:
    """The sentence naming the pages of a scan that yielded no text (``Document.unread_pages``, from 1):
    "Không nhận dạng được chữ ở trang 3, 7 của bản quét."."""
    return f"Không nhận dạng được chữ ở trang {', '.join(map(str, pages))} của bản quét."


class Cancelled(Exception):  # noqa: N818 (a stop the clerk asked for, not an error)
    """The user stopped the recognition (the progress callback returned False)."""


@dataclass
class Table:
    """A ruled table found on a scanned page: its ``rows`` top to bottom, each the text of its cells left to
    right (a cell's wrapped lines joined, an empty cell ""), as a .docx table row is read."""

    rows: list[list[str]]


@dataclass
class RecognisedPage:
    """One page's text: its ``paragraphs`` in reading order, each a list of lines as the engine laid them out or
    a :class:`Table`, none when nothing could be read, and the engine's mean word ``confidence`` (0–100)."""

    paragraphs: list[list[str] | Table]
    confidence: int

    @property
    def lines(self) -> list[str]:
        """All lines of the page in reading order, a table's rows with their cells separated by " | "."""
        return [line for paragraph in self.paragraphs for line in (
            [" | ".join(cells) for cells in paragraph.rows] if isinstance(paragraph, Table) else paragraph)]


def recognise(data: bytes, name: str, on_page: PageProgress | None = None) -> list[RecognisedPage]:
    """Recognise every page of ``data`` (an image-only PDF, or a PNG/JPEG/TIFF image, multi-page TIFF included).

    ``on_page`` is called before each page; returning False stops between pages with :class:`Cancelled`.
    Raises :class:`core.reading.DocumentError` (a Vietnamese sentence) for an unreadable or oversized image,
    more than ``MAX_PAGES`` pages, or when no page yields any text.
    """
    count, pages = _pdf_pages(data, name) if b"%PDF" in data[:1024] else _image_pages(data, name)
    if count > MAX_PAGES:
        raise too_long(name)
    out: list[RecognisedPage] = []
    with _engine() as api:
        for number, page in enumerate(pages, start=1):
            if on_page is not None and not on_page(number, count):
                raise Cancelled
            out.append(_read_page(api, page))
    if not any(page.paragraphs for page in out):
        raise DocumentError(f"Không nhận dạng (OCR) được chữ nào trong bản quét «{name}». Hãy quét lại rõ hơn "
                            "(200–300 dpi, trang thẳng) hoặc dùng bản .docx của văn bản.")
    return out


def _tessdata() -> str:
    """The model's folder as Tesseract can open it. Tesseract opens files in the ANSI code page on Windows
    (tesseract-ocr/tesseract issue 3709), so a folder under a user named "Nguyễn" is given in its short 8.3 form."""
    path = str(resources_dir() / "tessdata")
    if sys.platform == "win32" and not path.isascii():
        import ctypes

        buffer = ctypes.create_unicode_buffer(1024)
        if ctypes.windll.kernel32.GetShortPathNameW(path, buffer, len(buffer)):  # type: ignore[attr-defined]
            path = buffer.value
    return path


def _engine():
    try:
        import tesserocr

        api = tesserocr.PyTessBaseAPI(path=_tessdata(), lang="vie",
                                      psm=tesserocr.PSM.AUTO, oem=tesserocr.OEM.LSTM_ONLY)
    except (ImportError, RuntimeError):  # a damaged installation: the library or the model is missing
        log.exception("the OCR engine did not start")
        raise DocumentError("Bộ nhận dạng chữ (OCR) của chương trình không khởi động được; hãy cài lại chương "
                            "trình, hoặc dùng bản .docx của văn bản.") from None
    api.SetVariable("thresholding_method", "2")  # Sauvola: a local threshold, for grey and uneven paper
    api.SetVariable("user_defined_dpi", str(OCR_DPI))
    return api


def _pdf_pages(data: bytes, name: str) -> tuple[int, Iterator[Image.Image]]:
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        raise DocumentError(f"Tệp PDF «{name}» bị hỏng, không đọc được.") from None

    def pages() -> Iterator[Image.Image]:
        try:
            for index in range(len(pdf)):
                page = pdf[index]
                width, height = page.get_size()  # points
                scale = min(OCR_DPI / 72, (MAX_PAGE_PIXELS / (width * height)) ** 0.5)
                yield page.render(scale=scale, grayscale=False).to_pil()
                page.close()
        finally:
            pdf.close()

    return len(pdf), pages()


def _image_pages(data: bytes, name: str) -> tuple[int, Iterator[Image.Image]]:
    try:
        image = Image.open(io.BytesIO(data))
        count = getattr(image, "n_frames", 1)
    except (OSError, ValueError, Image.DecompressionBombError):
        raise DocumentError(f"Tệp ảnh «{name}» bị hỏng hoặc không phải ảnh PNG, JPEG hay TIFF.") from None

    def pages() -> Iterator[Image.Image]:
        for frame in ImageSequence.Iterator(image):
            if frame.width * frame.height > MAX_PAGE_PIXELS:
                raise DocumentError(f"Ảnh trong tệp «{name}» quá lớn ({frame.width}×{frame.height} điểm); "
                                    "hãy quét ở 200–300 dpi.")
            try:
                page = ImageOps.exif_transpose(frame)  # a phone photo stores its turn in EXIF
                dpi = float(page.info.get("dpi", (0, 0))[0])
                # the scan's resolution, or for a photo (72 dpi or none) its size taken as an A4 page
                factor = OCR_DPI / dpi if 100 <= dpi <= 1200 else A4_LONG_SIDE / max(page.size)
                if not 0.9 < factor < 1.1:
                    size = (round(page.width * factor), round(page.height * factor))
                    page = page.resize(size, Image.Resampling.LANCZOS)
                yield page
            except OSError:
                raise DocumentError(f"Tệp ảnh «{name}» bị hỏng, không đọc hết được.") from None

    return count, pages()


def ink(page: Image.Image) -> Image.Image:
    """The page in grey with coloured ink dropped: each pixel takes its brightest channel, so black text stays
    black while a red seal or a blue signature turns as light as the paper; a pixel clearly coloured and not
    dark (channels more than ``COLOUR_SPREAD`` apart, as on a seal's edge blurred by JPEG) takes the paper's
    grey, while black text under the seal stays."""
    if page.mode in ("L", "1", "I;16", "I", "F"):
        return page.convert("L")
    r, g, b = page.convert("RGB").split()
    brightest = ImageChops.lighter(ImageChops.lighter(r, g), b)
    darkest = ImageChops.darker(ImageChops.darker(r, g), b)
    coloured = ImageChops.subtract(brightest, darkest).point(lambda v: 255 if v > COLOUR_SPREAD else 0)
    light = brightest.point(lambda v: 255 if v > INK_DARKNESS else 0)
    histogram = brightest.histogram()
    half, paper = sum(histogram) / 2, 0
    while half > 0:  # the median grey: the paper, which covers most of a page
        half -= histogram[paper]
        paper += 1
    brightest.paste(paper - 1, mask=ImageChops.multiply(coloured, light))
    return brightest


def _line_profile_score(small: Image.Image) -> float:
    """How sharply the dark text of ``small`` (grey, ink dark) falls into horizontal lines: the variance of
    its row darkness."""
    rows = ImageOps.invert(small).resize((1, small.height), Image.Resampling.BOX).tobytes()  # one byte a row
    mean = sum(rows) / len(rows)
    return sum((v - mean) ** 2 for v in rows) / len(rows)


def straighten(page: Image.Image) -> Image.Image:
    """``page`` (grey, its text lines running across) straightened when skewed by more than ``MIN_SKEW`` (up to
    ``MAX_SKEW``) degrees, as the projection profile of its text decides; ``page`` itself when it is not. A
    smaller skew is left to Tesseract, which reads it better unturned (docs/OCR.md)."""
    small = page.copy()
    small.thumbnail((600, 600))
    small = small.point(lambda v: 0 if v < 140 else 255)
    scores = {angle: _line_profile_score(small.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255))
              for angle in range(-MAX_SKEW, MAX_SKEW + 1)}
    coarse = max(scores, key=lambda a: (scores[a], -abs(a)))
    if abs(coarse) < MIN_SKEW:
        return page
    fine = max((coarse + step / 4 for step in range(-3, 4)),
               key=lambda a: _line_profile_score(small.rotate(a, resample=Image.Resampling.BILINEAR, fillcolor=255)))
    return page.rotate(fine, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)


def _sideways(api) -> bool:
    """Whether the text lines Tesseract's layout analysis finds on the image set in ``api`` run down the page
    rather than across it (weighed by their length): a page lying sideways. Unlike a projection profile, this
    is not fooled by a table's vertical rules or by a page holding one narrow column of short cells."""
    import tesserocr

    layout = api.AnalyseLayout()
    across = down = 0
    for line in tesserocr.iterate_level(layout, tesserocr.RIL.TEXTLINE) if layout is not None else ():
        box = line.BoundingBox(tesserocr.RIL.TEXTLINE)
        if box is not None:
            width, height = box[2] - box[0], box[3] - box[1]
            if width >= height:
                across += width
            else:
                down += height
    return down > across


def _read_page(api, page: Image.Image) -> RecognisedPage:
    """One page read upright: turned a quarter when it lies sideways, straightened when skewed, and read again
    upside down when the engine is unsure of it. Tesseract's layout analysis of the page as it came is reused
    by the recognition when the page needs no turning (most pages), so the check costs nothing then."""
    grey = ink(page)
    api.SetImage(grey)
    turned = grey.rotate(90, expand=True) if _sideways(api) else grey
    straight = straighten(turned)
    if straight is not grey:
        api.SetImage(straight)
    result = _recognise(api, straight)
    if result.confidence < UPRIGHT_CONFIDENCE:
        upside_down_image = straight.rotate(180)
        api.SetImage(upside_down_image)
        upside_down = _recognise(api, upside_down_image)
        if upside_down.confidence > result.confidence:
            result = upside_down
    return result


# Marks Tesseract reads from a speck of dirt or a seal's edge, standing alone: "2025./. `", "đua. ˆ".
_SPECK = re.compile(r"\s+[`´^ˆ˜_¿¡]{1,2}(?=\s|$)")
# A dash read as a tilde at the start of an item: "~ (4) Thu ngân sách", "~- Các phòng".
_TILDE_DASH = re.compile(r"^[~˜]-?\s*")


# The square of an area unit read as a question mark, after a number or alone in a cell: "m?/người", "20 km?".
_SQUARE = re.compile(r"(^|\d\s?)(k?m)\?(?=/|\s|$|[,;.)])")
# A roman numeral alone on its line (a table's group row number) read as letters: "H" for II, "IH" for III.
_ROMAN = {"H": "II", "Il": "II", "lI": "II", "ll": "II", "IH": "III", "HI": "III", "Hl": "III", "lH": "III"}
# A bracket read as a brace at one end: "GRDP 2025{%)", "(tỷ đồng}" (a seal's ring or grain touching it).
_BRACES = ((re.compile(r"[{\[]([^(){}\[\]]{1,20})\)"), r"(\1)"), (re.compile(r"\(([^(){}\[\]]{1,20})[}\]]"), r"(\1)"))


def tidy(line: str) -> str:
    """A recognised line without the specks Tesseract reads as lone marks, its item dash restored, "m?" read
    for "m²", a bracket read as a brace at one end and a lone roman numeral read as letters ("H" for "II") put
    right."""
    line = _SQUARE.sub(r"\1\2²", _TILDE_DASH.sub("- ", _SPECK.sub("", line))).strip()
    for brace, bracket in _BRACES:
        line = brace.sub(bracket, line)
    return _ROMAN.get(line.rstrip("."), line)


def _recognise(api, image: Image.Image) -> RecognisedPage:
    """The text of ``image`` (already set in ``api``), in paragraphs; a ruled table's rows rebuilt into cells."""
    confidence = api.MeanTextConf()
    words, rules = _words(api)
    if words:
        ink_map = api.GetThresholdedImage()
        marks = [_read_alone(api, image, box) for box in _missed_marks(ink_map, words, rules)]
        words = _with_missed_marks(words, marks)
    paragraphs = _paragraphs(words, _ruled_tables(rules), lambda box: _reread(api, image, box))
    return RecognisedPage(paragraphs, confidence if paragraphs else 0)


MARK_BLOCK = 8  # pixels: the page's ink is mapped in squares of this side to find marks no word covers
PAGE_EDGE = 0.04  # the share of the page's width and height along its edges where ink is the scan's border


def _missed_marks(ink_map: Image.Image, words: list[_Word], rules: _Rules) -> list[Box]:
    """Boxes of the marks on the page that no recognised word or rule covers and that are sized like a short
    word of the page's text: a lone "1", "12" or "89" on its own line, which Tesseract's layout analysis
    drops as a speck. A speck of dirt or grain is smaller; the scan's dark border is left out."""
    heights = sorted(w.box[3] - w.box[1] for w in words)
    height = heights[len(heights) // 2]  # the text's usual word height
    small = ImageOps.invert(ink_map.convert("L")).resize(
        (ink_map.width // MARK_BLOCK, ink_map.height // MARK_BLOCK), Image.Resampling.BOX)
    covered = Image.new("L", small.size, 0)
    draw = ImageDraw.Draw(covered)
    for left, top, right, bottom in [w.box for w in words] + rules.across + rules.down:
        draw.rectangle((left // MARK_BLOCK - 1, top // MARK_BLOCK - 1, right // MARK_BLOCK + 1,
                        bottom // MARK_BLOCK + 1), fill=255)
    width, rows = small.size
    edge_x, edge_y = round(width * PAGE_EDGE), round(rows * PAGE_EDGE)
    darkness, cover = small.tobytes(), covered.tobytes()  # one byte a square, row after row
    free = {(x, y) for y in range(edge_y, rows - edge_y) for x in range(edge_x, width - edge_x)
            if darkness[y * width + x] >= 40 and not cover[y * width + x]}  # inked squares no word covers
    marks = []
    while free:
        stack = [free.pop()]
        group = []
        while stack:  # the squares with ink touching this one
            cx, cy = stack.pop()
            group.append((cx, cy))
            for near in ((cx + 1, cy), (cx - 1, cy), (cx, cy + 1), (cx, cy - 1)):
                if near in free:
                    free.remove(near)
                    stack.append(near)
        xs, ys = [g[0] for g in group], [g[1] for g in group]
        box = (min(xs) * MARK_BLOCK, min(ys) * MARK_BLOCK, (max(xs) + 1) * MARK_BLOCK, (max(ys) + 1) * MARK_BLOCK)
        if 0.6 * height <= box[3] - box[1] <= 1.6 * height and box[2] - box[0] <= 4 * height:
            marks.append(box)
    return sorted(marks, key=lambda b: (b[1], b[0]))


MARK_CONFIDENCE = 80  # a mark read alone with a lower confidence (0–100) is dropped


def _read_alone(api, image: Image.Image, box: Box) -> _Word | None:
    """The word a missed mark (``box``) reads as on its own, None when it is no letter or digit read surely."""
    import tesserocr

    pad = MARK_BLOCK
    crop = image.crop((box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad))
    api.SetPageSegMode(tesserocr.PSM.SINGLE_LINE)  # a single word's mode reads "1" as "L]"
    try:
        api.SetImage(ImageOps.expand(crop, border=20, fill=255))
        text = tidy(" ".join(api.GetUTF8Text().split()))
        sure = api.MeanTextConf() >= MARK_CONFIDENCE
    finally:
        api.SetPageSegMode(tesserocr.PSM.AUTO)
    return _Word(text, box, -1, -1) if sure and any(c.isalnum() for c in text) else None


def _with_missed_marks(words: list[_Word], marks: list[_Word | None]) -> list[_Word]:
    """``words`` with each mark read alone put in as a paragraph of its own, before the first paragraph that
    starts below it (the engine's reading order runs down the page)."""
    out = list(words)
    for number, mark in enumerate((m for m in marks if m is not None), start=1):
        mark.paragraph = mark.line = -number
        at = next((k for k, w in enumerate(out) if (k == 0 or w.paragraph != out[k - 1].paragraph)
                   and w.box[1] > mark.box[1]), len(out))
        out.insert(at, mark)
    return out


Box = tuple[int, int, int, int]  # left, top, right, bottom in pixels


@dataclass
class _Word:
    text: str
    box: Box
    paragraph: int  # the engine's paragraph and line it belongs to, numbered down the page
    line: int

    @property
    def centre(self) -> tuple[float, float]:
        return (self.box[0] + self.box[2]) / 2, (self.box[1] + self.box[3]) / 2


@dataclass
class _Rules:
    across: list[Box]  # the horizontal and vertical rules Tesseract's layout analysis found (blocks of lines)
    down: list[Box]


def _words(api) -> tuple[list[_Word], _Rules]:
    """The recognised words of the page with their boxes, in the engine's reading order, and its ruling lines."""
    import tesserocr

    words: list[_Word] = []
    rules = _Rules([], [])
    iterator = api.GetIterator()
    paragraph = line = -1
    for word in tesserocr.iterate_level(iterator, tesserocr.RIL.WORD) if iterator is not None else ():
        kind = word.BlockType()
        if kind in (tesserocr.PT.HORZ_LINE, tesserocr.PT.VERT_LINE):
            box = word.BoundingBox(tesserocr.RIL.BLOCK)
            if box is not None:
                (rules.across if kind == tesserocr.PT.HORZ_LINE else rules.down).append(box)
            continue
        paragraph += word.IsAtBeginningOf(tesserocr.RIL.PARA)
        line += word.IsAtBeginningOf(tesserocr.RIL.TEXTLINE)
        if word.Empty(tesserocr.RIL.WORD):  # a blob with no text (tesserocr raises on reading it)
            continue
        text, box = word.GetUTF8Text(tesserocr.RIL.WORD), word.BoundingBox(tesserocr.RIL.WORD)
        if text and box is not None:
            words.append(_Word(text, box, paragraph, line))
    return words, rules


@dataclass
class _Grid:
    """A ruled table: the y of its horizontal rules (row boundaries, top to bottom) and its vertical rules."""

    left: int
    right: int
    rows: list[float]
    columns: list[Box]

    def holds(self, word: _Word) -> bool:
        x, y = word.centre
        return self.left <= x <= self.right and self.rows[0] <= y <= self.rows[-1]

    def cells(self, words: list[_Word], reread: Callable[[Box], str]) -> list[list[str]]:
        """The rows of the table, each its cells' text: a word goes to the row and the column its centre is in
        (columns found row by row, from the vertical rules crossing the row: merged cells make fewer cells).
        A cell where no word was read is given to ``reread`` (a lone "4" or "8" the page's layout analysis
        took for a speck); a "|" at either end of a word (a piece of a rule: "|%") is dropped."""
        out = []
        for top, bottom in pairwise(self.rows):
            middle = (top + bottom) / 2
            edges = sorted([self.left, self.right] + [(b[0] + b[2]) / 2 for b in self.columns
                                                       if b[1] <= middle <= b[3]])
            bounds = [edge for k, edge in enumerate(edges) if k == 0 or edge - edges[k - 1] > RULE_MERGE]
            inside = sorted((w for w in words if top <= w.centre[1] < bottom), key=lambda w: (w.line, w.box[0]))
            if not inside:
                continue
            cells = [tidy(" ".join(w.text.strip("|") for w in inside if left <= w.centre[0] < right))
                     for left, right in pairwise(bounds)]
            out.append([cell or reread((round(left), round(top), round(right), round(bottom)))
                        for cell, (left, right) in zip(cells, pairwise(bounds), strict=True)])
        return out


RULE_MERGE = 12  # pixels: rules closer than this are one rule (a thick or doubled line)


def _ruled_tables(rules: _Rules) -> list[_Grid]:
    """The ruled tables of a page: two or more vertical rules side by side over the same height, and the
    horizontal rules reaching across them. A rule under a header's name (no vertical rule) makes no table."""
    grids: list[_Grid] = []
    for box in sorted(rules.down, key=lambda b: b[1]):
        grid = next((g for g in grids if box[1] < g.rows[-1] and box[3] > g.rows[0]), None)
        if grid is None:
            grids.append(_Grid(box[0], box[2], [box[1], box[3]], [box]))
        else:
            grid.left, grid.right = min(grid.left, box[0]), max(grid.right, box[2])
            grid.rows = [min(grid.rows[0], box[1]), max(grid.rows[-1], box[3])]
            grid.columns.append(box)
    tables = []
    for grid in grids:
        if len(grid.columns) < 2:
            continue
        width = grid.right - grid.left
        ys = sorted([(b[1] + b[3]) / 2 for b in rules.across if b[2] - b[0] > width / 2
                     and grid.rows[0] - RULE_MERGE <= (b[1] + b[3]) / 2 <= grid.rows[-1] + RULE_MERGE]
                    + grid.rows)
        grid.rows = [y for k, y in enumerate(ys) if k == 0 or y - ys[k - 1] > RULE_MERGE]
        if len(grid.rows) >= 3:
            tables.append(grid)
    return tables


PARAGRAPH_GAP = 2  # a line further below the one before than twice its height starts a paragraph
CELL_MARGIN = 6  # pixels inside a cell's rules: what is left is the cell's text
CELL_INK = 30  # dark pixels (specks of grain aside) in an empty cell above this are text the page's reading missed
CELL_CONFIDENCE = 50  # a cell read on its own with a lower confidence (0–100) is left empty


def _reread(api, image: Image.Image, box: Box) -> str:
    """The text of one table cell (``box`` between its rules) read on its own, "" when it holds no ink. On a
    whole page Tesseract drops a lone short number in a cell ("4", "8") as a speck; alone it reads it."""
    import tesserocr

    left, top, right, bottom = box
    crop = image.crop((left + CELL_MARGIN, top + CELL_MARGIN, right - CELL_MARGIN, bottom - CELL_MARGIN))
    if crop.width < 8 or crop.height < 8:
        return ""
    if crop.filter(ImageFilter.MedianFilter(3)).point(lambda v: 255 if v < 128 else 0).histogram()[255] <= CELL_INK:
        return ""
    api.SetPageSegMode(tesserocr.PSM.SINGLE_BLOCK)
    try:
        api.SetImage(ImageOps.expand(crop, border=20, fill=255))
        text = tidy(" ".join(api.GetUTF8Text().split()).strip("| "))
        return text if any(c.isalnum() for c in text) and api.MeanTextConf() >= CELL_CONFIDENCE else ""
    finally:
        api.SetPageSegMode(tesserocr.PSM.AUTO)


def _paragraphs(words: list[_Word], tables: list[_Grid], reread: Callable[[Box], str]) -> list[list[str] | Table]:
    """The page's paragraphs in the engine's reading order, each table's words replaced by its rows where its
    first word was read. A paragraph of the engine is split where a line stands further below the one before
    than ``PARAGRAPH_GAP`` times that line's height: cells printed one per paragraph ("TT", then "Mục tiêu
    tăng trưởng (%)" a few lines lower) are not run together, while a page of prose reads as the engine gave it."""
    out: list[list[str] | Table] = []
    placed: set[int] = set()
    lines: dict[int, list[str]] = {}  # the words of each line of the paragraph being built
    paragraph = None
    line_box: list[int] = []  # top and bottom of the last line read

    def flush() -> None:
        text = [line for line in (tidy(" ".join(ws)) for ws in lines.values()) if line]
        if text:
            out.append(text)
        lines.clear()

    for word in words:
        table = next((k for k, t in enumerate(tables) if t.holds(word)), None)
        if table is not None:
            if table not in placed:
                placed.add(table)
                flush()
                rows = tables[table].cells(words, reread)
                if rows:
                    out.append(Table(rows))
            continue
        if word.line not in lines and line_box and \
                word.box[1] - line_box[1] > PARAGRAPH_GAP * (line_box[1] - line_box[0]):
            flush()
        if word.paragraph != paragraph:
            flush()
            paragraph = word.paragraph
        if word.line not in lines:
            line_box = [word.box[1], word.box[3]]
        line_box = [min(line_box[0], word.box[1]), max(line_box[1], word.box[3])]
        lines.setdefault(word.line, []).append(word.text)
    flush()
    return out
