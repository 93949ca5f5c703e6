"""Classifying a target or a section into a field (lĩnh vực) by its topic words.

Fields follow the usual grouping of a commune's socio-economic targets: kinh tế; văn hóa – xã hội;
môi trường; quốc phòng – an ninh; xây dựng Đảng, chính quyền (GUIDE §3).
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.text import fold
from core.terms import Field

# Folded key words per field; a longer phrase weighs more. Order matters only for ties.
_KEYWORDS: dict[Field, list[str]] = {
    Field.ENVIRONMENT: [
        "moi truong", "rac thai", "chat thai", "thu gom", "che phu rung", "trong rung", "cay xanh", "nuoc sach",
        "hop ve sinh", "o nhiem", "bien doi khi hau", "xu ly rac",
        "nuoc thai", "hop chuan",
    ],
    Field.DEFENCE_SECURITY: [
        "quoc phong", "an ninh", "quan su", "cong an", "giao quan", "tuyen quan", "dan quan", "tu ve",
        "du bi dong vien", "tai nan giao thong", "toi pham", "khieu nai", "to cao", "trat tu", "quyet thang",
        "phong chay", "ma tuy", "nghia vu quan su", "trong an", "chay no",
    ],
    Field.PARTY_GOVERNMENT: [
        "dang vien", "co so dang", "to chuc dang", "chi bo", "dang bo", "xay dung dang", "chinh quyen",
        "cai cach hanh chinh", "thu tuc hanh chinh", "dich vu cong", "mat tran", "doan the", "hoi vien",
        "doan vien", "can bo, cong chuc", "cong chuc", "hoan thanh tot nhiem vu", "hoan thanh xuat sac nhiem vu",
        "chuyen doi so", "chinh tri", "ho so", "dinh danh", "truc tuyen",
    ],
    Field.CULTURE_SOCIETY: [
        "van hoa", "chuan van hoa", "do thi van minh",  # the titles of "Toàn dân đoàn kết xây dựng đời sống văn hóa"
        "gia dinh", "ho ngheo", "can ngheo", "giam ngheo", "nguoi ngheo", "ngheo da chieu", "dan so", "sinh",
        "suy dinh duong", "tre em", "bao hiem y te", "bhyt", "bao hiem xa hoi", "y te", "benh", "bac si", "bac sy",
        "duoc si",
        "duoc sy", "tu vong", "tyt", "tuoi tho", "ky vong song", "ho sinh", "nhan vien y te", "tiem chung",
        "lao dong", "viec lam", "dao tao", "truong", "hoc sinh", "giao duc", "pho cap", "the thao", "that nghiep",
        "te nan xa hoi", "an sinh xa hoi", "xuat khau lao dong", "cho lam",
        "nguoi co cong", "den on dap nghia", "nguon quy", "tu thien", "nha tam", "nha dot nat", "bhxh", "tiem",
    ],
    Field.ECONOMY: [
        "kinh te", "san xuat", "tang truong", "ngan sach", "thu nhap", "luong thuc", "nong nghiep", "cong nghiep",
        "dich vu", "thuong mai", "dau tu", "co cau", "san luong", "dien tich", "nong thon moi", "ntm", "do thi",
        "doanh nghiep", "hop tac xa", "giao thong", "ha tang", "xuat khau", "du lich", "chan nuoi", "thuy san",
        "lua", "gia tri", "gdp", "grdp", "chi so gia", "nang suat lao dong", "von dau tu", "kim ngach", "ocop",
    ],
}
_WEIGHTED = {f: [(k, len(k.split())) for k in keys] for f, keys in _KEYWORDS.items()}  # a phrase weighs its words


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _mentions(folded: str, phrase: str) -> bool:
    r"""Whether ``phrase`` occurs in ``folded`` between word boundaries, where the regular expression
    ``(?<!\w)phrase(?!\w)`` would find it: "sinh" in "hoc sinh, sinh vien", not in "sinhvien"."""
    start = folded.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        if not (start and _is_word_char(folded[start - 1])) and not (end < len(folded) and _is_word_char(folded[end])):
            return True
        start = folded.find(phrase, start + 1)
    return False


@lru_cache(maxsize=8192)  # a target's name and its sentence are scored at several steps
def scores(text: str) -> dict[Field, int]:
    """Topic score of each field for ``text`` (sum of the key phrases it mentions as whole words, each weighted by
    its number of words). Plain searches, not 112 regular expressions: those cost 6 ms to compile at every start."""
    folded = fold(text)
    return {f: sum(w for k, w in keyed if _mentions(folded, k)) for f, keyed in _WEIGHTED.items()}


# Topics whose field the source's grouping decides when it names one (eval/README: "Số xã đạt chuẩn nông thôn mới"
# under "Về xã hội" is văn hóa – xã hội); without a grouping they keep their usual field (GUIDE §3: kinh tế).
# Urbanisation and infrastructure are kinh tế by GUIDE §3's mapping whatever the grouping.
_WEAK = frozenset({"nong thon moi", "ntm"})


def decide(indicator: str, section: Field | None, source: str = "", previous: Field | None = None) -> Field:
    """The field of a target: what the indicator is first (its topic words), the section or group it sits under
    only as a tie-break — between fields the indicator mentions equally, when it mentions only topics a grouping
    may re-file (``_WEAK``), or when it mentions none — then the source sentence's words, then the field of the
    ``previous`` target (a list of places continuing one indicator: "…; Tuyên Hóa 4,5-5,0%; …"), else ``other``.

    A heading "Các chỉ tiêu kinh tế - xã hội" thus never files an economic indicator under văn hóa – xã hội."""
    result = scores(indicator)
    best = max(result.values())
    if best == 0:
        return section or classify(source) or previous or Field.OTHER
    top = [f for f, score in result.items() if score == best]
    if section is not None and section in top:
        return section
    if section is not None and _only_weak(indicator):
        return section
    return top[0]


@lru_cache(maxsize=4096)
def _only_weak(text: str) -> bool:
    """Whether every topic ``text`` mentions is one a grouping may re-file (``_WEAK``)."""
    folded = fold(text)
    return all(k in _WEAK for keys in _KEYWORDS.values() for k in keys if _mentions(folded, k))


@lru_cache(maxsize=4096)
def classify(text: str) -> Field | None:
    """The field whose key words ``text`` mentions most, or None when it mentions none."""
    result = scores(text)
    best = max(result, key=lambda f: result[f])
    return best if result[best] > 0 else None


# Phrases by which a heading announces its field ("… lĩnh vực văn hóa - xã hội …").
_HEADING_FIELDS = [
    (Field.DEFENCE_SECURITY, re.compile(r"quoc phong|an ninh|trat tu an toan")),
    (Field.PARTY_GOVERNMENT, re.compile(r"xay dung dang|he thong chinh tri|chinh quyen")),
    (Field.CULTURE_SOCIETY, re.compile(r"van hoa\s*[-–,]?\s*xa hoi")),
    (Field.ENVIRONMENT, re.compile(r"moi truong")),
    (Field.ECONOMY, re.compile(r"kinh te(?!\s*[-–]\s*xa hoi)")),
]


def heading_field(text: str) -> Field | None:
    """The field a heading names explicitly (first match in the heading's first 160 characters), else None."""
    folded = fold(text[:160])
    found = [(m.start(), f) for f, rx in _HEADING_FIELDS if (m := rx.search(folded))]
    return min(found)[1] if found else None


_GROUP_FIELDS = [
    (Field.PARTY_GOVERNMENT, re.compile(r"cai cach hanh chinh|xay dung dang")),
    (Field.CULTURE_SOCIETY, re.compile(r"xa hoi")),
    (Field.ECONOMY, re.compile(r"do thi|nong thon|ha tang|quy hoach")),
]


def group_field(label: str) -> Field | None:
    """The field of a group label in a resolution summary: "Về xã hội", "3 chỉ tiêu về đô thị", "Về cải cách
    hành chính" (what :func:`heading_field` names, else the group's usual field)."""
    found = heading_field(label)
    if found:
        return found
    folded = fold(label)
    return next((f for f, rx in _GROUP_FIELDS if rx.search(folded)), None)
