"""Folding Vietnamese text for matching: lower case, diacritics and đ removed, length preserved.

Because each character folds to exactly one character, a position found in the folded text is
the same position in the original, so matches can be cut from the original with its diacritics.
"""

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0]
    return base.lower() if len(base.lower()) == 1 else ch


def fold(text: str) -> str:
    """``text`` without diacritics, lower-cased, same length: "Tỷ lệ Đạt" → "ty le dat"."""
    return "".join(_fold_char(c) for c in text)


def accent_ratio(text: str) -> float:
    """Share of letters that carry a Vietnamese diacritic (about 0.3–0.5 in normal Vietnamese prose)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if _fold_char(c) != c.lower()) / len(letters)
