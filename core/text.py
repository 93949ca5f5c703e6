"""Text normalisation shared by storage, extraction, search and exports.

Every string read from a file or entering the database passes through :func:`nfc`, because
decomposed (NFD) Vietnamese breaks matching and renders badly in Word and Qt, and a control character
(U+0001 pasted from another program) makes every .docx export fail: XML cannot hold it.

Folding (:func:`fold`) takes lower case and removes diacritics and đ, one character for one, so a
position found in the folded text is the same position in the original and matches can be cut from
the original with its diacritics.
"""

import re
import unicodedata
from functools import lru_cache


# Control characters (C0 but tab, line feed and carriage return; DEL; C1) and lone surrogates: none can be written
# in XML (.docx, .xlsx) and none is text. The line separators among them (VT, FF, FS–RS, NEL) become line feeds.
_CONTROLS: dict[int, str | None] = {
    cp: None for cp in (*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0), *range(0xD800, 0xE000))
}
_CONTROLS.update({cp: "\n" for cp in (0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85)})
_HAS_CONTROL = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def nfc(value: str | None) -> str | None:
    """Return ``value`` in Unicode NFC without control characters (line separators such as VT become line
    feeds) and with surrounding white space removed; ``None`` stays ``None``.

    Used on every text read from a file (core.reading, the .xlsx import) and on every string attribute saved
    (core.db's flush hook), so a stray U+0001 never reaches an export.
    """
    if value is None:
        return None
    if _HAS_CONTROL.search(value):
        value = value.translate(_CONTROLS)
    return unicodedata.normalize("NFC", value).strip()


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0]
    return base.lower() if len(base.lower()) == 1 else ch


# Every letter of the Latin blocks Vietnamese uses (Basic Latin to Latin Extended-B, and Latin Extended Additional
# for ạ ả ấ … ỹ), folded once; other scripts are left as they are.
_TABLE = {cp: folded for cp in (*range(0x250), *range(0x1E00, 0x1F00)) if (folded := _fold_char(chr(cp))) != chr(cp)}


@lru_cache(maxsize=8192)  # the extractor folds the same clause several times
def fold(text: str) -> str:
    """``text`` without diacritics, lower-cased, same length: "Tỷ lệ Đạt" → "ty le dat"."""
    return text.translate(_TABLE)


def accent_ratio(text: str) -> float:
    """Share of letters that carry a Vietnamese diacritic (about 0.3–0.5 in normal Vietnamese prose)."""
    lowered = text.lower()
    letters = sum(map(str.isalpha, lowered))
    if not letters:
        return 0.0
    return sum(map(str.__ne__, lowered, fold(lowered))) / letters  # in NFC text folding changes letters only


def search_key(text: str) -> str:
    """``text`` lower-cased without diacritics for searching ("Nguyễn Văn Đức" → "nguyen van duc"); unlike
    :func:`fold` the length may change (other marks are dropped), and it is about twice as fast."""
    return unicodedata.normalize("NFD", text.lower().replace("đ", "d")).encode("ascii", "ignore").decode()
