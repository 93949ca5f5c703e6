"""Indicator names as a clerk adopts them: cut out of a clause or a table label, without leftover cue words,
comparators, brackets or list markers (issue 23 item 6)."""

from __future__ import annotations

import re
from functools import lru_cache

from core.text import fold

# Words that open a self-standing indicator name: a clause starting so does not take the item's head.
INDICATOR_START = re.compile(
    r"^\(?\s*(?:giam |tang |nang )?"
    r"(?:ty le|ty trong|tong|so |toc do|thu nhap|thu ngan sach|binh quan|gia tri|san luong|co cau|dien tich)"
)
_LEADING_NOISE = re.compile(
    r"^(?:\(|date \d{4}-\d\d(?:-\d\d)? |và |còn |có |cụ thể,? |ph[aâầấ]n đ[aấ]u (?:có |đạt )?|đồng thời |"
    r"trong đó,? |riêng |,|\s)+",
    re.I)
_TIME_PHRASE = re.compile(r"^(?:đến |trong |cuối |hết )?năm 20\d\d(?: này| nay)?,?\s*(?=\S|$)", re.I)
# Cue words left at a name's end, matched with their marks: "đạt" but not "đất", "tăng" but not "hạ tầng".
_TRAILING_NOISE = re.compile(
    r"(?:\s|:|,|\(|\bước thực hiện|\bước đạt|\bđạt|\blà|\bvà|ở mức|\bmức|\bgiữ|phấn đấu|đạt/vượt|đạt và vượt|"
    r"\btăng|hàng năm|hằng năm|\bchiếm)+$", re.I)
_TRAILING_CUES = re.compile(
    r"(?:\s+(?:từ|giảm còn|giảm xuống còn|giảm|còn|xuống còn|ở mức|khoảng|trên|dưới|không dưới|không thấp hơn|"
    r"không ít hơn|không quá|không vượt(?: quá)?|không cao hơn|tối thiểu|tối đa|ít nhất|đạt|cho|tăng gấp|gấp|duy trì)"
    r"|(?<!trở)\s+lên)+\s*$", re.I)
# A verb before the indicator it sets: "nâng tỷ lệ … lên 95%", "đạt tốc độ tăng … 11%" → "Tỷ lệ …", "Tốc độ tăng …".
_RAISE_VERB = re.compile(
    r"^(?:nang cao|nang|dat)\s+(?=ty le|ty trong|toc do|thu nhap|tong|gia tri|san luong|binh quan)")


def _cut_trailing(text: str, folded_pattern: re.Pattern) -> str:
    """``text`` without the tail that ``folded_pattern`` finds in its folded form."""
    m = folded_pattern.search(fold(text))
    return text[: m.start()] if m else text


def _cut_noise(text: str) -> str:
    """``text`` without trailing cue words (see ``_TRAILING_NOISE``)."""
    m = _TRAILING_NOISE.search(text)
    return text[: m.start()] if m else text


_SUBJECT_AND_CUE = re.compile(
    r"^.{0,600}?\b(?:phan dau|de ra|dat muc tieu|giao (?:muc tieu|chi tieu))\b\s*(?:thuc hien\s*)?")
# A subject and its verb before the indicator: "Quốc hội quyết nghị tăng trưởng kinh tế" → "tăng trưởng kinh tế".
_SUBJECT_AND_VERB = re.compile(r"^.{0,40}?\b(?:quyet nghi|xac dinh|giao(?: chi tieu| muc tieu)?|thong qua)\s+")
_TRAILING_TIME = re.compile(r"\s+(?:(?:den |trong )?nam 20\d\d|giai doan 20\d\d\s*-\s*20\d\d)\s*$")
_TARGET_TIME = re.compile(r"\s+(?:den|vao|den het|trong) nam 20\d\d\s*$")
_URL = re.compile(r"(?:#?\s*source:\s*)?https?://\S+", re.I)


@lru_cache(maxsize=4096)  # a clause's words are cleaned several times while its names are chosen
def clean_name(text: str) -> str:
    """``text`` as an indicator name: without the subject and cue before it ("Xã phấn đấu …"), leading
    connectives ("và", "còn", "trong đó"), trailing cue words and comparators ("… đạt", "… giảm còn", "… ở mức"),
    and an unclosed bracket; the first letter in capitals. "và tỷ lệ hộ nghèo giảm còn" → "Tỷ lệ hộ nghèo"."""
    text = _URL.sub("", text)
    # "Huyện phấn đấu thu ngân sách" → "thu ngân sách"; "… đề ra các chỉ tiêu, trong đó phấn đấu tăng …" → "tăng …"
    while cue := _SUBJECT_AND_CUE.match(fold(text)):
        rest = text[cue.end() :]
        # nothing but a cue after it ("… tăng trưởng kinh tế năm 2026 phấn đấu từ"): the name is before it
        if not _finish(rest):
            text = _before_cue(text[: cue.end()])
            break
        text = rest
    close = text.find(")")
    if close >= 0 and "(" not in text[:close]:  # "413-500 hộ) và TP. Đồng Hới": the tail of a bracket before
        text = text[close + 1 :]
    text = re.sub(r"^\s*\([^()]*\)", "", text)  # "(40-52 hộ) và thị trấn Đồng Mỏ": a bracket before it
    text = _ABBREVIATION.sub(lambda m: _ABBREVIATIONS[m.group()], _finish(text))
    return text[:1].upper() + text[1:] if text else text


# Abbreviations of plan prose a name spells out, so the clerk and the field classifier read the same words.
_ABBREVIATIONS = {"TNGT": "tai nạn giao thông", "ATGT": "an toàn giao thông", "TTATGT": "trật tự an toàn giao thông",
                  "ANTT": "an ninh trật tự", "KT-XH": "kinh tế - xã hội", "KTXH": "kinh tế - xã hội"}
_ABBREVIATION = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True)) + r")(?![\w-])")


def _finish(text: str) -> str:
    text = _LEADING_NOISE.sub("", _TIME_PHRASE.sub("", _LEADING_NOISE.sub("", text.lstrip())))
    raise_verb = _RAISE_VERB.match(fold(text))
    if raise_verb:
        text = text[raise_verb.end() :]
    text = _cut_noise(text)
    text = _cut_trailing(text, _TARGET_TIME)  # "… được cứng hóa đến năm 2025": the time is the plan's, not the name's
    text = _TRAILING_CUES.sub("", " " + text).strip()
    text = text.strip(" :;,.-–(…")
    if text.count("(") > text.count(")"):
        text = text.replace("(", "", 1).strip()
    return text


def _before_cue(text: str) -> str:
    """The indicator written before a cue: "Quốc hội quyết nghị tăng trưởng kinh tế năm 2026 phấn đấu" →
    "tăng trưởng kinh tế"."""
    folded = fold(text)
    cue = re.search(r"\b(?:phan dau|de ra|dat muc tieu|giao (?:muc tieu|chi tieu))\b", folded)
    text = text[: cue.start()] if cue else text
    verb = _SUBJECT_AND_VERB.match(fold(text))
    if verb:
        text = text[verb.end() :]
    return _cut_trailing(text.rstrip(" ,"), _TRAILING_TIME)



# An English translation after a Vietnamese label in a bilingual table: "Số bác sĩ – Number of doctors".
_ENGLISH_WORDS = frozenset(["of", "per", "the", "in", "at", "to", "and", "with", "for", "which", "having", "rate", "by",
                            "from", "were", "was"])
_WORD = re.compile(r"[^\W\d_]+")


def cut_translation(label: str) -> str:
    """``label`` without the English translation a bilingual table writes after it: from the first capitalised
    word after which no Vietnamese letter follows, when that tail has three words or more, one of them an
    English function word ("– Life expectancy at birth (year)")."""
    for m in _WORD.finditer(label):
        if m.start() == 0 or not (m.group()[0].isupper() and m.group()[1:].islower()):  # not an acronym
            continue
        tail = label[m.start():]
        if any(ord(c) > 127 and c.isalpha() for c in tail):
            continue
        words = [w.lower() for w in _WORD.findall(tail)]
        dashed = bool(re.search(r"\s[-–—]\s*$", label[: m.start()]))  # "… – Maternal mortality ratio"
        if len(words) >= 3 and (dashed or _ENGLISH_WORDS.intersection(words)):
            return re.sub(r"\s+", " ", label[: m.start()]).rstrip(" -–—:(")
    return label


# Words that say what a number counts or measures when no unit is written: "Tỷ lệ …" is a share, "Số bác sĩ
# trên vạn dân" counts bác sĩ (the noun after "Số", up to a preposition, at most two words).
_SHARE_NAME = re.compile(r"^(?:ty le|ty trong|toc do|co cau)\b")
_COUNT_NAME = re.compile(r"^số ((?:(?!trên |cho |ở |tại |trong |được |có |đạt |mỗi )[^\s/]+\s?){1,2})")


def implied_unit(name: str) -> str | None:
    """The unit a name implies when none is written: "%" for a share or a rate, the counted noun for "Số …"."""
    folded = fold(name)
    if _SHARE_NAME.match(folded):
        return "%"
    m = _COUNT_NAME.match(name.lower())
    if not m:
        return None
    start = len("so ")
    return name[start : start + len(m.group(1).rstrip())]


_GROWTH = re.compile(r"^(?:muc tieu |ke hoach |chi tieu (?:giao )?)?(?=tang truong\b)")
_COLUMN_ROLE_WORDS = re.compile(r"^(?:muc tieu|ke hoach|chi tieu giao|chi tieu)\s+")


def growth_name(name: str) -> str:
    """A growth target named as the conventions want: "Tăng trưởng GRDP" → "Tốc độ tăng trưởng GRDP"."""
    m = _GROWTH.match(fold(name))
    if not m:
        return name
    rest = name[m.end():]
    return f"Tốc độ {rest[:1].lower()}{rest[1:]}"


def column_name(header: str) -> str:
    """The indicator a value column's header names, without its role word: "Mục tiêu tăng trưởng GRDP 2025"
    → "Tốc độ tăng trưởng GRDP 2025"; "Chỉ tiêu giao thu ngân sách năm 2027" → "Thu ngân sách năm 2027"."""
    name = growth_name(header)
    m = _COLUMN_ROLE_WORDS.match(fold(name))
    if m:
        name = name[m.end():]
    return name[:1].upper() + name[1:]
