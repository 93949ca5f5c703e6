"""Restoring Vietnamese diacritics in OCR-damaged text (e.g. "Ty 1¢ tang dan s6 tu nhién").

Rather than rules for one file, the text is matched against a vocabulary of common indicator
phrases (``resources/vocabulary/phrases.txt``): the longest phrase whose words fold to the
damaged words (allowing one OCR error per word, and OCR's usual digit-for-letter swaps) replaces
them. Words no phrase covers are left as they were.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.text import accent_ratio, fold

# OCR reads accented vowels as digits or symbols: "t6" = tổ, "d4u" = đấu, "1¢" = lệ, "18" = lệ.
_OCR_MAP = str.maketrans({"6": "o", "0": "o", "4": "a", "3": "a", "1": "l", "¢": "e", "€": "e", "8": "e", "é": "e"})
_TOKEN = re.compile(r"[^\s,;:()“”\"]+")


def is_damaged(text: str) -> bool:
    """True when Vietnamese text has lost its diacritics (OCR without a Vietnamese model), judged on its first
    20,000 characters (about seven pages: damage is a property of the whole scan)."""
    return len(text) > 200 and accent_ratio(text[:20000]) < 0.08


@lru_cache(maxsize=1)
def _phrases() -> list[tuple[list[str], list[str]]]:
    """(folded words, original words) of each vocabulary phrase, longest first."""
    from core.paths import resources_dir  # imported here: only damaged documents need the vocabulary

    raw = (resources_dir() / "vocabulary" / "phrases.txt").read_text(encoding="utf-8").splitlines()
    entries = [line.strip() for line in raw if line.strip() and not line.startswith("#")]
    phrases = [(fold(e).split(), e.split()) for e in entries]
    return sorted(phrases, key=lambda p: -len(p[0]))  # stable: equal lengths keep file order


def _word_matches(damaged: str, folded_vocab: str, in_phrase: bool, allow_digits: bool, distance) -> bool:
    """Whether an OCR-damaged word can be the vocabulary word (folded); ``distance`` is Levenshtein's.

    Inside a phrase, whose other words anchor the match, one wrong letter is allowed in words of two
    letters or more; a word alone must have four letters and not be another known word.
    """
    word = fold(damaged).strip(".'’").replace("'", "").replace("’", "")
    if word == folded_vocab:
        return True
    if any(c.isdigit() or c in "¢€" for c in word):
        if not allow_digits and word.isdigit():
            return False
        word = word.translate(_OCR_MAP)
    if word[:1] == "p" and folded_vocab[:1] == "d":  # OCR reads "Đ" as "P": "Pang" = Đảng
        word = "d" + word[1:]
    if word == folded_vocab:
        return True
    if in_phrase:
        return len(word) >= 2 and word[0] == folded_vocab[0] and distance(word, folded_vocab) <= 1
    if word in _known_words():  # a real word is not another word misread
        return False
    return len(word) >= 4 and len(folded_vocab) >= 4 and distance(word, folded_vocab) <= 1


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    return frozenset(w for folded, _ in _phrases() for w in folded)


def restore(text: str) -> str:
    """``text`` with diacritics restored where vocabulary phrases match; capitalisation of the first word kept."""
    from rapidfuzz.distance.Levenshtein import distance  # imported here: only damaged documents need it

    tokens = list(_TOKEN.finditer(text))
    out: list[str] = []
    pos = 0
    i = 0
    while i < len(tokens):
        for folded, original in _phrases():
            n = len(folded)
            if i + n > len(tokens):
                continue
            window = tokens[i : i + n]
            matches = [
                _word_matches(t.group(), f, in_phrase=n > 1, allow_digits=n > 1 and k > 0, distance=distance)
                for k, (t, f) in enumerate(zip(window, folded))
            ]
            exact = sum(fold(t.group()).strip(".'’").translate(_OCR_MAP) == f for t, f in zip(window, folded))
            if all(matches) and (n == 1 or exact >= 1):
                for t, word in zip(window, original):
                    out.append(text[pos : t.start()])
                    src = t.group()
                    core = src.rstrip(".'’")
                    out.append(word.capitalize() if src[:1].isupper() else word)
                    out.append(src[len(core):])
                    pos = t.end()
                i += n
                break
        else:
            i += 1
    out.append(text[pos:])
    return "".join(out)
