"""Folding Vietnamese text for matching: lower case, diacritics and đ removed, length preserved.

Because each character folds to exactly one character, a position found in the folded text is
the same position in the original, so matches can be cut from the original with its diacritics.
"""

import unicodedata
from functools import lru_cache


def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0]
    return base.lower() if len(base.lower()) == 1 else ch


# Every letter of the Latin blocks Vietnamese uses (Basic Latin to Latin Extended Additional), folded once.
_TABLE = {cp: _fold_char(chr(cp)) for cp in range(0x2000) if _fold_char(chr(cp)) != chr(cp)}


@lru_cache(maxsize=8192)  # the extractor folds the same clause several times
def fold(text: str) -> str:
    """``text`` without diacritics, lower-cased, same length: "Tỷ lệ Đạt" → "ty le dat"."""
    return text.translate(_TABLE)


def accent_ratio(text: str) -> float:
    """Share of letters that carry a Vietnamese diacritic (about 0.3–0.5 in normal Vietnamese prose)."""
    lowered = text.lower()
    folded = fold(lowered)
    letters = [i for i, c in enumerate(lowered) if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for i in letters if folded[i] != lowered[i]) / len(letters)


def search_key(text: str) -> str:
    """``text`` lower-cased without diacritics for searching ("Nguyễn Văn Đức" → "nguyen van duc"); unlike
    :func:`fold` the length may change (other marks are dropped), and it is about twice as fast."""
    return unicodedata.normalize("NFD", text.lower().replace("đ", "d")).encode("ascii", "ignore").decode()
