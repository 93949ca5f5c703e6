"""The exported .docx follows NĐ 30/2020/NĐ-CP, Phụ lục I; issued plans are frozen; PDF pages match."""

import datetime as dt

import docx
import pypdf
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from core.demo import create_demo_data
from core.export_docx import export_docx
from core.layout import build_layout, vn_number
from core.models import Plan, PlanStatus, UnitType
from core.plans import PlanError, copy_plan, ensure_draft, issue
from core.settings import load_settings, save_settings


@pytest.fixture
def demo(db):
    create_demo_data(db)
    return db


def _layout(db):
    """The demo plan as it prints."""
    with db.session() as s:
        return build_layout(s.get(Plan, 1), load_settings(s))


def _export(db, tmp_path, **changes):
    with db.session() as s:
        plan = s.get(Plan, 1)
        for key, value in changes.items():
            setattr(plan, key, value)
        layout = build_layout(plan, load_settings(s))
        s.rollback()
    return docx.Document(export_docx(layout, tmp_path / "plan.docx"))


def _para(document, text):
    return next(p for p in document.paragraphs if p.text == text)


def _cell_paragraphs(table, col):
    return [p for p in table.rows[0].cells[col].paragraphs if p.text]


def test_page_size_margins_and_page_numbers(demo, tmp_path):
    d = _export(demo, tmp_path)
    section = d.sections[0]
    mm = [round(v.mm, 1) for v in (section.page_width, section.page_height, section.top_margin,
                                    section.bottom_margin, section.left_margin, section.right_margin)]
    assert mm == [210, 297, 20, 20, 30, 15]  # Word stores twips: compare to a tenth of a millimetre
    assert section.different_first_page_header_footer  # no number on page 1
    header_xml = section.header._element.xml
    assert "PAGE" in header_xml and section.header.paragraphs[0].alignment == 1  # centred


def test_header_block(demo, tmp_path):
    d = _export(demo, tmp_path, number="05", issue_date=dt.date(2026, 2, 5))
    top = d.tables[0]
    left, right = _cell_paragraphs(top, 0), _cell_paragraphs(top, 1)
    assert [p.text for p in left] == ["ỦY BAN NHÂN DÂN", "XÃ HÒA PHONG", "Số: 05/KH-UBND"]
    assert all(p.runs[0].bold and p.runs[0].font.size == Pt(13) for p in left[:2])
    assert not left[2].runs[0].bold and left[2].runs[0].font.size == Pt(13)
    assert [p.text for p in right] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                       "Hòa Phong, ngày 05 tháng 02 năm 2026"]
    assert right[0].runs[0].bold and right[0].runs[0].font.size == Pt(13)
    assert right[1].runs[0].bold and right[1].runs[0].font.size == Pt(14)
    assert right[2].runs[0].italic and not right[2].runs[0].bold
    borders = top._tbl.tblPr.find(qn("w:tblBorders"))
    assert all(el.get(qn("w:val")) == "nil" for el in borders)


def test_blank_number_and_date_leave_room_to_write(demo, tmp_path):
    d = _export(demo, tmp_path)
    left, right = _cell_paragraphs(d.tables[0], 0), _cell_paragraphs(d.tables[0], 1)
    assert left[2].text == "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/KH-UBND"
    gap = "\u00a0" * 6
    assert right[2].text == f"Hòa Phong, ngày{gap}tháng{gap}năm 2026"


def test_title_headings_and_body(demo, tmp_path):
    d = _export(demo, tmp_path)
    title = _para(d, "KẾ HOẠCH")
    assert title.alignment == 1 and title.runs[0].bold and title.runs[0].font.size == Pt(14)
    h1 = _para(d, "I. MỤC ĐÍCH, YÊU CẦU")
    assert h1.runs[0].bold
    h2 = _para(d, "1. Mục đích")
    assert h2.runs[0].bold
    basis = next(p for p in d.paragraphs if p.text.startswith("Căn cứ Luật Thi đua"))
    assert basis.runs[0].italic and basis.text.endswith(";")
    body = next(p for p in d.paragraphs if p.text.startswith("- Khơi dậy"))
    assert body.alignment == 3 and body.paragraph_format.first_line_indent is not None  # justified, indented
    assert body.runs[0].font.size == Pt(14)


def test_every_run_uses_times_new_roman_in_all_slots(demo, tmp_path):
    d = _export(demo, tmp_path)
    runs = [r for p in d.paragraphs for r in p.runs] + [
        r for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert runs
    for run in runs:
        fonts = run._r.rPr.find(qn("w:rFonts"))
        assert {fonts.get(qn(a)) for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")} == {"Times New Roman"}
        assert fonts.get(qn("w:asciiTheme")) is None


def test_targets_in_order_grouped_by_field(demo, tmp_path):
    d = _export(demo, tmp_path)
    texts = [p.text for p in d.paragraphs]
    targets = [t for t in texts if t.startswith("(")]
    assert targets[0] == "(1) Tốc độ tăng trưởng kinh tế khoảng 8,5%;"
    assert targets[-1].startswith("(13) ") and targets[-1].endswith(".")  # the province's NTM target left out
    assert texts.index("a) Kinh tế") < texts.index(targets[0]) < texts.index("b) Văn hóa - xã hội")


def test_targets_as_table_option(demo, tmp_path):
    d = _export(demo, tmp_path, targets_as_table=True)
    table = next(t for t in d.tables if t.rows[0].cells[0].text == "STT")
    assert [c.text for c in table.rows[0].cells] == ["STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch"]
    assert [c.text for c in table.rows[1].cells] == ["1", "Tốc độ tăng trưởng kinh tế", "%", "khoảng 8,5"]


def test_closing_block(demo, tmp_path):
    d = _export(demo, tmp_path)
    closing = d.tables[-1]
    left, right = _cell_paragraphs(closing, 0), _cell_paragraphs(closing, 1)
    assert left[0].text == "Nơi nhận:" and left[0].runs[0].bold and left[0].runs[0].italic
    assert left[0].runs[0].font.size == Pt(12)
    assert left[1].runs[0].font.size == Pt(11) and left[-1].text == "- Lưu: VT, VP."
    assert [p.text for p in right] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Bình"]
    assert all(p.runs[0].bold for p in right)
    all_right = closing.rows[0].cells[1].paragraphs
    assert len(all_right) - len(right) >= 3  # room to sign and stamp


def test_issued_plan_is_frozen_and_revision_is_a_new_version(demo):
    with demo.session() as s:
        plan = s.get(Plan, 1)
        issue(plan, "5", dt.date(2026, 2, 5), load_settings(s))
    with demo.session() as s:
        plan = s.get(Plan, 1)
        assert (plan.status, plan.number) == (PlanStatus.ISSUED, "05")
        with pytest.raises(PlanError, match="đã ban hành"):
            ensure_draft(plan)
        with pytest.raises(PlanError):
            issue(plan, "6", dt.date(2026, 2, 6), load_settings(s))
        revision = copy_plan(s, plan, plan.year, load_settings(s), revision=True)
        assert (revision.version, revision.revises_id, revision.status) == (2, 1, PlanStatus.DRAFT)
        assert revision.number is None and len(revision.targets) == len(plan.targets)
    with demo.session() as s:
        assert s.get(Plan, 1).number == "05"


def test_incomplete_plan_cannot_be_issued(demo):
    with demo.session() as s:
        plan = s.get(Plan, 1)
        plan.targets.clear()
        with pytest.raises(PlanError, match="Chưa có chỉ tiêu"):
            issue(plan, "5", dt.date(2026, 2, 5), load_settings(s))
        assert plan.status is PlanStatus.DRAFT and plan.number is None


def test_vietnamese_numbers():
    assert [vn_number(v) for v in (28603.61, 1600, 0.8, 5.0, 197001545)] == [
        "28.603,61", "1.600", "0,8", "5", "197.001.545"]


def test_pdf_pages_match_the_layout(demo, tmp_path, qapp):
    from ui.printing import export_pdf

    with demo.session() as s:
        layout = build_layout(s.get(Plan, 1), load_settings(s))
    pages = export_pdf(layout, tmp_path / "plan.pdf")
    reader = pypdf.PdfReader(tmp_path / "plan.pdf")
    assert len(reader.pages) == pages >= 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
    first = " ".join(reader.pages[0].extract_text().split())
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first and "KẾ HOẠCH" in first
    assert reader.pages[1].extract_text().lstrip().startswith("2")  # page number on top from page 2
    assert "Trần Văn Bình" in " ".join(reader.pages[-1].extract_text().split())


def test_cli_export_and_list(demo, tmp_path):
    import json
    import subprocess
    import sys

    from conftest import ROOT

    db_path = str(demo.path)
    demo.close()
    out = subprocess.run([sys.executable, "main.py", "list-plans", "--db", db_path], cwd=ROOT, capture_output=True,
                         text=True, encoding="utf-8", timeout=120)
    assert json.loads(out.stdout)[0]["status"] == "draft"
    out = subprocess.run([sys.executable, "main.py", "export-plan", "--db", db_path, "--plan", "1",
                          "--docx", str(tmp_path / "a.docx"), "--pdf", str(tmp_path / "a.pdf")],
                         cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "a.docx").stat().st_size > 10000 and (tmp_path / "a.pdf").stat().st_size > 10000
    out = subprocess.run([sys.executable, "main.py", "export-plan", "--db", db_path, "--plan", "99",
                          "--docx", str(tmp_path / "b.docx")], cwd=ROOT, capture_output=True, text=True,
                         encoding="utf-8", timeout=120)
    assert out.returncode == 1 and "không có kế hoạch số 99" in out.stderr


def test_campaign_plan_prints_its_period(db, tmp_path):
    from core.models import PlanKind
    from core.plans import new_plan

    create_demo_data(db)
    with db.session() as s:
        plan = new_plan(s, load_settings(s), PlanKind.CAMPAIGN, 2026)
        plan.campaign_start, plan.campaign_end = dt.date(2026, 11, 1), dt.date(2026, 12, 31)
        texts = [p.text for p in build_layout(plan, load_settings(s)).body]
        assert "Đợt thi đua" not in texts
        assert texts[texts.index("III. THỜI GIAN THI ĐUA") + 1] == ("Từ ngày 01 tháng 11 năm 2026 đến ngày 31 tháng 12 "
                                                                  "năm 2026.")
        assert "IV. KHEN THƯỞNG" in texts and "V. TỔ CHỨC THỰC HIỆN" in texts
        assert plan.title.startswith("Phát động đợt thi đua cao điểm")


@pytest.mark.parametrize("start, end", [(dt.date(2026, 11, 1), None), (None, dt.date(2026, 12, 31))])
def test_a_campaign_plan_with_only_one_of_its_dates_cannot_be_issued(db, start, end):
    from core.models import PlanKind
    from core.plans import new_plan, problems

    missing = "Kế hoạch đợt thi đua chưa có thời gian bắt đầu và kết thúc."
    with db.session() as s:
        settings = save_settings(s, commune_name="Bình Hải", place_name="Bình Hải", chairman_name="Phạm Văn Tâm")
        plan = new_plan(s, settings, PlanKind.CAMPAIGN, 2026)
        plan.campaign_start, plan.campaign_end = start, end
        assert missing in problems(plan)
        plan.campaign_start, plan.campaign_end = dt.date(2026, 11, 1), dt.date(2026, 12, 31)
        assert missing not in problems(plan)


def test_a_vice_chairman_signs_under_tm_and_kt(demo, tmp_path):
    d = _export(demo, tmp_path, signer_authority="KT.", signer_title="Phó Chủ tịch", signer_name="Lê Thị Hoa")
    right = _cell_paragraphs(d.tables[-1], 1)
    assert [p.text for p in right] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Hoa"]


@pytest.mark.parametrize("basis, printed", [
    (dict(doc_type="Luật", number="06/2022/QH15", issue_date=dt.date(2022, 6, 15), issuer="Quốc hội",
          summary="Thi đua, khen thưởng"), "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022"),
    (dict(doc_type="Nghị định", number="152/2025/NĐ-CP", issue_date=dt.date(2025, 6, 14), issuer="Chính phủ",
          summary="quy định chi tiết"),
     "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết"),
    (dict(doc_type="Kế hoạch", number="12/KH-UBND", issue_date=dt.date(2026, 1, 20), issuer="UBND tỉnh Đắk Lâm",
          summary="về thi đua năm 2026"),
     "Thực hiện Kế hoạch số 12/KH-UBND ngày 20 tháng 01 năm 2026 của UBND tỉnh Đắk Lâm về thi đua năm 2026"),
    (dict(doc_type="Nghị định", number="30/2020/NĐ-CP", issue_date=dt.date(2020, 3, 5), issuer="Chính phủ",
          summary="về công tác văn thư"),
     "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư"),
    (dict(doc_type="Kế hoạch", number="", issue_date=None, issuer="", summary=""), "Thực hiện Kế hoạch"),
])
def test_each_basis_is_cited_as_its_kind_is(basis, printed):
    from core.layout import basis_sentence
    from core.models import LegalBasis

    assert basis_sentence(LegalBasis(**basis)) == printed


def test_an_incomplete_basis_is_listed_as_a_problem(demo):
    from core.models import LegalBasis
    from core.plans import problems

    with demo.session() as s:
        plan = s.get(Plan, 1)
        plan.legal_bases.append(LegalBasis(position=9, doc_type="Kế hoạch", number="", issuer="UBND thị xã Ngã Năm"))
        found = problems(plan)
        layout = build_layout(plan, load_settings(s))
        s.rollback()
    assert any("còn thiếu: số, ngày" in p for p in found)
    assert not any("số của" in p.text or "số ngày" in p.text for p in layout.body)


def test_a_new_plan_starts_with_the_law_and_its_decree(db):
    from core.models import PlanKind
    from core.plans import new_plan

    with db.session() as s:
        settings = save_settings(s, commune_name="Bình Hải", place_name="Bình Hải", chairman_name="Phạm Văn Tâm")
        plan = new_plan(s, settings, PlanKind.ANNUAL, 2026)
        layout = build_layout(plan, settings)
    assert [p.text for p in layout.body[:2]] == [
        "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền "
        "trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, "
        "khen thưởng.",
    ]


def test_file_properties_name_the_commune_and_the_language_is_vietnamese(demo, tmp_path):
    d = _export(demo, tmp_path)
    props = d.core_properties
    assert props.author == "Ủy ban nhân dân xã Hòa Phong" and props.title.startswith("Kế hoạch Phát động")
    assert props.comments == "" and props.created.year == dt.date.today().year
    lang = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "vi-VN"


def test_pages_never_break_after_a_heading_inside_a_row_or_the_signature(demo, tmp_path):
    d = _export(demo, tmp_path, targets_as_table=True)
    headings = [p for p in d.paragraphs if p.runs and p.runs[0].bold and p.text.startswith(("I.", "II.", "1.", "2."))]
    assert headings and all(p.paragraph_format.keep_with_next for p in headings)
    assert all(p.paragraph_format.widow_control for p in d.paragraphs if p.text)
    targets, closing = d.tables[1], d.tables[-1]
    first = targets.rows[0]._tr.trPr
    assert first.find(qn("w:tblHeader")) is not None  # the header row repeats on every page
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in targets.rows)
    assert closing.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None  # Nơi nhận + signature on one page


def test_targets_table_columns_fit_their_words(demo, tmp_path):
    from core.layout import text_width_mm

    d = _export(demo, tmp_path, targets_as_table=True)
    table = d.tables[1]
    stt, unit = table.columns[0].width.mm, table.columns[2].width.mm
    assert stt > text_width_mm("STT", 13, True) + 3  # "STT" never wraps
    longest = max((w for row in table.rows[1:] for w in row.cells[2].text.split()), key=len)
    assert unit > text_width_mm(longest, 13, False) + 3  # "đồng/người/năm" never breaks inside
    assert table.columns[1].width > table.columns[3].width  # the indicator gets the room


def test_the_drafting_unit_is_a_setting_and_issued_plans_keep_theirs(demo, tmp_path):

    with demo.session() as s:
        save_settings(s, commune_name="Hòa Phong", drafting_unit="Phòng Văn hóa - Xã hội", drafting_unit_short="VHXH")
    d = _export(demo, tmp_path, award_deadline=dt.date(2026, 12, 10))
    assert any("(qua Phòng Văn hóa - Xã hội) trước ngày 10 tháng 12 năm 2026" in p.text for p in d.paragraphs)
    old_issue = {"commune_name": "Hòa Phong", "unit_type": "xã", "place_name": "Hòa Phong", "number_suffix": "KH-UBND"}
    d = _export(demo, tmp_path, award_deadline=dt.date(2026, 12, 10), issued_settings=old_issue)
    assert any("(qua công chức Văn phòng - Thống kê)" in p.text for p in d.paragraphs)


@pytest.mark.parametrize("comparator, value, indicator, weaker", [
    ("=", 4, "Tỷ lệ trẻ em suy dinh dưỡng thể thấp còi", False),  # less malnutrition is the stronger target
    ("=", 7, "Tỷ lệ trẻ em suy dinh dưỡng thể thấp còi", True),
    ("=", 90, "Tỷ lệ hộ dân sử dụng nước sạch", True),
    ("<", 4, "Tỷ lệ hộ nghèo", False),
    (">=", 97, "Tỷ lệ tham gia bảo hiểm y tế", False),
    # the superior's own value is never weaker, whichever way is better
    ("=", 5.9, "Tỷ lệ trẻ em suy dinh dưỡng thể thấp còi", False),
    (">=", 95, "Tỷ lệ tham gia bảo hiểm y tế", False),
    # "giảm còn", "không quá": less is better whatever the indicator; "giảm" (by) less is weaker
    ("reduce_to", 4, "Tỷ lệ hộ sử dụng túi ni lông", False),
    ("reduce_to", 7, "Tỷ lệ hộ sử dụng túi ni lông", True),
    ("<=", 7, "Tỷ lệ hộ sử dụng túi ni lông", True),
    ("reduce_by", 4, "Tỷ lệ hộ nghèo", True),
    ("~", 4, "Tỷ lệ hộ nghèo", False),
])
def test_weaker_than_the_superior_knows_which_way_is_better(comparator, value, indicator, weaker):
    from core.models import Comparator
    from core.plans import is_weaker

    assert is_weaker(Comparator(comparator), value, "%", 5.9 if value < 10 else 95, "%", indicator) is weaker


def test_indicators_of_the_superior_territory_are_recognised():
    from core.plans import superior_only

    assert superior_only("Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao")
    assert superior_only("Tổng vốn đầu tư toàn tỉnh")
    assert not superior_only("Tỷ lệ hộ nghèo")
    assert not superior_only("Thu ngân sách nhà nước trên địa bàn (dự toán được giao)")


@pytest.mark.parametrize("indicator, comparator, printed", [
    ("Hoàn thành (chỉ tiêu giao quân)", "=", "Hoàn thành 100% chỉ tiêu giao quân"),
    ("Thu ngân sách nhà nước trên địa bàn (dự toán được giao)", ">=",
     "Thu ngân sách nhà nước trên địa bàn từ 100% dự toán được giao trở lên"),
    ("Tỷ lệ che phủ rừng", "=", "Tỷ lệ che phủ rừng đạt 100%"),
])
def test_a_relative_value_prints_where_the_source_wrote_it(indicator, comparator, printed):
    from core.layout import target_sentence
    from core.models import Comparator, Target

    target = Target(indicator=indicator, value=100, unit="%", comparator=Comparator(comparator))
    assert target_sentence(target) == printed


def _new_plan(db, kind, year, **settings):
    """A new plan's printed layout for a commune of ``settings`` (Bình Hải, a xã under a province by default)."""
    from core.catalogue import load_award_forms
    from core.models import PlanKind, SuperiorLevel
    from core.plans import new_plan

    values = dict(commune_name="Bình Hải", place_name="Bình Hải", chairman_name="Phạm Văn Tâm",
                  superior_body="UBND tỉnh Đắk Lâm", superior_level=SuperiorLevel.PROVINCE) | settings
    with db.session() as s:
        load_award_forms(s)
        settings_row = save_settings(s, **values)
        plan = new_plan(s, settings_row, PlanKind(kind), year)
        if kind == "campaign":
            plan.campaign_start, plan.campaign_end = dt.date(year, 9, 1), dt.date(year, 10, 31)
        return plan.id, build_layout(plan, settings_row)


def test_the_decree_is_chosen_by_the_plans_date_not_its_year(db):
    from core.defaults import standing_bases

    assert standing_bases(dt.date(2025, 6, 30))[1]["number"] == "98/2023/NĐ-CP"
    assert standing_bases(dt.date(2025, 9, 1))[1]["number"] == "152/2025/NĐ-CP"  # a campaign from 1/9/2025
    _id, layout = _new_plan(db, "annual", 2025)
    assert layout.body[1].text == ("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định "
                                   "chi tiết thi hành một số điều của Luật Thi đua, khen thưởng.")


def test_legal_bases_come_first_then_the_plans_carried_out(demo):
    layout = _layout(demo)
    bases = [p.text for p in layout.body if p.style == "basis"]
    assert [b.split(" số ")[0].split(" ngày ")[0] for b in bases] == [
        "Căn cứ Luật Thi đua, khen thưởng", "Căn cứ Nghị định", "Căn cứ Nghị quyết", "Thực hiện Kế hoạch"]
    assert bases[-1].startswith("Thực hiện Kế hoạch số 12/KH-UBND ngày 20 tháng 01 năm 2026")
    assert bases[-1].endswith(".")
    with demo.session() as s:
        positions = [b.position for b in s.get(Plan, 1).legal_bases]
    assert len(set(positions)) == len(positions)  # no two căn cứ at the same position


def test_the_award_part_names_what_the_commune_itself_gives_on_the_plans_date(db):
    _id, layout = _new_plan(db, "annual", 2026)
    texts = [p.text for p in layout.body]
    award = texts[texts.index("III. KHEN THƯỞNG") + 1:texts.index("IV. TỔ CHỨC THỰC HIỆN")]
    for title in ("“Lao động tiên tiến”", "“Chiến sĩ thi đua cơ sở”", "“Tập thể lao động tiên tiến”",
                  "“Gia đình văn hóa”", "thôn, tổ dân phố văn hóa", "Giấy khen"):
        assert any(title in line and "Chủ tịch Ủy ban nhân dân xã Bình Hải tặng" in line for line in award), title
    assert "đề nghị Chủ tịch Ủy ban nhân dân tỉnh khen thưởng" in award[-2]
    _id, layout = _new_plan(db, "annual", 2025)  # on 1/1/2025 the district still gave Chiến sĩ thi đua cơ sở
    assert not any("Chiến sĩ thi đua cơ sở" in p.text for p in layout.body)


def test_a_ward_gets_urban_words_its_name_whole_and_its_place_in_full(db, tmp_path):
    from core.models import UnitType

    _id, layout = _new_plan(db, "annual", 2026, commune_name="Nguyễn Thái Bình", place_name="Nguyễn Thái Bình",
                            unit_type=UnitType.WARD, superior_body="UBND Thành phố Hồ Chí Minh")
    text = " ".join(p.text for p in layout.body) + " ".join(layout.recipients)
    text = text.replace("danh hiệu thôn, tổ dân phố văn hóa", "")  # the title's legal name
    for rural in ("đường làng", "ngõ xóm", "nông thôn mới", "thôn,", "sản xuất nông nghiệp"):
        assert rural not in text, rural
    assert "đô thị văn minh" in text and "tổ dân phố, khu phố" in text
    assert layout.agency_lines == ["ỦY BAN NHÂN DÂN", "PHƯỜNG", "NGUYỄN THÁI BÌNH"]  # never "… THÁI / BÌNH"
    assert layout.place_date.startswith("Phường Nguyễn Thái Bình, ngày")
    from core.layout import text_width_mm
    longest = max(text_width_mm(line, 13, True) for line in layout.agency_lines)
    assert longest / 3 <= layout.rules_mm[0] <= longest / 2


def test_abbreviations_are_spelled_out_at_first_use_and_the_superior_receives_the_plan(demo):
    layout = _layout(demo)
    body = " ".join(p.text for p in layout.body)
    assert "45/NQ-HĐND" in body and "12/KH-UBND" in body  # numbers are never spelled out
    first = body.index("Hội đồng nhân dân (HĐND)")
    assert "HĐND" not in body[:first].replace("NQ-HĐND", "")
    assert "Ủy ban nhân dân (UBND) tỉnh Đắk Lâm" in body
    assert layout.recipients[0] == "- UBND tỉnh Đắk Lâm;"
    assert "kinh\u00a0tế\u00a0-\u00a0xã\u00a0hội" in layout.title  # the trích yếu never breaks inside it


def test_the_targets_table_says_the_unit_once_and_reads_as_phrases(demo):
    from core.layout import table_row, target_sentence
    from core.models import Comparator, Target

    poor = Target(indicator="Tỷ lệ hộ nghèo", comparator=Comparator.REDUCE_BY, value=0.5, unit="%")
    assert target_sentence(poor, 2026) == "Giảm tỷ lệ hộ nghèo 0,5% so với năm 2025"
    extracted = Target(indicator="Tỷ lệ hộ nghèo giảm năm 2025 so với năm 2024 giảm", comparator=Comparator.REDUCE_BY,
                       value=0.5, unit="%")
    assert target_sentence(extracted, 2025) == "Giảm tỷ lệ hộ nghèo 0,5% so với năm 2024"
    assert table_row(1, poor, 2026) == ["1", "Giảm tỷ lệ hộ nghèo so với năm 2025", "%", "0,5"]
    army = Target(indicator="Hoàn thành (chỉ tiêu giao quân)", comparator=Comparator.EQ, value=100, unit="%")
    assert table_row(2, army) == ["2", "Hoàn thành chỉ tiêu giao quân", "%", "100"]
    budget = Target(indicator="Thu ngân sách", comparator=Comparator.GE, value=100, unit="%")
    assert table_row(3, budget) == ["3", "Thu ngân sách", "%", "từ 100 trở lên"]


def test_the_docx_has_no_template_leftovers(demo, tmp_path):
    import zipfile

    path = tmp_path / "plan.docx"
    export_docx(_layout(demo), path)
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        styles = z.read("word/styles.xml").decode()
        app = z.read("docProps/app.xml").decode()
    assert "word/stylesWithEffects.xml" not in names and "docProps/thumbnail.jpeg" not in names
    assert "Theme=" not in styles and "Courier" not in styles and "Calibri" not in styles
    assert "Microsoft" not in app and "thidua-xa" in app


def test_the_pdf_carries_the_title(demo, tmp_path, qapp):
    from ui.printing import export_pdf

    path = tmp_path / "plan.pdf"
    export_pdf(_layout(demo), path)
    assert pypdf.PdfReader(path).metadata.title == (
        "Kế hoạch Phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội xã Hòa Phong "
        "năm 2026")


def test_a_superior_only_target_blocks_issuing_until_confirmed(demo):
    from core.models import Target

    with demo.session() as s:
        plan = s.get(Plan, 1)
        plan.targets.append(Target(indicator="Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao", value=45, unit="%",
                                   position=99))
        s.flush()
        with pytest.raises(PlanError, match="Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao"):
            issue(plan, "5", dt.date(2026, 2, 5), load_settings(s))
        plan.targets[-1].scope_confirmed = True
        issue(plan, "5", dt.date(2026, 2, 5), load_settings(s))
        assert plan.status is PlanStatus.ISSUED


def test_a_revision_says_what_it_amends_as_it_was_issued_even_after_a_rename(demo):
    with demo.session() as s:
        plan = s.get(Plan, 1)
        issue(plan, "5", dt.date(2026, 2, 5), load_settings(s))
        save_settings(s, commune_name="Hòa Phong Đông", unit_type=UnitType.WARD)
        revision = copy_plan(s, plan, plan.year, load_settings(s), revision=True)
        layout = build_layout(revision, load_settings(s))
    assert ("Kế hoạch này sửa đổi, bổ sung Kế hoạch số 05/KH-UBND ngày 05 tháng 02 năm 2026 của Ủy ban nhân dân "
            "xã Hòa Phong và thay thế kế hoạch đó.") in [p.text for p in layout.body]
    assert layout.issuer == "Ủy ban nhân dân phường Hòa Phong Đông"


def test_a_theme_typed_with_its_full_stop_is_quoted_without_it(demo):
    with demo.session() as s:
        plan = s.get(Plan, 1)
        plan.theme = "Đoàn kết, sáng tạo, đẩy mạnh cải cách hành chính. "
        texts = [p.text for p in build_layout(plan, load_settings(s)).body]
    assert any(t.endswith("với chủ đề: “Đoàn kết, sáng tạo, đẩy mạnh cải cách hành chính”.") for t in texts)


def test_a_xa_become_phuong_gets_the_urban_wording_in_its_drafts_and_keeps_what_the_clerk_wrote(db):
    from dataclasses import replace

    from core.commune import SettingsData
    from core.models import Field, PlanKind, SectionKind
    from core.operations import plans as plan_ops
    from core.operations import settings as settings_ops
    from core.plans import section_of

    settings_ops.save_settings(db, SettingsData("Bình Hải", place_name="Bình Hải", superior_body="UBND tỉnh Đắk Lâm"))
    plan_id = plan_ops.create_plan(db, PlanKind.ANNUAL, 2026)
    with db.session() as s:
        plan = s.get(Plan, plan_id)
        assert "nông thôn mới" in section_of(plan, SectionKind.CONTENT, Field.ECONOMY).body
        plan.assignments[0].task = "Việc riêng của xã Bình Hải do văn phòng tự viết."
    saved = settings_ops.save_settings(db, replace(settings_ops.read_settings(db), unit_type=UnitType.WARD))
    assert saved.renamed == ("xã Bình Hải", "phường Bình Hải") and saved.renamed_drafts == 1
    with db.session() as s:
        plan = s.get(Plan, plan_id)
        economy = section_of(plan, SectionKind.CONTENT, Field.ECONOMY).body
        assert economy.startswith("Phát triển thương mại, dịch vụ, du lịch và kinh tế đô thị")
        assert "nông thôn mới" not in economy and "đô thị văn minh" in economy
        assert "phường Bình Hải" in plan.title and "xã Bình Hải" not in plan.title
        assert plan.assignments[0].task == "Việc riêng của phường Bình Hải do văn phòng tự viết."
        assert "Các ban, ngành, tổ dân phố, khu phố" in [r.name for r in plan.recipients]  # a phường has no thôn
        assert "Các ban, ngành, tổ dân phố, khu phố" in [a.unit for a in plan.assignments]


@pytest.mark.parametrize(("changes", "renamed"), [
    (dict(commune_name=" Bình Hải "), False),  # spaces are no new name
    (dict(chairman_name="Lê Văn Tư"), False),  # another signer renames nothing
    (dict(place_name="Bình Hải"), False),  # a blank địa danh was the commune's name already
    (dict(place_name="Thôn Tây"), True),
    (dict(unit_type=UnitType.WARD), True),
    (dict(commune_name="Bình Hải Đông"), True),
])
def test_what_counts_as_renaming_the_commune(changes, renamed):
    from dataclasses import replace

    from core.commune import SettingsData, renames

    before = SettingsData("Bình Hải")
    assert renames(before, replace(before, **changes)) is renamed
