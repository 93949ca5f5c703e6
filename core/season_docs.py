"""The award season's documents, filled from the record into .docx templates with docxtpl (and the Tờ trình's
list also as .xlsx).

Templates: ``resources/templates/<name>.docx`` (built by :mod:`core.season_templates`); a province's own
``<name>.docx`` in :func:`user_templates_dir` replaces ours. A template that asks for a field this document does
not have is refused with :class:`TemplateError` naming the field. Contexts are plain dicts of strings and lists,
so a template needs no code: the fields each document offers are the keys its ``*_context`` function returns.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.layout import BLANK, date_line, signer_lines
from core.models import AwardDocument, CommuneSettings, CouncilSession, Nomination, Plan, PlanStatus
from core.nominations import NOMINEE_LABELS
from core.paths import resources_dir
from core.plans import superior_short, unit_name
from core.season import decision_signer_lines, full_number, list_order, printed, threshold_for
from core.terms import NominationStatus, NomineeKind, SuperiorLevel

_ROMAN = ("I", "II", "III")
_GROUP_KEYS = {NomineeKind.INDIVIDUAL: "individuals", NomineeKind.COLLECTIVE: "collectives",
               NomineeKind.HOUSEHOLD: "households"}


class TemplateError(ValueError):
    """A template that cannot be used; the message is one Vietnamese sentence naming the file and the field."""


def user_templates_dir() -> Path:
    """The folder where a province's own templates replace ours: ``mau-van-ban`` beside the default database
    (``%LOCALAPPDATA%\\thidua-xa\\mau-van-ban`` on Windows)."""
    import platformdirs

    from core import APP_ID

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False)) / "mau-van-ban"


def template_path(name: str, user_dir: Path | None = None) -> Path:
    """The template ``name`` ("quyet_dinh"): the user's copy when there is one, else ours."""
    own = (user_dir if user_dir is not None else user_templates_dir()) / f"{name}.docx"
    return own if own.is_file() else resources_dir() / "templates" / f"{name}.docx"


def render(name: str, context: dict, out: Path, user_dir: Path | None = None) -> Path:
    """Fill the template ``name`` with ``context`` and write ``out``. Raises :class:`TemplateError` for a field
    the context lacks or a template Jinja cannot read, ``OSError`` when ``out`` cannot be written."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError as JinjaError

    path = template_path(name, user_dir)
    try:
        template = DocxTemplate(path)
        unknown = sorted(template.get_undeclared_template_variables() - set(context))
        if unknown:
            raise TemplateError(f"Mẫu «{path}» có trường «{unknown[0]}» mà văn bản này không có; các trường dùng "
                                f"được: {', '.join(sorted(context))}.")
        template.render(context, autoescape=True)
    except JinjaError as exc:
        raise TemplateError(f"Mẫu «{path}» viết sai trường (dòng {getattr(exc, 'lineno', '?')}): {exc.message}.")\
            from exc
    props = template.docx.core_properties
    props.author = props.last_modified_by = context.get("issuer", "")
    props.title = context.get("doc_title", "")
    template.save(out)
    return out


def _day(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _count(n: int) -> str:
    return f"{n:02d}" if n < 10 else str(n)


def counts_phrase(nominations: list[Nomination]) -> str:
    """ "03 cá nhân, 01 tập thể và 01 hộ gia đình" (groups with nobody left out)."""
    parts = [f"{_count(sum(m.nominee.kind is kind for m in nominations))} {label.lower()}"
             for kind, label in NOMINEE_LABELS.items() if any(m.nominee.kind is kind for m in nominations)]
    return " và ".join([", ".join(parts[:-1]), parts[-1]]) if len(parts) > 1 else "".join(parts)


_LEVEL_WORDS = {SuperiorLevel.PROVINCE: "cấp tỉnh", SuperiorLevel.DISTRICT: "cấp huyện"}


def printed_form_name(name: str, settings: CommuneSettings) -> str:
    """An award form's name as the commune's documents print it: the catalogue's "… cấp xã" names the commune
    ("Giấy khen của Chủ tịch Ủy ban nhân dân xã Hòa Phong"), and "… cấp tỉnh" / "… cấp huyện" the superior body
    when it is of that level ("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp"); any other name as it is."""
    if name.endswith("cấp xã"):
        return name.removesuffix("cấp xã") + unit_name(settings)
    level = _LEVEL_WORDS.get(settings.superior_level)
    superior = superior_short(settings)
    if level and name.endswith(level) and superior.startswith(level.removeprefix("cấp ") + " "):
        return name.removesuffix(level) + superior
    return name


def _form_name(m: Nomination, settings: CommuneSettings) -> str:
    return printed_form_name(m.award_form.name, settings)


def _form_names(nominations: list[Nomination], settings: CommuneSettings) -> list[str]:
    names: list[str] = []
    for m in nominations:
        name = _form_name(m, settings)
        name = name[:1].lower() + name[1:] if name.startswith("Danh hiệu") else name
        if name not in names:
            names.append(name)
    return names


def _and(items: list[str]) -> str:
    return " và ".join([", ".join(items[:-1]), items[-1]]) if len(items) > 1 else "".join(items)


def _common(document: AwardDocument, settings: CommuneSettings) -> dict:
    s = printed(document, settings)
    commune = unit_name(s)
    return {"commune": commune, "commune_upper": commune.upper(), "issuer": f"Ủy ban nhân dân {commune}",
            "number": full_number(document), "year": str(document.year),
            "place_date": date_line(s.place_name or s.commune_name, document.issue_date, document.year),
            "signer_name": document.signer_name, "drafting_unit": s.drafting_unit}


def _rows(nominations: list[Nomination], settings: CommuneSettings) -> dict[str, list[dict]]:
    """Rows of a danh sách per group (individuals, collectives, households), numbered from 1 in each."""
    out: dict[str, list[dict]] = {key: [] for key in _GROUP_KEYS.values()}
    for m in sorted(nominations, key=list_order):
        n = m.nominee
        group = out[_GROUP_KEYS[n.kind]]
        group.append({"stt": str(len(group) + 1), "name": n.name, "gender": n.gender or "",
                      "birth_date": _day(n.birth_date), "position": n.position, "unit": n.unit,
                      "position_unit": ", ".join(part for part in (n.position, n.unit) if part),
                      "year": str(m.year or ""), "form": _form_name(m, settings), "achievement": m.achievement,
                      "note": m.note})
    return out


def _grouped(nominations: list[Nomination], settings: CommuneSettings) -> dict:
    """The three groups and their headings, numbered I, II, III among the groups that have rows."""
    rows = _rows(nominations, settings)
    headings, roman = {}, iter(_ROMAN)
    for kind, key in _GROUP_KEYS.items():
        headings[f"{key}_heading"] = f"{next(roman)}. {NOMINEE_LABELS[kind].upper()}" if rows[key] else ""
    return {**rows, **headings, "total_line": f"(Danh sách này có {counts_phrase(nominations)}.)"}


def legal_bases(day: dt.date) -> list[str]:
    """The căn cứ of a Quyết định khen thưởng dated ``day``: the Luật Tổ chức chính quyền địa phương in force
    (19/6/2015 until 30/6/2025, then 16/6/2025), the Luật Thi đua, khen thưởng 06/2022/QH15 and its decree in
    force (:func:`core.defaults.standing_bases`)."""
    from core.defaults import standing_bases
    from core.layout import basis_sentence

    local = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025" if day >= dt.date(2025, 7, 1)
             else "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015")

    class _Basis:  # the fields basis_sentence reads
        def __init__(self, values: dict):
            self.__dict__.update(values)

    return [local] + [basis_sentence(_Basis(b)) for b in standing_bases(day)]


def _plan_basis(session: Session, year: int) -> str | None:
    plan = session.scalars(select(Plan).where(Plan.year == year, Plan.status == PlanStatus.ISSUED)
                           .order_by(Plan.version.desc())).first()
    if plan is None or plan.issue_date is None:
        return None
    suffix = (plan.issued_settings or {}).get("number_suffix", "KH-UBND")
    return (f"Căn cứ Kế hoạch số {plan.number}/{suffix} ngày {_day(plan.issue_date)} của Ủy ban nhân dân "
            f"{{commune}} về {plan.title[:1].lower()}{plan.title[1:]}")


def decision_context(session: Session, document: AwardDocument, settings: CommuneSettings) -> dict:
    """Fields of the Quyết định khen thưởng (template ``quyet_dinh``)."""
    items = [i.nomination for i in document.items]
    c = _common(document, settings)
    names = _form_names(items, settings)
    day = document.issue_date or dt.date.today()
    bases = legal_bases(day)
    plan = _plan_basis(session, document.year)
    if plan:
        bases.append(plan.format(commune=c["commune"]))
    bases = [b.rstrip(";.") + ";" for b in bases]
    proposer = document.proposer.strip() or f"Hội đồng Thi đua - Khen thưởng {c['commune']}"
    head = "Chủ tịch Ủy ban nhân dân"
    return {**c, "doc_title": "Quyết định khen thưởng",
            "title": document.title.strip() or f"Về việc tặng {_and(names)} năm {document.year}".replace(
                "cấp xã", c["commune"]),
            "authority": f"{head} {c['commune']}".upper(),
            "bases": bases, "proposer_sentence": f"Xét đề nghị của {proposer.rstrip('.')}.",
            "article_1": (f"Tặng {_and(names)} cho {counts_phrase(items)} (có danh sách kèm theo) đã có thành tích "
                          f"xuất sắc trong phong trào thi đua năm {document.year}.").replace("cấp xã", c["commune"]),
            "article_2": "Quyết định này có hiệu lực kể từ ngày ký.",
            "article_3": (f"Chánh {c['drafting_unit']} {c['commune']}, Thủ trưởng các cơ quan, đơn vị liên quan và "
                          "các cá nhân, tập thể, hộ gia đình có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định "
                          "này./."),
            "recipients": ["- Như Điều 3;", "- Thường trực Đảng ủy, HĐND xã;", "- Chủ tịch, các PCT UBND xã;",
                           f"- Lưu: VT, {_short(settings)}."],
            "signer_lines": decision_signer_lines(document)}


def decision_list_context(session: Session, document: AwardDocument, settings: CommuneSettings) -> dict:
    """Fields of the danh sách kèm theo Quyết định (template ``danh_sach_quyet_dinh``)."""
    items = [i.nomination for i in document.items]
    c = _common(document, settings)
    when = _day(document.issue_date) or f"{BLANK}/{BLANK}/{document.year}"
    return {**c, **_grouped(items, settings), "doc_title": "Danh sách kèm theo Quyết định khen thưởng",
            "list_title": f"Cá nhân, tập thể, hộ gia đình được khen thưởng năm {document.year}",
            "attached_to": f"(Kèm theo Quyết định số {c['number']} ngày {when} của Chủ tịch Ủy ban nhân dân "
                           f"{c['commune']})"}


def addressee(settings: CommuneSettings) -> str:
    """Default "Kính gửi" of a Tờ trình: the superior body in full words, through its Sở Nội vụ."""
    body = (settings.superior_body or "Ủy ban nhân dân tỉnh").replace("UBND", "Ủy ban nhân dân")
    return f"{body} (qua Sở Nội vụ)"


def proposal_context(session: Session, document: AwardDocument, settings: CommuneSettings) -> dict:
    """Fields of the Tờ trình (template ``to_trinh``)."""
    items = [i.nomination for i in document.items]
    c = _common(document, settings)
    names = _form_names(items, settings)
    to = document.addressee.strip() or addressee(settings)
    body = ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 và các văn bản hướng dẫn thi hành;",
            f"Căn cứ kết quả bình xét của Hội đồng Thi đua - Khen thưởng {c['commune']},",
            f"Ủy ban nhân dân {c['commune']} kính đề nghị xem xét, tặng khen thưởng cho {counts_phrase(items)} đã có "
            f"thành tích xuất sắc trong phong trào thi đua năm {document.year}, cụ thể:"]
    for name in names:
        chosen = [m for m in items if _form_name(m, settings).lower() == name.lower()]
        body.append(f"- {name[:1].upper()}{name[1:]}: {counts_phrase(chosen)};")
    body[-1] = body[-1].rstrip(";") + "."
    body.append("(Có danh sách, biên bản họp Hội đồng Thi đua - Khen thưởng và báo cáo thành tích kèm theo.)")
    body.append(f"Ủy ban nhân dân {c['commune']} kính trình xem xét, quyết định./.")
    return {**c, "doc_title": "Tờ trình đề nghị khen thưởng", "addressee": to,
            "title": document.title.strip() or f"Về việc đề nghị tặng {_and(names)} năm {document.year}",
            "body": body, "recipients": ["- Như trên;", f"- Lưu: VT, {_short(settings)}."],
            "signer_lines": signer_lines(document.signer_authority, document.signer_title)}


def _short(settings: CommuneSettings) -> str:
    """The drafting unit's abbreviation in "Lưu: VT, VP." (today's setting: it is not printed on the document
    as issued)."""
    return settings.drafting_unit_short or "VP"


def proposal_list_context(session: Session, document: AwardDocument, settings: CommuneSettings) -> dict:
    """Fields of the danh sách kèm theo Tờ trình (template ``danh_sach_to_trinh``, and the .xlsx)."""
    items = [i.nomination for i in document.items]
    c = _common(document, settings)
    deciders = _and(sorted({m.award_form.decided_by for m in items if m.award_form.decided_by}))
    when = _day(document.issue_date) or f"{BLANK}/{BLANK}/{document.year}"
    return {**c, **_grouped(items, settings), "doc_title": "Danh sách kèm theo Tờ trình đề nghị khen thưởng",
            "list_title": f"Đề nghị {deciders or 'cấp trên'} khen thưởng năm {document.year}",
            "attached_to": f"(Kèm theo Tờ trình số {c['number']} ngày {when} của Ủy ban nhân dân {c['commune']})",
            "signer_lines": signer_lines(document.signer_authority, document.signer_title)}


CONTEXTS = {"quyet_dinh": decision_context, "danh_sach_quyet_dinh": decision_list_context,
            "to_trinh": proposal_context, "danh_sach_to_trinh": proposal_list_context}


def council_context(session: Session, council: CouncilSession, settings: CommuneSettings) -> dict:
    """Fields of the Biên bản họp Hội đồng Thi đua – Khen thưởng xã (template ``bien_ban``): time and place,
    composition (an empty chair or secretary is a dotted blank to fill by hand), content, the results table with
    each threshold (its article only once confirmed: the paper never says "chưa đối chiếu"), closing time."""
    commune = unit_name(settings)
    day = council.held_on
    start = council.start_time or f"{BLANK} giờ {BLANK}"
    opening = [f"Hôm nay, vào lúc {start}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}, "
               f"tại {council.place or 'trụ sở Ủy ban nhân dân ' + commune}, Hội đồng Thi đua - Khen thưởng "
               f"{commune} họp bình xét khen thưởng năm {council.year}.",
               f"Chủ tọa: {_named(council.chair)}.", f"Thư ký: {_named(council.secretary)}.",
               f"Thành viên có mặt: {council.members_present}/{council.members_total} thành viên Hội đồng.",
               "Nội dung: Hội đồng nghe báo cáo tóm tắt thành tích của các tập thể, cá nhân, hộ gia đình được đề "
               "nghị, thảo luận và biểu quyết. Kết quả như sau:"]
    rows: list[dict[str, str]] = []
    thresholds: dict[str, list[str]] = {}  # rule → the forms it applies to
    for n, vote in enumerate(council.votes, 1):
        m = vote.nomination
        rows.append({"stt": str(n), "name": m.nominee.name, "form": _form_name(m, settings),
                     "votes": f"{vote.votes_for}/{council.members_present}",
                     "share": f"{vote.votes_for / council.members_present:.0%}" if council.members_present else "",
                     "result": "Đạt" if vote.passed else "Không đạt"})
        forms = thresholds.setdefault(threshold_for(m.award_form_code, day).printed(), [])
        if _form_name(m, settings) not in forms:
            forms.append(_form_name(m, settings))
    passed = sum(v.passed for v in council.votes)
    closing = ["Tỷ lệ phiếu đồng ý cần đạt:",
               *[f"- {_and(forms)}: {rule}." for rule, forms in thresholds.items()],
               f"Hội đồng thống nhất đề nghị khen thưởng {passed}/{len(council.votes)} trường hợp "
               "được đưa ra bình xét.",
               *[line for line in council.notes.splitlines() if line.strip()],
               f"Cuộc họp kết thúc vào lúc {council.end_time or BLANK + ' giờ ' + BLANK} cùng ngày; biên bản đã được "
               "thông qua trước Hội đồng./."]
    return {"commune": commune, "council_upper": f"HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG {commune.upper()}",
            "issuer": f"Hội đồng Thi đua - Khen thưởng {commune}",
            "doc_title": "Biên bản họp Hội đồng Thi đua - Khen thưởng",
            "number": f"{BLANK}/BB-HĐTĐKT", "title": f"Họp Hội đồng Thi đua - Khen thưởng {commune} bình xét khen "
                                                  f"thưởng năm {council.year}",
            "place_date": date_line(settings.place_name or settings.commune_name, day, council.year),
            "opening": opening, "votes": rows, "closing": closing,
            "secretary_name": _person(council.secretary), "chair_name": _person(council.chair)}


def _named(text: str) -> str:
    """A person as the Biên bản prints them: "Ông/Bà " never before the name; nothing entered → a dotted blank."""
    return text.strip().removeprefix("Ông/Bà ").strip() or DOTS


def _person(text: str) -> str:
    """The name of "Ông Trần Văn Bình - Chủ tịch UBND xã" for the signature: "Trần Văn Bình"."""
    name = text.split(" - ")[0].split(",")[0].strip()
    for title in ("Ông/Bà ", "Ông ", "Bà ", "Đồng chí ", "đồng chí "):
        name = name.removeprefix(title)
    return name


DOTS = "…" * 12  # a visible blank for what the record does not hold, to be filled by hand
# Which mẫu of the current circular the báo cáo thành tích follows is not confirmed from the circular's text
# (Thông tư 15/2025/TT-BNV is reported, not read: chưa đối chiếu), so the report cites no mẫu number.


def achievement_template(m: Nomination) -> str:
    """The báo cáo thành tích template of a nominee: individual, or collective (also for a household)."""
    return "bao_cao_thanh_tich_ca_nhan" if m.nominee.kind is NomineeKind.INDIVIDUAL else "bao_cao_thanh_tich_tap_the"


def achievement_context(session: Session, m: Nomination, settings: CommuneSettings) -> dict:
    """Fields of a nominee's Báo cáo thành tích, from the record: identity, unit, the year's achievement and the
    awards granted before (the register: granted nominations with their decision); what the record lacks is a
    dotted blank the nominee fills in."""
    n = m.nominee
    granted = sorted((g for g in n.nominations if g.status is NominationStatus.GRANTED and g.id != m.id),
                     key=lambda g: (g.year or 0, g.id))
    rows: dict[str, list[dict]] = {"titles": [], "forms": []}
    for g in granted:
        decision = ", ".join(part for part in (g.decision_number and f"Quyết định số {g.decision_number}",
                                               g.decision_date and f"ngày {_day(g.decision_date)}") if part)
        rows["titles" if g.award_form.category == "title" else "forms"].append(
            {"stt": "", "year": str(g.year or ""), "form": _form_name(g, settings), "decision": decision or DOTS})
    form = _form_name(m, settings)
    return {"place_date": date_line(settings.place_name or settings.commune_name, None,
                                                                 m.year or dt.date.today().year),
            "issuer": n.name, "doc_title": f"Báo cáo thành tích đề nghị tặng {form}",
            "form_upper": form.upper(),
            "name": n.name, "gender": n.gender or DOTS, "birth_date": _day(n.birth_date) or DOTS,
            "hometown": DOTS, "residence": DOTS, "qualification": DOTS, "duties": DOTS, "situation": DOTS,
            "unit": n.unit or DOTS, "position": n.position or DOTS, "year": str(m.year or ""),
            "achievement": m.achievement or DOTS, **rows,
            "titles_none": "" if rows["titles"] else "(Chưa có trong sổ khen thưởng.)",
            "forms_none": "" if rows["forms"] else "(Chưa có trong sổ khen thưởng.)",
            "reporter": n.name if n.kind is NomineeKind.INDIVIDUAL else "",
            "reporter_title": "CHỦ HỘ" if n.kind is NomineeKind.HOUSEHOLD else "THỦ TRƯỞNG ĐƠN VỊ"}
