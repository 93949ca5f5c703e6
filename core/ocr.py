"""Recognising the text of a scanned plan (an image-only PDF, or .png/.jpg/.tif images) offline, in Vietnamese.

The engine is Tesseract 5 through ``tesserocr`` (its wheels carry libtesseract for Windows and Linux) with the
Vietnamese LSTM model ``resources/tessdata/vie.traineddata`` (tessdata_fast, Apache-2.0): nothing is downloaded.
Why this engine, and how it was measured against the others: ``docs/OCR.md``.

Pages are read one at a time (the memory used does not grow with the page count). Each page is cleaned as OCR
needs: coloured ink (the red seal, a blue signature) is dropped by keeping each pixel's brightest channel, a page
lying sideways is turned upright by its text lines' direction, an upside-down one by the engine's confidence,
and a page skewed by more than 2° is straightened (Tesseract copes with less by itself, and reads it better
unturned); an uneven grey paper is left to Tesseract's local (Sauvola) threshold.
"""

from __future__ import annotations

import io
import logging
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageOps, ImageSequence

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
class RecognisedPage:
    """One page's text: its ``paragraphs`` (each a list of lines, as the engine laid them out) in reading order,
    none when nothing could be read, and the engine's mean word ``confidence`` (0–100)."""

    paragraphs: list[list[str]]
    confidence: int

    @property
    def lines(self) -> list[str]:
        """All lines of the page in reading order."""
        return [line for paragraph in self.paragraphs for line in paragraph]


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


def upright(page: Image.Image) -> Image.Image:
    """``page`` (grey) turned so that its text lines run across, and straightened when skewed by more than
    ``MIN_SKEW`` (up to ``MAX_SKEW``) degrees; the projection profile of the text decides. A smaller skew is
    left to Tesseract, which reads it better unturned (docs/OCR.md); upside down is left to the engine too."""
    small = page.copy()
    small.thumbnail((600, 600))
    small = small.point(lambda v: 0 if v < 140 else 255)
    if _line_profile_score(small.rotate(90, expand=True)) > 1.5 * _line_profile_score(small):
        page, small = page.rotate(90, expand=True), small.rotate(90, expand=True)
    scores = {angle: _line_profile_score(small.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255))
              for angle in range(-MAX_SKEW, MAX_SKEW + 1)}
    coarse = max(scores, key=lambda a: (scores[a], -abs(a)))
    if abs(coarse) < MIN_SKEW:
        return page
    fine = max((coarse + step / 4 for step in range(-3, 4)),
               key=lambda a: _line_profile_score(small.rotate(a, resample=Image.Resampling.BILINEAR, fillcolor=255)))
    return page.rotate(fine, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)


def _read_page(api, page: Image.Image) -> RecognisedPage:
    grey = upright(ink(page))
    result = _recognise_image(api, grey)
    if result.confidence < UPRIGHT_CONFIDENCE:
        turned = _recognise_image(api, grey.rotate(180))
        if turned.confidence > result.confidence:
            result = turned
    return result


# Marks Tesseract reads from a speck of dirt or a seal's edge, standing alone: "2025./. `", "đua. ˆ".
_SPECK = re.compile(r"\s+[`´^ˆ˜_¿¡]{1,2}(?=\s|$)")
# A dash read as a tilde at the start of an item: "~ (4) Thu ngân sách", "~- Các phòng".
_TILDE_DASH = re.compile(r"^[~˜]-?\s*")


def tidy(line: str) -> str:
    """A recognised line without the specks Tesseract reads as lone marks, its item dash restored."""
    return _TILDE_DASH.sub("- ", _SPECK.sub("", line)).strip()


def _recognise_image(api, grey: Image.Image) -> RecognisedPage:
    api.SetImage(grey)
    paragraphs = []  # Tesseract puts an empty line between paragraphs (and between the cells of a table)
    for block in api.GetUTF8Text().split("\n\n"):
        lines = [line for line in map(tidy, block.splitlines()) if line]
        if lines:
            paragraphs.append(lines)
    return RecognisedPage(paragraphs, api.MeanTextConf() if paragraphs else 0)
