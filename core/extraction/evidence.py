"""Evidence for and against a sentence stating targets, outside the outline's targets zones.

Superior documents state targets in running prose too: a resolution summary ("Về kinh tế: …"), a news
report of the session that adopted them, a decision assigning them. Every sentence holding a value
is a candidate; what decides is the *reading mode* the text is in when the sentence comes:

* **target**: after a cue that announces targets ("phấn đấu", "đề ra", "đặt mục tiêu", "các chỉ tiêu
  chủ yếu", "giao chỉ tiêu", "đến năm 2030") or a sentence opening with the target year ("Năm 2026, …");
* **past**: after a cue of results ("ước thực hiện", "đã đạt", "đến nay", "đạt được những kết quả", "hoàn thành
  12/12 chỉ tiêu", "so với cùng kỳ") or a sentence opening with an earlier year or term
  ("Năm 2025, …", "Nhiệm kỳ 2020-2025, …" when the targets are for 2026 or 2030);
* **neutral**: before any cue;
* **aside**: under a part of a plan that sets no targets ("I. Mục đích, yêu cầu", "Khen thưởng",
  "Tổ chức thực hiện"): "Huy động 100% cán bộ tham gia" there is a requirement, listed but not ticked;
* **closing**: from "Nơi nhận:" on (the distribution list: "- 04 tổ dân phố;" is a recipient), to the end.

The mode carries over to the next sentences and paragraphs until another cue changes it, as a reader
keeps reading "results" until the text turns to "targets". A question ("…?", with or without its picture
caption) is a headline, never a target.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from core.extraction.values import find_values
from core.text import fold

TARGET, PAST, NEUTRAL, ASIDE, CLOSING = "target", "past", "neutral", "aside", "closing"

# Confidence of a target by where it was found (0–1); the wizard ticks those at or above TICK.
CONFIDENCE = {"zone": 0.95, "table": 0.9, TARGET: 0.8, NEUTRAL: 0.55, "unsure": 0.4, ASIDE: 0.3, PAST: 0.15}
NEUTRAL_WEAK = 0.35  # a neutral sentence with neither an indicator noun nor comparator wording
TICK = 0.5

_TARGET_CUE = re.compile(
    r"\bphan dau\b|\bde ra\b|\bdat muc tieu\b|\bmuc tieu\b|\bchi tieu\b|\bden nam 20\d\d\b|\bke hoach nam\b"
)
_PAST_CUE = re.compile(
    r"(?<!so voi )(?<!(?<!con )so )\buoc (?:thuc hien|dat|tinh)\b|\bda dat\b|\bhien (?:da|dang)\b|\bdat duoc\b|"
    r"\bket qua\b|\bnhiem ky (?:qua|truoc)\b|\bhien (?:nay|tai)\b|\bden nay\b|"  # "đến nay cả nước đã có …"
    r"\b(?:\d{1,2}|sau|chin|ba|bay|tam|muoi|muoi mot) thang dau nam\b|"  # "trong sáu tháng đầu năm nay, … đạt"
    r"[\d.,]+\s*\S{1,12}(?: \S{1,12})?\s*,\s*(?:dat|bang)\s+[\d.,]+\s*%\s*(?:[,;.]|$)|"  # "900 tỷ đồng, đạt 130%"
    r"\bnam qua\b|\bda hoan thanh\b|\b\d+/\d+ chi tieu\b|\bda giai quyet\b|\btrong nam da\b|"
    r"\bvuot (?:\d+[.,]?\d*% )?(?:chi tieu|ke hoach)\b|"
    r"\b(?:bo tri|phan bo)\b.{0,40}\bcho\b"  # a budget allocated to a programme is a means, not a target
)
# A ratio to the quota ("đạt 105% so với kế hoạch", "bằng 98% so với dự toán") reports a result; a change
# measured from the quota or the estimate ("tăng bình quân 15 - 20% so với kế hoạch được giao", "tăng 20% so với
# dự toán năm trước") is how targets are set too, and says nothing of the past.
_QUOTA_RATIO = re.compile(r"\d%?\s*so voi (?:chi tieu|ke hoach|du toan)")
_CHANGE_BEFORE = re.compile(
    r"\b(?:tang|giam)(?:\s+(?:binh quan|them|tu|khoang|tren|hon|gan))*\s*(?:[\d.,]+\s*%?\s*[-–]\s*)?[\d.,]*$")
_OPENING_YEAR = re.compile(
    r"^\W*(?:trong |den |ca |cuoi |het )?(?:nam|nhiem ky|giai doan)\s+(?:(?:20\d\d)\s*[-–]\s*)?(20\d\d)\b"
)
_ASIDE_HEADING = re.compile(r"muc dich|yeu cau|to chuc thuc hien|khen thuong|hinh thuc|tieu chuan|kinh phi")
_QUESTION = re.compile(r"\?\s*(?:\([^()]{0,60}\))?\s*$")  # "…nào? (Ảnh: …)": a headline and its caption
_CLOSING = re.compile(r"^\W*noi nh[a-z]n\b")
_YEAR_IN_CUE = re.compile(r"\bnam (20\d\d)\b(?!\s*[-–]\s*20\d\d)")  # "năm 2026", "đến năm 2030"; not a period
_INDICATOR_NOUN = re.compile(
    r"\b(?:ty le|ty trong|toc do|tong|thu ngan sach|thu nhap|binh quan|gia tri|san luong|so |co cau|dien tich|"
    r"muc giam|kim ngach|von dau tu|giai quyet viec lam|grdp|gdp)"
)
_COMPARATOR_WORDS = re.compile(r"\b(?:dat|tren|hon|duoi|tu|tro len|giam|tang|khoang|gan|toi thieu|it nhat|con)\b")

# List markers run together inside one paragraph: "… 16%. 2. Thu nhập", "…: (7) Tỷ lệ", "… trở lên. - Lương
# thực", "… 2020-2025 I. Về kinh tế".
_ITEM_MARKER = (
    r"(?<=[.;:)])\s+(?=(?:\d{1,2}\.|\(\d{1,2}\))\s+[^\W\d_])"
    r"|(?<=[.;])\s+(?=[-+•]\s+[^\W\d_])"
    r"|(?<=[\w)])\s+(?=(?:[IVX]{1,4})\.\s+[A-ZĐ][^\W\d_])"
)
_ITEM_END = re.compile(_ITEM_MARKER)
# A sentence ends at ". " after a lower-case word, a number, a bracket or an acronym of three capitals ("… 5 tỷ USD."),
# not after "TP." or "Q.".
_SENTENCE_END = re.compile(r"(?:(?<=[a-zà-ỹđ\d%)”\"]{2}[.!?])|(?<=[A-ZĐ]{3}[.!?]))\s+(?=[^\W\d_])|"
                           r"(?:(?<=\s\d[.!?])|(?<=[^\W\d_]…)|(?<=[^\W\d_]\.\.\.))\s+(?=[A-ZĐ][a-zà-ỹđ])|"
                           + _ITEM_MARKER)  # "… mức độ 2. Tỷ suất …", "… tham gia BHYT… Đến năm …"
_SENTENCE_AFTER_PERIOD = re.compile(r"(?<=[a-zà-ỹđ%)]\.)(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])")  # "…%).Ổn định"


@lru_cache(maxsize=4096)
def split_items(text: str) -> tuple[str, ...]:
    """The list items run together in one paragraph (see ``_ITEM_MARKER``), each stripped."""
    return tuple(part.strip() for part in _ITEM_END.split(text) if part and part.strip())


@lru_cache(maxsize=4096)
def split_sentences(text: str, clauses: bool = False) -> tuple[str, ...]:
    """The sentences and run-together list items of one paragraph, in order, each stripped — the one sentence
    splitter of the project (targets, evidence, the superior plan's deadlines).

    "… 16%. 2. Thu nhập …" → two items; "… tấn trở lên. - Lương thực …" → two; "…90%).Ổn định …" → two;
    "TP. Hồ Chí Minh" stays whole. With ``clauses`` a sentence is also cut after each ";" ("gửi kế hoạch trước
    ngày 15/3; gửi hồ sơ khen thưởng trước ngày 15/12" → two).
    """
    text = _SENTENCE_AFTER_PERIOD.sub(" ", text)
    parts = [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]
    if clauses:
        parts = [c.strip() for part in parts for c in re.split(r"(?<=;)\s+", part) if c.strip()]
    return tuple(parts)


# Where a sentence turns from results to targets: "Năm 2021 thu ngân sách đạt 4.400 tỷ đồng, …, phấn đấu năm 2022
# đạt 5.500 tỷ đồng" (issue 23 item 5): a comma or semicolon before a cue that announces targets.
_TURN = re.compile(
    r"[,;]\s+(?=(?:và |đồng thời |)(?:phấn đấu|đặt mục tiêu|đề ra|mục tiêu|kế hoạch năm|năm tới)\b)", re.I)


@lru_cache(maxsize=4096)
def turns(sentence: str) -> tuple[str, ...]:
    """``sentence`` cut where it turns to targets after stating a value (see ``_TURN``); each part is read with
    its own cues, so a result and a target of the same indicator in one sentence are told apart."""
    parts: list[str] = []
    for part in _TURN.split(sentence):
        if parts and not find_values(parts[-1], keep_skipped=True):
            parts[-1] = f"{parts[-1]}, {part}"  # nothing stated before the cue: one sentence still
        elif part.strip():
            parts.append(part)
    return tuple(parts)


@lru_cache(maxsize=4096)
def _cues(folded: str) -> tuple[bool, bool]:
    """(names a result of the past, announces targets) for a folded sentence."""
    past = bool(_PAST_CUE.search(folded)) or any(
        not _CHANGE_BEFORE.search(folded, max(0, m.start() - 60), m.start() + 1) for m in _QUOTA_RATIO.finditer(folded))
    return past, bool(_TARGET_CUE.search(folded))


@dataclass
class Reader:
    """The reading mode over a document's sentences; ``target_year`` is the year targets are set for."""

    target_year: int | None
    mode: str = NEUTRAL

    def heading(self, text: str) -> None:
        """Enter the part of the plan headed ``text`` (a level 0–1 heading)."""
        if self.mode == CLOSING:
            return
        if _ASIDE_HEADING.search(fold(text)):
            self.mode = ASIDE
        elif self.mode == ASIDE:
            self.mode = NEUTRAL

    def read(self, sentence: str) -> str:
        """Update the mode with ``sentence`` and return the mode the sentence itself is in."""
        folded = fold(sentence)
        if self.mode == CLOSING or _CLOSING.match(folded):
            self.mode = CLOSING
            return CLOSING
        opening = _OPENING_YEAR.match(folded)
        if opening and self.target_year:
            self.mode = PAST if int(opening.group(1)) < self.target_year else TARGET
        past, target = _cues(folded)
        if past:
            self.mode = PAST
            return PAST
        if target:  # "Năm 2026, phường đặt mục tiêu …" sets targets even when a later year is also named
            self.mode = TARGET
        return self.mode


def target_year(sentences: list[str]) -> int | None:
    """The latest year named in a sentence that announces targets ("Năm 2026, xã đề ra 18 chỉ tiêu")."""
    years = []
    for sentence in sentences:
        folded = fold(sentence)
        past, target = _cues(folded)
        if target and not past:
            years += [int(y) for y in _YEAR_IN_CUE.findall(folded)]
    return max(years) if years else None


def sentence_confidence(mode: str, sentence: str) -> float | None:
    """Confidence of targets found in ``sentence`` read in ``mode``; None drops it (a question)."""
    if mode == CLOSING or _QUESTION.search(sentence):
        return None
    if mode == NEUTRAL:
        folded = fold(sentence)
        if not (_INDICATOR_NOUN.search(folded) or _COMPARATOR_WORDS.search(folded)):
            return NEUTRAL_WEAK
    return CONFIDENCE[mode]
