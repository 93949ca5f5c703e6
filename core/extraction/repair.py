"""Restoring Vietnamese diacritics in OCR-damaged text (e.g. "Ty 1¢ tang dan s6 tu nhién").

Rather than rules for one file, the text is matched against a general vocabulary
(``resources/vocabulary/phrases.txt``: common plan words and indicator names, built by
``resources/vocabulary/build_phrases.py``): the longest phrase whose words fold to the damaged words
(allowing one OCR error per word, and OCR's usual digit-for-letter swaps) replaces them. A damaged word no
phrase covers is restored word by word: among the vocabulary's words that fold to it, the one that best
follows the word before it and precedes the next (counts of word pairs in the vocabulary), so "h6 dung dién
luéi" becomes "hộ dùng điện lưới" without that phrase in the list. Words the vocabulary does not know stay.
"""

from __future__ import annotations

import re
from itertools import pairwise
from collections import Counter, defaultdict
from functools import lru_cache

from core.text import accent_ratio, fold

# OCR reads accented vowels as digits or symbols: "t6" = tổ, "d4u" = đấu, "1¢" = lệ, "18" = lệ.
_OCR_MAP = str.maketrans({"6": "o", "0": "o", "4": "a", "3": "a", "1": "l", "¢": "e", "€": "e", "8": "e", "é": "e"})
_TOKEN = re.compile(r"[^\s,;:()“”\"]+")


def is_damaged(text: str) -> bool:
    """True when Vietnamese text has lost its diacritics (OCR without a Vietnamese model), judged on its first
    20,000 characters (about seven pages: damage is a property of the whole scan)."""
    return len(text) > 200 and accent_ratio(text[:20000]) < 0.08


@lru_cache(maxsize=16384)
def _key(word: str) -> str:
    """The folded form OCR damage is compared in: no marks, OCR digits read as letters."""
    key = fold(word).strip(".'’").replace("'", "").replace("’", "")
    if any(c.isdigit() or c in "¢€" for c in key) and not key.isdigit():
        key = key.translate(_OCR_MAP)
    return key


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[dict[str, list[tuple[list[str], list[str]]]], dict[str, Counter], Counter]:
    """(phrases by the first letter of their first word, longest first; the vocabulary's words by folded form with
    their counts; counts of word pairs)."""
    from core.paths import resources_dir  # imported here: only damaged documents need the vocabulary

    raw = (resources_dir() / "vocabulary" / "phrases.txt").read_text(encoding="utf-8").splitlines()
    entries = [line.strip() for line in raw if line.strip() and not line.startswith("#")]
    phrases = sorted(((fold(e).split(), e.split()) for e in entries), key=lambda p: -len(p[0]))
    by_letter: dict[str, list] = defaultdict(list)
    words: dict[str, Counter] = defaultdict(Counter)
    pairs: Counter = Counter()
    for folded, original in phrases:
        by_letter[folded[0][:1]].append((folded, original))
        lowered = [w.lower() for w in original]
        for f, w in zip(folded, lowered, strict=False):
            words[f][w] += 1
        pairs.update(pairwise(lowered))
    return dict(by_letter), dict(words), pairs


@lru_cache(maxsize=65536)  # the same damaged word meets the same vocabulary words at many positions
def _word_matches(word: str, folded_vocab: str, in_phrase: bool, allow_digits: bool) -> bool:
    """Whether an OCR-damaged word (folded, see :func:`_key`) can be the vocabulary word (folded).

    Inside a phrase, whose other words anchor the match, one wrong letter is allowed in words of two
    letters or more; a word alone must have four letters and not be another known word.
    """
    from rapidfuzz.distance.Levenshtein import distance  # imported here: only damaged documents need it

    if word == folded_vocab:
        return True
    if not allow_digits and word.isdigit():
        return False
    if word[:1] == "p" and folded_vocab[:1] == "d":  # OCR reads "Đ" as "P": "Pang" = Đảng
        word = "d" + word[1:]
    if word == folded_vocab:
        return True
    if in_phrase and len(word) == 1:  # OCR kept one letter of a short word: "tuổi b suy dinh dưỡng" = bị
        return word.isalpha() and folded_vocab[0] == word and len(folded_vocab) <= 3
    if abs(len(word) - len(folded_vocab)) > 1:
        return False
    if in_phrase:
        return len(word) >= 2 and word[0] == folded_vocab[0] and distance(word, folded_vocab) <= 1
    if word in _vocabulary()[1]:  # a real word is not another word misread
        return False
    return len(word) >= 4 and len(folded_vocab) >= 4 and distance(word, folded_vocab) <= 1


def _phrase_at(keys: list[str], i: int) -> list[str] | None:
    """The vocabulary phrase (original words) the damaged words (folded ``keys``) from ``i`` spell, longest
    first, or None."""
    first = keys[i][:1]
    for folded, original in _vocabulary()[0].get("d" if first == "p" else first, []):
        n = len(folded)
        if i + n > len(keys):
            continue
        window = keys[i : i + n]
        pairs = enumerate(zip(window, folded, strict=False))
        if not all(_word_matches(w, f, n > 1, n > 1 and k > 0) for k, (w, f) in pairs):
            continue
        if n == 1 or any(w == f for w, f in zip(window, folded, strict=False)):
            return original
    return None


def _best_words(keys: list[str], before: str | None) -> list[str | None]:
    """The vocabulary word for each folded key of a run of uncovered words (None where none folds to it),
    chosen left to right by how often it follows the word before it and precedes a word of the next key."""
    _, words, pairs = _vocabulary()
    out: list[str | None] = []
    for k, key in enumerate(keys):
        options = words.get(key) or _near_words(key)
        if not options:
            out.append(None)
            before = None
            continue
        following = words.get(keys[k + 1], Counter()) if k + 1 < len(keys) else Counter()

        def score(word: str, options=options, following=following, before=before) -> tuple[int, int, int]:
            return (pairs[(before, word)] if before else 0, sum(pairs[(word, w)] for w in following), options[word])

        best = max(options, key=score)
        out.append(best)
        before = best
    return out


@lru_cache(maxsize=4096)
def _near_words(key: str) -> Counter | None:
    """The vocabulary's words one OCR error away from ``key`` (three letters or more, same first letter):
    "ngudn" → nguồn, "céac" → các; None when there is none."""
    from rapidfuzz.distance.Levenshtein import distance  # imported here: only damaged documents need it

    if len(key) < 3 or not key.isalpha():
        return None
    words = _vocabulary()[1]
    near: Counter = Counter()
    for other, options in words.items():
        if other[:1] == key[:1] and abs(len(other) - len(key)) <= 1 and distance(other, key) <= 1:
            near.update(options)
    return near or None


def _written_like(source: str, word: str) -> str:
    """``word`` capitalised as ``source`` was, with the source's trailing full stop or apostrophe kept."""
    core = source.rstrip(".'’")
    return (word[:1].upper() + word[1:] if source[:1].isupper() else word) + source[len(core):]


def restore(text: str) -> str:
    """``text`` with diacritics restored: vocabulary phrases first, then single words by the word model;
    capitalisation and trailing punctuation of each word kept; acronyms and numbers left as written."""
    tokens = list(_TOKEN.finditer(text))
    keys = [_key(t.group()) for t in tokens]
    restored: list[str | None] = [None] * len(tokens)
    i = 0
    while i < len(tokens):
        phrase = _phrase_at(keys, i)
        if phrase is None:
            i += 1
            continue
        for k, phrase_word in enumerate(phrase):
            restored[i + k] = phrase_word
        i += len(phrase)
    _restore_words(tokens, restored)
    out: list[str] = []
    pos = 0
    for token, word in zip(tokens, restored, strict=False):
        if word is not None:
            out.append(text[pos : token.start()] + _written_like(token.group(), word))
            pos = token.end()
    out.append(text[pos:])
    return "".join(out)


def _restore_words(tokens: list, restored: list[str | None]) -> None:
    """Fill the words no phrase covered (see :func:`_best_words`), run by run; acronyms and numbers stay."""
    k = 0
    while k < len(tokens):
        if restored[k] is not None:
            k += 1
            continue
        end = k
        while end < len(tokens) and restored[end] is None:
            end += 1
        run = range(k, end)
        keys = [_key(tokens[j].group()) if _restorable(tokens[j].group()) else "" for j in run]
        previous = restored[k - 1] if k else None
        before = previous.lower() if previous else None
        for j, word in zip(run, _best_words(keys, before), strict=False):
            restored[j] = word
        k = end


def _restorable(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 1 and not (len(letters) >= 2 and all(c.isupper() for c in letters))
