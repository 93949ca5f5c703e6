"""Target extraction: from a read document to a list of targets in document order (GUIDE §3).

Targets are taken from the targets zones of the outline (see :mod:`core.extraction.structure`),
from "Phấn đấu …" sentences elsewhere, and from targets tables (see :mod:`core.extraction.tables`).
Each item is cut into clauses at ";" (and sentences at ". "); a "head: a; b; c" item shares its head
with its clauses. OCR-damaged documents get their indicators' diacritics restored.
"""

from __future__ import annotations

import re
from collections import Counter

from core.extraction import fields
from core.extraction.evidence import (
    CONFIDENCE, TICK, Reader, sentence_confidence, split_items, split_sentences, target_year, turns,
)
from core.extraction.flat_tables import unflatten
from core.extraction.model import ExtractedTarget
from core.extraction.names import INDICATOR_START, clean_name as _clean_name
from core.text import fold
from core.extraction.numbers import COUNT_UNITS
from core.extraction.repair import is_damaged, restore
from core.extraction.tables import table_targets
from core.extraction.structure import is_strive_sentence, outline, reads_as_item, strip_marker
from core.extraction.values import Value, find_values, holds_value
from core.terms import Field
from core.reading import Document, Line


_URL = re.compile(r"(?:#?\s*source:\s*)?https?://\S+", re.I)  # a web page's address is no part of a target


def _without_url(text: str) -> str:
    return (_URL.sub("", text) if "://" in text else text).strip()

_RELATIVE_TAIL = re.compile(r"^(?:cac )?(?:chi tieu|ke hoach|du toan|so voi)\b")


# A source longer than this is not one sentence of a plan (they run to a few hundred characters): its targets show
# their clause as source text, so that the output grows with the text, not with targets × text.
MAX_SOURCE_CHARS = 2000
# A clause that states a target without a number, even inside a long sentence ("…; giữ vững các tiêu chí …").
_QUALITATIVE_START = re.compile(
    r"(?:tiep tuc )?(?:giu vung|duy tri|khong con|khong co|khong de|bao dam|dam bao)\b|.{0,80}\bduoc giu vung\b"
    r"|xay dung\b.{0,80}\bdat chuan\b")  # "…; xây dựng trường Tiểu học đạt chuẩn mức độ 2."
# A measure named without its value ("thu nhập bình quân đầu người đến năm 2030", the rest cut off): not a
# qualitative target, which states a state to reach ("Trật tự an toàn xã hội được giữ vững").
_MEASURE_WITHOUT_VALUE = re.compile(
    r"^(?:ty le|ty trong|toc do|thu nhap|thu ngan sach|tong|gia tri|san luong|binh quan|so )"
    r"(?!.*\b(?:duoc|dat|giu vung|duy tri|hoan thanh|khong)\b)")
# A growth written "X tăng Y%": named "Tốc độ tăng X" as the conventions want, unless the name says it already.
_GROWTH_CUE = re.compile(r"\btăng(?: bình quân)?(?: (?:hàng|hằng) năm)?(?: từ| khoảng| trên)?\s*$", re.I)
_RATE_NAME = re.compile(r"^(?:toc do|ty le|ty trong|muc tang|tang truong|co cau)\b")
_CUT_OFF = re.compile(r"\s[^\W\d_]$")  # a text ending in one letter: an excerpt cut mid-word
# A share written before what it counts: "ít nhất 80% số xã đạt chuẩn nông thôn mới" (not "so với").
_SHARE_OF = re.compile(r"^\s*so (?!voi\b)[^\W\d_]")
# A qualitative target joined to the last subject: "… kiểu mẫu và không còn xã dưới 15 tiêu chí".
_JOINED_QUALITATIVE = re.compile(r"\s+(?:và|,)\s+(?=(?:không còn|không để|giữ vững|duy trì|đạt chuẩn)\b)", re.I)


# A verb still waiting for its object shares it with the verb joined after it: "gia đình được công nhận và giữ vững
# danh hiệu “Gia đình văn hóa”" is one subject, not a subject and a qualitative target.
_OPEN_VERB = re.compile(r"\bcong nhan(?: lai)?\s*$")


def _split_qualitative(post: str) -> tuple[str, str]:
    """(the subject, a qualitative target joined after it with "và"), the second empty when there is none."""
    m = _JOINED_QUALITATIVE.search(post)
    if not m or _OPEN_VERB.search(fold(post[: m.start()])):
        return post, ""
    return post[: m.start()], post[m.end() :]


# A verb of making whose object is the counted unit: "thành lập mới 360 doanh nghiệp", "kết nạp 25 đảng viên".
_MAKING_VERB = re.compile(r"\b(?:thanh lap|phat trien|xay dung|ket nap|trong)(?: moi| them)?$")
_STRIVE_VERB = re.compile(r"\b(?:phan dau|dat muc tieu)(?: giam| tang| nang| dat)?\s*$")  # "… giảm 1,5% tỷ lệ hộ nghèo"
_CUE_BEFORE_VALUE = re.compile(r",\s*(?:phan dau|dat muc tieu)(?: co| dat)?\s*$")
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
        self.plan_year = plan_year([line.text for line in document.lines[:25]])
        self.out: list[ExtractedTarget] = []
        self.confidence = CONFIDENCE["zone"]  # of the targets emitted next
        self.carried_cue: tuple[str, str] | None = None  # "giảm từ …" governs later clauses of the same unit
        self.subject = ""  # the current item's leading noun phrase, for clauses that name nothing
        self.leading: dict[int, str] = {}  # a qualitative target written before a value, by the value's start

    def name(self, text: str) -> str:
        """A cleaned indicator name, its diacritics restored in an OCR-damaged document."""
        text = _clean_name(text)
        return restore(text) if self.damaged else text

    def repair(self, text: str) -> str:
        """``text`` with its diacritics restored in an OCR-damaged document, else as it is."""
        return restore(text) if self.damaged else text

    def emit(self, source: str, indicator: str, comparator: str, v: Value | None, line: int, context: Field | None):
        if comparator in ("reduce_by", "reduce_to") and fold(indicator).startswith("giam "):
            indicator = indicator[5:]  # the comparator already says "giảm"
        indicator = indicator[:1].upper() + indicator[1:]  # a name cut out of prose starts a list item
        previous = Field(self.out[-1].field) if self.out else None
        field = fields.decide(indicator, context, source, previous)
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

    def item(self, source: str, line: int, context: Field | None, group_head: str, qualitative: bool,
             subject_hint: str = "") -> None:
        """Targets of one item (a bullet, a numbered target, or a sentence); ``subject_hint`` names the values of
        a part of a sentence that names nothing itself."""
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
        self.subject = _clean_name(re.split(r"\d|\snăm\s|\sđạt\s|[:,]", body, maxsplit=1)[0]) or subject_hint
        short_item = len(body.split()) <= 60
        for clause in clauses:
            sub = _head_colon(clause, self.plan_year)
            clause_head = head
            if sub is not None:
                clause_head = clause[:sub]
                clause = clause[sub + 1 :]
                group = _GROUP_LABEL.match(fold(clause_head.strip()) + ": ")
                if group:  # "…; 3 chỉ tiêu về xã hội: …": a group label gives the field, not a name
                    context = fields.group_field(group.group(1) or clause_head) or context
                    clause_head = head
            values = find_values(clause, self.plan_year)
            if not values and find_values(clause, keep_skipped=True):
                continue  # only last year's results or restated ratios
            shown = source if len(source) <= MAX_SOURCE_CHARS else clause
            if not values:
                words = len(clause.split())
                # "Kế hoạch số 08/KH-UBND"; "Tỉnh đặt ra 35 chỉ tiêu chủ yếu" (a count of targets, not one)
                reference = re.search(r"\d+/[A-ZĐ]|\d{1,2}/\d{1,2}/\d{4}|\d+\s+chỉ tiêu", clause, re.I)
                stated = short_item or _QUALITATIVE_START.match(fold(clause.strip()))
                if qualitative and stated and 2 <= words <= 25 and not clause.rstrip().endswith(":") and not reference \
                        and not _MEASURE_WITHOUT_VALUE.match(fold(_clean_name(clause))):
                    _label, _, rest = clause.partition(":")
                    self.emit(shown, self.name(rest if len(rest.split()) >= 2 else clause), "qualitative", None,
                              line, context)
                continue
            self.clause(shown, clause, clause_head, values, line, context)

    def clause(self, source: str, clause: str, head: str, values: tuple[Value, ...], line: int, context) -> None:
        """Targets of one clause holding ``values``: each named (see :meth:`names`), with its comparator. A text
        cut off mid-word after the last value ("… có thêm 1 xã đ") leaves that target incomplete: it is dropped."""
        if _CUT_OFF.search(clause[values[-1].end :]):
            values = values[:-1]
            if not values:
                return
        names, trailing, after_first = self.names(clause, head, values)
        folded = fold(clause)
        prev_end = 0
        for v, name, after in zip(values, names, after_first, strict=False):
            if after:  # "90% các chợ …": a new subject, no reduction carried from the clause before
                self.carried_cue = None
            if v.start in self.leading:
                self.emit(source, self.name(self.leading.pop(v.start)), "qualitative", None, line, context)
            comparator = self.comparator(v, fold(head) + " " + folded[prev_end : v.cue_start])
            indicator = name or _clean_name(head) or self.subject  # OCR repair was done on the whole item
            self.emit(source, indicator, comparator, v, line, context)
            prev_end = v.end
        if trailing:
            self.emit(source, self.name(trailing), "qualitative", None, line, context)

    def comparator(self, v: Value, before: str) -> str:
        """The comparator of ``v``: its own cue, else one stated earlier in the clause (``before``, folded) or
        carried from an earlier clause ("huyện A giảm từ 6,5-7,2%; huyện B 4,5-5,0%"); a range states the least."""
        comparator = v.cue or self.clause_cue(before)
        if comparator == "=" and not v.cue and self.carried_cue and self.carried_cue[1] == v.unit:
            comparator = self.carried_cue[0]
        elif comparator in ("reduce_by", "reduce_to"):
            self.carried_cue = (comparator, v.unit)
        if comparator == "=" and v.value_max is not None:
            comparator = ">="  # "từ 7,5% đến 8%"
        return comparator

    def names(self, clause: str, head: str, values: tuple[Value, ...]) -> tuple[list[str], str, list[bool]]:
        """A name per value, a qualitative target written after the last one, and which names were read after
        their value ("…, huấn luyện dự bị động viên
        đạt yêu cầu"; "… kiểu mẫu và không còn xã dưới 15 tiêu chí"). A value is named by the words before it, by
        the words after it when it comes first ("96% gia đình và 100% tổ dân phố đạt chuẩn văn hóa", "ít nhất 80%
        số xã đạt chuẩn"), or after the value before it when relative to a quota ("…, đạt 105% dự toán giao")."""
        names: list[str] = []
        self.leading.clear()
        trailing = ""
        after_first = []  # which names were read after their value
        pre_start = 0
        for k, v in enumerate(values):
            nxt = values[k + 1].cue_start if k + 1 < len(values) else len(clause)
            tail = clause[v.end : nxt]
            cut = re.search(r"[,.(]" if k + 1 < len(values) else r"[.(]", tail)
            post = tail[: cut.start()] if cut else tail
            name, after, pre_start, trailing_here = self.name_value(clause, v, post, pre_start, head, names,
                                                                    last=k + 1 == len(values))
            names.append(name)
            after_first.append(after)
            trailing = trailing_here or trailing
        if all(after_first) and len(names) > 1:  # the last subject's predicate ("đạt chuẩn văn hóa") is shared
            m = re.search(r"\s(đạt|được|hoàn thành|tham gia|có)\s.*$", names[-1].lower())  # "có", not "cơ sở"
            if m:
                verb = f" {m.group(1)} "
                names = [n if verb in n.lower() else n + names[-1][m.start() :] for n in names]
        return names, trailing, after_first

    def name_value(self, clause: str, v: Value, post: str, pre_start: int, head: str, names: list[str],
                   last: bool) -> tuple[str, bool, int, str]:
        """(name of ``v``, whether it was read after the value, where the next value's name may start, a
        qualitative target after it) — see :meth:`names`; ``post`` is the text after ``v`` up to the next value."""
        pre = clause[pre_start : v.cue_start]
        opened = pre.rfind("(")
        if opened >= 0 and ")" not in pre[opened:]:  # "… 2%/năm (riêng các xã khó khăn giảm 4%/năm)"
            pre = pre[opened + 1 :]
            if names and fold(pre).lstrip().startswith("rieng "):  # the same indicator for some places only
                place = _clean_name(pre)
                return f"{names[-1]} (riêng {place[:1].lower()}{place[1:]})", False, v.end, ""
        pre_words = _clean_name(pre)
        share_of = v.unit == "%" and bool(_SHARE_OF.match(fold(post)))
        if _RELATIVE_TAIL.match(fold(_clean_name(post))) and len(pre_words.split()) < 2 and names:
            relative = _clean_name(post)
            relative = relative[:1].lower() + relative[1:]
            relative = relative if relative.startswith("so với") else "so với " + relative
            return f"{names[-1]} ({relative})", False, v.end + len(post), ""
        named_after = _clean_name(post)
        if (_CUE_BEFORE_VALUE.search(fold(pre)) or (v.unit == "%" and pre.rstrip().endswith(","))
                or (_STRIVE_VERB.search(fold(pre)) and INDICATOR_START.match(fold(named_after)))) \
                and named_after and not _RELATIVE_TAIL.match(fold(named_after)):
            # "…, phấn đấu 90% hồ sơ được xử lý trực tuyến", "… không còn hộ nghèo, 97% người dân tham gia BHYT":
            # the subject follows the value
            before = _clean_name(pre.rstrip(" ,"))
            if _QUALITATIVE_START.match(fold(before)) and 2 <= len(before.split()) <= 25:
                self.leading[v.start] = before
            pre_words = ""
        if (len(pre_words.split()) < 2 or _STATE_VERB.fullmatch(fold(pre_words)) or share_of) and _clean_name(post):
            subject, trailing = _split_qualitative(post)
            return self.value_first_name(pre_words, subject, v, head, share_of), True, v.end + len(post), trailing
        post, _, rest = post.partition(",")
        trailing = ""
        if (last and _QUALITATIVE_TAIL.search(fold(rest)) and len(rest.split()) >= 4
                and not find_values(rest, keep_skipped=True)):  # not a restated value
            trailing = rest
        joined = _JOINED_QUALITATIVE.match(post) if last else None
        if joined and len(post[joined.end() :].split()) >= 3:  # "… dưới 2% và đạt chuẩn nông thôn mới nâng cao"
            post, trailing = "", post[joined.end() :]
        name = self.pre_name(pre, post, head, v.unit)
        if v.unit.startswith("%") and _GROWTH_CUE.search(pre) and not _RATE_NAME.match(fold(name)):
            name = re.sub(r"\s+tăng(\s+bình quân)?\s*$", lambda m: m.group(1) or "", name, flags=re.I)
            name = f"Tốc độ tăng {name[:1].lower()}{name[1:]}"  # "giá trị sản xuất tăng 12%" (eval conventions)
        return name, False, v.end, trailing

    def value_first_name(self, pre_words: str, post: str, v: Value, head: str, share_of: bool) -> str:
        """Name of a value written before its subject; a verb before the value stays ("Xóa 15 căn nhà tạm")."""
        subject = self.subject_name(_clean_name(post), v, head)
        if pre_words and not _STATE_VERB.fullmatch(fold(pre_words)) and not share_of:
            subject = f"{pre_words} {v.unit} {_clean_name(post)[:1].lower()}{_clean_name(post)[1:]}"
        return subject

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
            return f"Tỷ lệ {subject}" if not _RATE_NAME.match(fold(subject)) else subject[:1].upper() + subject[1:]
        if fold(subject).split()[0] == fold(v.unit).split()[0]:
            return f"Số {subject}"
        if v.unit in COUNT_UNITS:
            return f"Số {v.unit} {subject}"
        return f"{subject[:1].upper()}{subject[1:]} ({v.unit})"

    @staticmethod
    def pre_name(pre: str, post: str, head: str, unit: str = "") -> str:
        """Name of a value written after its indicator, with the item's head, the counted noun and the object
        after the value kept ("Xây dựng 6 trường đạt chuẩn quốc gia" → "Xây dựng trường đạt chuẩn quốc gia")."""
        name = _clean_name(_TIME_PHRASE.sub("", pre))
        if len(name.split()) > 15:  # prose: keep from the last indicator word on
            for words in (r"ty le|ty trong|toc do", r"tong so|tong gia tri|san luong|thu nhap"):
                starts = [m.start() for m in re.finditer(rf"\b(?:{words})\b", fold(name))]
                if starts:
                    name = name[starts[-1] :]
                    break
        name = _relative_to_quota(name)
        if head and not INDICATOR_START.match(fold(name)):
            name = f"{_clean_name(head)} - {name}" if name else _clean_name(head)
        tail = _clean_name(post.strip(" )")) if not re.match(r"\s*và\s", post) else ""  # "96% và …" begins the next
        if not tail and unit in COUNT_UNITS and _MAKING_VERB.search(fold(name)):
            name = f"{name} {unit}"  # "thành lập mới 360 doanh nghiệp" → "Thành lập mới doanh nghiệp"
        if tail:
            lowered = tail[0].lower() + tail[1:] if not tail[1:2].isupper() else tail
            if fold(name) in ("hoan thanh", "dat", "thuc hien") and fold(tail).startswith("chi tieu"):
                name = f"{name} {lowered}"  # "Hoàn thành 100% chỉ tiêu tuyển quân"
            elif unit in COUNT_UNITS and not fold(tail).startswith(fold(unit)):
                name = f"{name} {unit} {lowered}"
            elif not _RELATIVE_TAIL.match(fold(tail)) or fold(tail).startswith("so voi"):
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


def plan_year(texts: list[str]) -> int | None:
    """The year a plan is for, from its title or first lines: the year written most often as "năm 20xx" (the
    later one on a tie), else the one most often written bare; None when no year is written.

    "Kế hoạch phát động phong trào thi đua năm 2027" → 2027. The wizard shows the superior plan's year with it."""
    for pattern in (r"\bnăm (20\d\d)\b", r"\b(20\d\d)\b"):
        years = Counter(int(y) for text in texts for y in re.findall(pattern, text))
        if years:
            return max(years, key=lambda y: (years[y], y))
    return None


# A group label opening a sentence: "Về kinh tế:", "7 chỉ tiêu về xã hội:", "… với 20 chỉ tiêu chủ yếu là:".
_GROUP_LABEL = re.compile(r"^(?:\d+\s+chi tieu\s+)?ve\s+([^:]{3,80}):\s*|^[^:]{0,400}\bchi tieu\b[^:]{0,80}:\s*")
_QUALITATIVE_STRIVE = 25  # words: a "Phấn đấu …" sentence without a value is a target only when short


def extract_targets(document: Document, include_unlikely: bool = False) -> list[ExtractedTarget]:
    """Targets of ``document`` in document order (GUIDE §3 contract), each with its ``confidence``.

    Tables (real or flattened) are read first, apart from the text; then the targets zones of the outline, and
    every other sentence holding a value, weighed by :mod:`core.extraction.evidence`. Only targets with
    confidence ≥ ``TICK`` are returned unless ``include_unlikely`` (the wizard lists those unticked).
    """
    ex = _Extractor(document)
    lines = unflatten(document.lines)
    tables = table_targets(lines, ex.plan_year, ex.repair)
    plain = [line for line in lines if line.cells is None]
    items = [(part, line.index) for line in _once(plain) for part in split_items(_without_url(line.text))]
    texts = [t for t, _ in items]
    has_values = [holds_value(t, ex.plan_year) for t in texts]
    walk = _Walk(ex, Reader(target_year([s for t in texts for s in split_sentences(t)])))
    for (text, index), info, values in zip(items, outline(texts, has_values), has_values, strict=False):
        walk.line(text, index, info, values)
    ex.out.extend(tables)
    ex.out.sort(key=lambda t: t.line)
    _results_restated(ex.out)
    if include_unlikely:
        return ex.out
    return [t for t in ex.out if t.confidence >= TICK]


class _Walk:
    """The walk through a document's text lines: the reading mode, the field of the section and of the targets
    zone, and the head a group of sub-items shares ("- Tỷ lệ đạt chuẩn văn hóa:" / "+ Hộ gia đình: 95%")."""

    def __init__(self, ex: _Extractor, reader: Reader):
        self.ex = ex
        self.reader = reader
        self.context: Field | None = None  # field of the current targets zone
        self.section_field: Field | None = None
        self.group_head = ""

    def line(self, text: str, index: int, info, values: bool) -> None:
        if info.level is not None and info.level <= 1 and not info.in_zone:
            self.section_field = fields.heading_field(strip_marker(text)) or fields.group_field(strip_marker(text))
            if info.is_heading:
                self.reader.heading(strip_marker(text))
        if info.in_zone or info.zone_start:
            for sentence in split_sentences(text):
                self.reader.read(sentence)
            self.reader.mode = "target"
        if info.zone_start:
            self.context = fields.heading_field(strip_marker(text)) or self.section_field
            self.group_head = ""
            if not values:
                return
        if not info.in_zone:
            self.section_field = _prose(self.ex, self.reader, text, index, self.section_field)
            return
        self.zone_item(text, index, info, values)

    def zone_item(self, text: str, index: int, info, values: bool) -> None:
        """A line inside a targets zone: a sub-heading, a group head, or an item."""
        self.ex.confidence = CONFIDENCE["zone"]
        body = strip_marker(text)
        if info.level is not None and info.level < 4 and "chi tieu" in fold(body) and not values:
            self.context = fields.heading_field(body) or self.context  # "a) Các chỉ tiêu văn hóa – xã hội"
            return
        if not values and body.endswith(":"):
            self.group_head = body[:-1] if re.match(r"^(?:ty le|so |tong|co cau)", fold(body)) else ""
            return
        sub_item = bool(re.match(r"^\s*(?:-\s*)?\+", text))
        bullet = info.level is not None and info.level >= 3
        listed = bullet or (info.level is not None and reads_as_item(text))  # "4. Phấn đấu … không còn hộ nghèo."
        for sentence in split_sentences(text) if not bullet else [text]:
            label = _GROUP_LABEL.match(fold(sentence))
            if label and label.group(1):  # "Về xã hội: …" inside a targets zone: the group's field
                self.context = fields.group_field(label.group(1)) or self.context
                sentence = sentence[label.end() :]
            strive = is_strive_sentence(sentence)
            self.ex.item(sentence, index, self.context, self.group_head if sub_item else "",
                         qualitative=listed or strive)
        if not sub_item:
            self.group_head = ""


def _results_restated(found: list[ExtractedTarget]) -> None:
    """A value read before any cue (a headline, a lede) that the text states elsewhere as a result — same number,
    unit and indicator words — is that result: "Tỷ lệ hộ nghèo của xã giảm bình quân 6,7%/năm" over a report of
    the last term. Its confidence drops to that of a result."""
    results = [t for t in found if t.confidence == CONFIDENCE["past"]]
    for t in found:
        if t.confidence != CONFIDENCE["neutral"] or t.value is None:
            continue
        words = set(fold(t.indicator).split())
        for r in results:
            shared = words & set(fold(r.indicator).split())
            if r.value == t.value and r.unit == t.unit and len(shared) * 2 >= len(words):
                t.confidence = CONFIDENCE["past"]
                break


def _once(lines: list[Line]) -> list[Line]:
    """``lines`` without a line repeating one of the three before it (a page title or caption printed twice is
    stated once: eval/README conventions)."""
    keys = [_without_url(line.text) for line in lines]
    return [line for k, line in enumerate(lines) if keys[k] not in keys[max(0, k - 3) : k]]


def _prose(ex: _Extractor, reader: Reader, text: str, index: int, section_field: Field | None) -> Field | None:
    """Targets of a paragraph outside the targets zones, sentence by sentence (a sentence turning from results to
    targets in parts); returns the section field as group labels ("Về xã hội: …") leave it."""
    for whole in split_sentences(text):
        for part, sentence in enumerate(turns(whole)):
            # "…, phấn đấu năm 2022 đạt 5.500 tỷ đồng": the indicator of the part before, without its "(so với …)"
            hint = re.sub(r"\s*\(so với .*\)$", "", ex.out[-1].indicator) if part and ex.out else ""
            section_field = _prose_sentence(ex, reader, sentence, index, section_field, hint)
    return section_field


def _prose_sentence(ex: _Extractor, reader: Reader, sentence: str, index: int, section_field: Field | None,
                    hint: str) -> Field | None:
    mode = reader.read(sentence)
    label = _GROUP_LABEL.match(fold(sentence))
    if label:
        section_field = fields.group_field(label.group(1) or label.group(0)) or section_field
        if label.end() < len(sentence):
            sentence = sentence[label.end() :]
    strive = is_strive_sentence(sentence)
    if not find_values(sentence, ex.plan_year) and not (
        strive and mode == "target" and len(sentence.split()) <= _QUALITATIVE_STRIVE
    ):
        return section_field
    confidence = sentence_confidence(mode, sentence)
    if confidence is None:
        return section_field
    ex.confidence = max(confidence, CONFIDENCE["target"]) if strive else confidence
    ex.item(sentence, index, section_field, "", qualitative=strive or mode == "target", subject_hint=hint)
    return section_field
