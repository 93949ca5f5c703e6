"""Target extraction: from a read document to a list of targets in document order (GUIDE §3).

Targets are taken from the targets zones of the outline (see :mod:`core.extraction.structure`),
from "Phấn đấu …" sentences elsewhere, and from targets tables (see :mod:`core.extraction.tables`).
Each item is cut into clauses at ";" (and sentences at ". "); a "head: a; b; c" item shares its head
with its clauses. OCR-damaged documents get their indicators' diacritics restored.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from core.extraction import fields
from core.extraction.evidence import (
    CONFIDENCE, TICK, Reader, sentence_confidence, split_items, split_sentences, target_year,
)
from core.extraction.flat_tables import unflatten
from core.text import fold
from core.extraction.numbers import COUNT_UNITS
from core.extraction.repair import is_damaged, restore
from core.extraction.structure import is_strive_sentence, outline, strip_marker
from core.extraction.values import Value, find_values, holds_value
from core.terms import Field
from core.reading import Document


@dataclass
class ExtractedTarget:
    """One target as the contract gives it; ``line`` is the index of its source line in the document."""

    text: str
    indicator: str
    comparator: str
    value: float | None
    value_max: float | None
    unit: str | None
    field: str
    line: int
    confidence: float = CONFIDENCE["zone"]

    def as_dict(self) -> dict:
        """The contract's JSON object (GUIDE §3) plus ``line`` and ``confidence`` (0–1)."""
        return dict(self.__dict__)  # flat fields: no deep copy needed


# Words that open a self-standing indicator name: a clause starting so does not take the item's head.
_INDICATOR_START = re.compile(
    r"^\(?\s*(?:giam |tang |nang )?(?:ty le|ty trong|tong|so |toc do|thu nhap|thu ngan sach|binh quan|gia tri|san luong|co cau|dien tich)"
)
_LEADING_NOISE = re.compile(r"^(?:\(|và |còn |có |ph[aâầấ]n đ[aấ]u (?:có |đạt )?|đồng thời |trong đó |,|\s)+", re.I)
_TRAILING_NOISE = re.compile(r"(?:\s|:|,|\(|\buoc thuc hien|\buoc dat|\bdat|\bla|\bva|o muc|\bmuc|\bgiu|phan dau|dat/vuot|dat va vuot|\btang|hang nam|chiem)+$")
_TRAILING_CUES = re.compile(r"(?:\s+(?:từ|giảm còn|giảm xuống còn|giảm|còn|xuống còn|ở mức|khoảng|trên|dưới))+\s*$", re.I)
_RELATIVE_TAIL = re.compile(r"^(?:cac )?(?:chi tieu|ke hoach|du toan|so voi)\b")
_SENTENCE_SPLIT = re.compile(r"(?<=[^\s.]{2}\.)\s+(?=[^\W\d_])")


def _cut_trailing(text: str, folded_pattern: re.Pattern) -> str:
    """``text`` without the tail that ``folded_pattern`` finds in its folded form."""
    m = folded_pattern.search(fold(text))
    return text[: m.start()] if m else text


_SUBJECT_AND_CUE = re.compile(r"^.{0,60}?\b(?:phan dau|de ra|dat muc tieu)\b\s*(?:thuc hien\s*)?")


@lru_cache(maxsize=4096)  # a clause's words are cleaned several times while its names are chosen
def _clean_name(text: str) -> str:
    cue = _SUBJECT_AND_CUE.match(fold(text))  # "Huyện phấn đấu thu ngân sách" → "thu ngân sách"
    if cue and cue.end() < len(text):
        text = text[cue.end() :]
    text = _LEADING_NOISE.sub("", text)
    text = _cut_trailing(text, _TRAILING_NOISE)
    text = _TRAILING_CUES.sub("", text)
    text = text.strip(" :;,.-–(")
    if text.count("(") > text.count(")"):
        text = text.replace("(", "", 1).strip()
    return text[:1].upper() + text[1:] if text else text


# A source longer than this is not one sentence of a plan (they run to a few hundred characters): its targets show
# their clause as source text, so that the output grows with the text, not with targets × text.
MAX_SOURCE_CHARS = 2000
# A clause that states a target without a number, even inside a long sentence ("…; giữ vững các tiêu chí …").
_QUALITATIVE_START = re.compile(r"(?:giu vung|duy tri|khong con|khong co|khong de|bao dam|dam bao)\b|.{0,80}\bduoc giu vung\b")
_STATE_VERB = re.compile(r"(?:co|duy tri|dam bao|giu vung|phan dau(?: co| dat)?|dat|co them|them)")
_QUALITATIVE_TAIL = re.compile(r"\s(?:dat|hoan thanh|duoc)\s")
_TIME_PHRASE = re.compile(r"^\s*(?:đến |trong |cuối |hết )?năm 20\d\d,?\s*", re.I)
_QUOTA = re.compile(r"\s(?:dat/vuot|dat va vuot|dat|vuot)(?: muc)?\s+(?=(?:\S+\s){0,2}(?:chi tieu|ke hoach|du toan))")


def _relative_to_quota(name: str) -> str:
    """ "Thu ngân sách đạt/vượt mức chỉ tiêu của tỉnh giao" → "Thu ngân sách (so với chỉ tiêu của tỉnh giao)"."""
    m = _QUOTA.search(fold(name))
    if not m:
        return name
    return f"{name[: m.start()]} (so với {name[m.end():]})"


def _head_colon(text: str, plan_year: int | None) -> int | None:
    """Position of the colon ending an item's head: no value before it, a value after it."""
    for m in re.finditer(r":", text):
        if not find_values(text[: m.start()], plan_year) and find_values(text[m.end() :], plan_year):
            return m.start()
    return None


class _Extractor:
    def __init__(self, document: Document):
        self.damaged = is_damaged(document.text)
        self.plan_year = _plan_year(document)
        self.out: list[ExtractedTarget] = []
        self.confidence = CONFIDENCE["zone"]  # of the targets emitted next
        self.carried_cue: tuple[str, str] | None = None  # "giảm từ …" governs later clauses of the same unit
        self.subject = ""  # the current item's leading noun phrase, for clauses that name nothing

    def name(self, text: str) -> str:
        """A cleaned indicator name, its diacritics restored in an OCR-damaged document."""
        text = _clean_name(text)
        return restore(text) if self.damaged else text

    def emit(self, source: str, indicator: str, comparator: str, v: Value | None, line: int, context: Field | None):
        if comparator in ("reduce_by", "reduce_to") and fold(indicator).startswith("giam "):
            indicator = indicator[5:]  # the comparator already says "giảm"
        indicator = indicator[:1].upper() + indicator[1:]  # a name cut out of prose starts a list item
        field = context or fields.classify(indicator) or fields.classify(source) or Field.OTHER
        self.out.append(
            ExtractedTarget(
                text=source.strip(),
                indicator=indicator,
                comparator=comparator,
                value=v.value if v else None,
                value_max=v.value_max if v else None,
                unit=v.unit if v else None,
                field=field.value,
                line=line,
                confidence=self.confidence,
            )
        )

    def item(self, source: str, line: int, context: Field | None, group_head: str, qualitative: bool) -> None:
        """Targets of one item (a bullet, a numbered target, or a sentence)."""
        body = strip_marker(source)
        if self.damaged:
            body = restore(body)
        head = group_head
        colon = _head_colon(body, self.plan_year)
        if colon is not None:
            head = (f"{group_head} - " if group_head else "") + body[:colon]
            body = body[colon + 1 :]
        clauses = [c for c in re.split(r";", body) if c.strip()]
        self.carried_cue = None
        self.subject = _clean_name(re.split(r"\d|\snăm\s|\sđạt\s|[:,]", body, maxsplit=1)[0])
        short_item = len(body.split()) <= 60
        for clause in clauses:
            sub = _head_colon(clause, self.plan_year)
            clause_head = head
            if sub is not None:
                clause_head = clause[:sub]
                clause = clause[sub + 1 :]
            values = find_values(clause, self.plan_year)
            if not values and find_values(clause, keep_skipped=True):
                continue  # only last year's results or restated ratios
            shown = source if len(source) <= MAX_SOURCE_CHARS else clause
            if not values:
                words = len(clause.split())
                reference = re.search(r"\d+/[A-ZĐ]|\d{1,2}/\d{1,2}/\d{4}", clause)  # "Kế hoạch số 08/KH-UBND"
                stated = short_item or _QUALITATIVE_START.match(fold(clause.strip()))
                if qualitative and stated and 2 <= words <= 25 and not clause.rstrip().endswith(":") and not reference:
                    label, _, rest = clause.partition(":")
                    self.emit(shown, self.name(rest if len(rest.split()) >= 2 else clause), "qualitative", None,
                              line, context)
                continue
            self.clause(shown, clause, clause_head, values, line, context)

    def clause(self, source: str, clause: str, head: str, values: list[Value], line: int, context) -> None:
        """Targets of one clause holding ``values``: name each from the words before it, or after it
        when the clause lists values first ("96% gia đình và 100% tổ dân phố đạt chuẩn văn hóa")."""
        folded = fold(clause)
        names = []
        trailing = ""  # a qualitative target after the last value's comma
        after_first = []  # which names were read after their value ("96% gia đình")
        pre_start = 0
        for k, v in enumerate(values):
            nxt = values[k + 1].cue_start if k + 1 < len(values) else len(clause)
            tail = clause[v.end : nxt]
            cut = re.search(r"[,.(]" if k + 1 < len(values) else r"[.(]", tail)
            post = tail[: cut.start()] if cut else tail
            pre = clause[pre_start : v.cue_start]
            pre_words = _clean_name(pre)
            if _RELATIVE_TAIL.match(fold(_clean_name(post))) and len(pre_words.split()) < 2 and names:
                # "…15.500 triệu đồng, đạt 105% dự toán giao": the same indicator, relative to the quota
                names.append(f"{names[-1]} (so với {_clean_name(post)[:1].lower()}{_clean_name(post)[1:]})")
                after_first.append(False)
                pre_start = v.end + len(post)
            elif (len(pre_words.split()) < 2 or _STATE_VERB.fullmatch(fold(pre_words))) and _clean_name(post):
                subject = self.subject_name(_clean_name(post), v, head)
                if pre_words and not _STATE_VERB.fullmatch(fold(pre_words)):  # "Xóa 15 căn nhà tạm"
                    subject = f"{pre_words} {v.unit} {_clean_name(post)[:1].lower()}{_clean_name(post)[1:]}"
                names.append(subject)
                after_first.append(True)
                pre_start = v.end + len(post)
            else:
                post, _, rest = post.partition(",")
                names.append(self.pre_name(pre, post, head))
                after_first.append(False)
                pre_start = v.end
                if (k + 1 == len(values) and _QUALITATIVE_TAIL.search(fold(rest)) and len(rest.split()) >= 4
                        and not find_values(rest, keep_skipped=True)):  # not a restated value
                    trailing = rest  # "…đạt 100% chỉ tiêu, huấn luyện dự bị động viên đạt tỷ lệ quy định"
        value_first = all(after_first)
        if value_first and len(names) > 1:  # the last subject's predicate ("đạt chuẩn văn hóa") is shared
            m = re.search(r"\s(?:dat|duoc|hoan thanh|tham gia)\s.*$", fold(names[-1]))
            if m:
                names = [n if " dat " in fold(n) else n + names[-1][m.start() :] for n in names]
        prev_end = 0
        for v, name in zip(values, names):
            comparator = v.cue or self.clause_cue(fold(head) + " " + folded[prev_end : v.cue_start])
            if comparator == "=" and not v.cue and self.carried_cue and self.carried_cue[1] == v.unit:
                comparator = self.carried_cue[0]  # "huyện A giảm từ 6,5-7,2%; huyện B 4,5-5,0%"
            elif comparator in ("reduce_by", "reduce_to"):
                self.carried_cue = (comparator, v.unit)
            if comparator == "=" and v.value_max is not None:
                comparator = ">="  # a range states the least to reach ("từ 7,5% đến 8%")
            indicator = name or _clean_name(head) or self.subject  # OCR repair was done on the whole item

            self.emit(source, indicator, comparator, v, line, context)
            prev_end = v.end
        if trailing:
            self.emit(source, self.name(trailing), "qualitative", None, line, context)

    @staticmethod
    def subject_name(subject: str, v: Value, head: str) -> str:
        """Name of a value written before its subject: "100% xã đạt chuẩn" → "Tỷ lệ xã đạt chuẩn"."""
        if not subject:
            return _clean_name(head)
        if fold(subject).startswith("so "):
            subject = subject[3:]
        if not subject[1:2].isupper():  # keep acronyms ("NTM") as written
            subject = subject[:1].lower() + subject[1:]
        if v.unit in ("%", "‰"):
            return f"Tỷ lệ {subject}"
        if fold(subject).split()[0] == fold(v.unit).split()[0]:
            return f"Số {subject}"
        if v.unit in COUNT_UNITS:
            return f"Số {v.unit} {subject}"
        return f"{subject[:1].upper()}{subject[1:]} ({v.unit})"

    @staticmethod
    def pre_name(pre: str, post: str, head: str) -> str:
        """Name of a value written after its indicator, with the item's head and a quota tail kept."""
        name = _clean_name(_TIME_PHRASE.sub("", pre))
        if len(name.split()) > 15:  # prose: keep from the last indicator word on
            for words in (r"ty le|ty trong|toc do", r"tong so|tong gia tri|san luong"):
                starts = [m.start() for m in re.finditer(rf"\b(?:{words})\b", fold(name))]
                if starts:
                    name = name[starts[-1] :]
                    break
        name = _relative_to_quota(name)
        if head and not _INDICATOR_START.match(fold(name)):
            name = f"{_clean_name(head)} - {name}" if name else _clean_name(head)
        tail = _clean_name(post.strip(" )"))
        if tail:
            lowered = tail[0].lower() + tail[1:] if not tail[1:2].isupper() else tail
            if not _RELATIVE_TAIL.match(fold(tail)) or fold(tail).startswith("so voi"):
                name = f"{name} {lowered}"  # "Bê tông hóa thêm 3,5 km đường giao thông" keeps its object
            else:
                name = f"{name} ({lowered})"
        return name

    @staticmethod
    def clause_cue(folded: str) -> str:
        """Comparator stated earlier in the clause: "giảm … còn" → reduce_to, "giảm" → reduce_by, "đạt và vượt" → >=."""
        if re.search(r"\bgiam\b.*\bcon\b", folded):
            return "reduce_to"
        if re.search(r"\bgiam\b", folded):
            return "reduce_by"
        if re.search(r"dat va vuot|dat/vuot|\bvuot\b", folded):
            return ">="
        return "="


def _plan_year(document: Document) -> int | None:
    years = Counter(int(y) for line in document.lines[:25] for y in re.findall(r"\bnăm (20\d\d)\b", line.text))
    if not years:
        years = Counter(int(y) for line in document.lines[:25] for y in re.findall(r"\b(20\d\d)\b", line.text))
    return years.most_common(1)[0][0] if years else None


# A group label opening a sentence: "Về kinh tế:", "7 chỉ tiêu về xã hội:", "… với 20 chỉ tiêu chủ yếu là:".
_GROUP_LABEL = re.compile(r"^(?:\d+\s+chi tieu\s+)?ve\s+([^:]{3,80}):\s*|^[^:]{0,160}\bchi tieu\b[^:]{0,80}:\s*")
_QUALITATIVE_STRIVE = 25  # words: a "Phấn đấu …" sentence without a value is a target only when short


def extract_targets(document: Document, include_unlikely: bool = False) -> list[ExtractedTarget]:
    """Targets of ``document`` in document order (GUIDE §3 contract), each with its ``confidence``.

    Targets come from the targets zones of the outline, from tables (real or flattened), and from every
    other sentence holding a value, weighed by :mod:`core.extraction.evidence`. Only targets with
    confidence ≥ ``TICK`` are returned unless ``include_unlikely`` (the wizard lists those unticked).
    """
    from core.extraction.tables import table_targets

    ex = _Extractor(document)
    lines = unflatten(document.lines)
    plain = [line for line in lines if line.cells is None]
    items = [(part, line.index) for line in plain for part in split_items(line.text)]
    texts = [t for t, _ in items]
    has_values = [holds_value(t, ex.plan_year) for t in texts]
    shape = outline(texts, has_values)
    reader = Reader(target_year([s for t in texts for s in split_sentences(t)]))
    context: Field | None = None
    section_field: Field | None = None
    group_head = ""
    for (text, index), info, values in zip(items, shape, has_values):
        if info.level is not None and info.level <= 1 and not info.in_zone:
            section_field = fields.heading_field(strip_marker(text)) or fields.group_field(strip_marker(text))
            if info.is_heading:
                reader.heading(strip_marker(text))
        if info.in_zone or info.zone_start:
            for sentence in split_sentences(text):
                reader.read(sentence)
            reader.mode = "target"
        if info.zone_start:
            context = fields.heading_field(strip_marker(text)) or section_field
            group_head = ""
            if not values:
                continue
        if not info.in_zone:
            section_field = _prose(ex, reader, text, index, section_field)
            continue
        ex.confidence = CONFIDENCE["zone"]
        body = strip_marker(text)
        if info.level is not None and info.level < 4 and "chi tieu" in fold(body) and not values:
            context = fields.heading_field(body) or context  # "a) Các chỉ tiêu văn hóa – xã hội"
            continue
        if not values and body.endswith(":"):
            group_head = body[:-1] if re.match(r"^(?:ty le|so |tong|co cau)", fold(body)) else ""
            continue
        sub_item = bool(re.match(r"^\s*(?:-\s*)?\+", text))
        bullet = info.level is not None and info.level >= 3
        for sentence in _SENTENCE_SPLIT.split(text) if not bullet else [text]:
            strive = is_strive_sentence(sentence)
            ex.item(sentence, index, context, group_head if sub_item else "", qualitative=bullet or strive)
        if not sub_item:
            group_head = ""
    ex.out.extend(table_targets(lines, ex.plan_year, ex.name))
    ex.out.sort(key=lambda t: t.line)
    if include_unlikely:
        return ex.out
    return [t for t in ex.out if t.confidence >= TICK]


def _prose(ex: _Extractor, reader: Reader, text: str, index: int, section_field: Field | None) -> Field | None:
    """Targets of a paragraph outside the targets zones, sentence by sentence; returns the section field
    as group labels ("Về xã hội: …") leave it."""
    for sentence in split_sentences(text):
        mode = reader.read(sentence)
        label = _GROUP_LABEL.match(fold(sentence))
        if label:
            section_field = fields.group_field(label.group(1) or label.group(0)) or section_field
            if label.end() < len(sentence):
                sentence = sentence[label.end() :]
        strive = is_strive_sentence(sentence)
        if not holds_value(sentence, ex.plan_year) and not (
            strive and mode == "target" and len(sentence.split()) <= _QUALITATIVE_STRIVE
        ):
            continue
        confidence = sentence_confidence(mode, sentence)
        if confidence is None:
            continue
        ex.confidence = max(confidence, CONFIDENCE["target"]) if strive else confidence
        ex.item(sentence, index, section_field, "", qualitative=strive or mode == "target")
    return section_field
