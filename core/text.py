"""Text normalisation shared by storage, extraction, search and exports.

Every string that enters the database or a document passes through :func:`nfc`, because
decomposed (NFD) Vietnamese breaks matching and renders badly in Word and Qt.

Folding (:func:`fold`) takes lower case and removes diacritics and đ, one character for one, so a
position found in the folded text is the same position in the original and matches can be cut from
the original with its diacritics.
"""

import unicodedata
from functools import lru_cache


def nfc(value: str | None) -> str | None:
    """Return ``value`` in Unicode NFC with surrounding white space removed; ``None`` stays ``None``."""
    if value is None:
        return None
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
