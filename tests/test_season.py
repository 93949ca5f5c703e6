"""The award season: who each document lists, the council's votes, issuing and freezing, the documents' content."""

import datetime as dt
import json
import subprocess
import sys
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from core.models import AwardDocument, Nomination, NominationStatus, NomineeKind, SuperiorLevel
from core.nominations import NominationData, restore_nomination
from core.operations import season as ops
from core.season import DECISION, PROPOSAL, CouncilData, SeasonError, candidates, threshold_for
from core.season_docs import TemplateError
from core.settings import save_settings

# name, kind, form, year, status: a season mixing years, statuses and routes
SEASON = [
    ("Nguyễn Văn An", "individual", "LDTT", 2026, "reviewed"),  # commune, voted → decision
    ("Trần Thị Bình", "individual", "GK_CTX", 2026, "reviewed"),  # commune → decision
    ("Thôn Phú Lộc", "collective", "THONVH_XA", 2026, "reviewed"),  # commune → decision (II. Tập thể)
    ("Hộ ông Lê Văn Cư", "household", "GDVH", 2026, "reviewed"),  # commune → decision (III. Hộ gia đình)
    ("Phạm Văn Dũng", "individual", "LDTT", 2026, "draft"),  # not voted yet: nowhere
    ("Hoàng Thị Én", "individual", "LDTT", 2026, "refused"),  # voted down: nowhere
    ("Võ Văn Phúc", "individual", "BK_CTT", 2026, "reviewed"),  # upward → Tờ trình
    ("Trường Mầm non Hòa Phong", "collective", "TTLDXS", 2026, "reviewed"),  # upward → Tờ trình
    ("Đặng Văn Giang", "individual", "BK_CTT", 2026, "submitted"),  # sent already: not again
    ("Bùi Thị Hạnh", "individual", "BK_CTT", 2025, "reviewed"),  # last year: not in 2026's Tờ trình
    ("Đỗ Văn Ích", "individual", "LDTT", 2025, "granted"),  # last year, granted: nowhere
    # the district's title in 2025: judged after 30/6/2025 (its year's end) the commune's entry is in force → xã;
    # with its dossier due in June 2025, the district's entry → cấp trên
    ("Huỳnh Văn Khoa", "individual", "CSTDCS", 2025, "reviewed"),
    ("Trương Văn Lâm", "individual", "CSTDCS", 2025, "reviewed", dt.date(2025, 6, 10)),
]


@pytest.fixture
def season_db(db):
    with db.session() as s:
        save_settings(s, commune_name="Hòa Phong", place_name="Hòa Phong", chairman_name="Trần Văn Bình",
                      superior_body="UBND tỉnh Đắk Lâm")
        for name, kind, form, year, status, *deadline in SEASON:
            person = kind == "individual"
            restore_nomination(s, NominationData(
                NomineeKind(kind), name, form, year, "Nam" if person else None,
                dt.date(1980, 5, 6) if person else None, "Giáo viên" if person else "",
                "Trường Tiểu học Hòa Phong" if person else "Thôn Phú Lộc, xã Hòa Phong",
                achievement="Hoàn thành xuất sắc",
                deadline=deadline[0] if deadline else None, status=NominationStatus(status),
                decision_number="9/QĐ-UBND" if status == "granted" else "",
                decision_date=dt.date(2025, 12, 20) if status == "granted" else None))
    return db


def names(db, kind, year):
    with db.session() as s:
        return sorted(m.nominee.name for m in candidates(s, kind, year))


def test_each_list_holds_exactly_its_nominations(season_db):
    assert names(season_db, DECISION, 2026) == ["Hộ ông Lê Văn Cư", "Nguyễn Văn An", "Thôn Phú Lộc", "Trần Thị Bình"]
    assert names(season_db, PROPOSAL, 2026) == ["Trường Mầm non Hòa Phong", "Võ Văn Phúc"]
    assert names(season_db, PROPOSAL, 2025) == ["Bùi Thị Hạnh", "Trương Văn Lâm"]
    assert names(season_db, DECISION, 2025) == ["Huỳnh Văn Khoa"]
    ops.create_document(season_db, DECISION, 2026)
    assert names(season_db, DECISION, 2026) == []  # listed once only
    with pytest.raises(SeasonError, match="không còn đề nghị"):
        ops.create_document(season_db, DECISION, 2026)


def test_issuing_a_decision_grants_and_freezes_it(season_db):
    info = ops.create_document(season_db, DECISION, 2026)
    with pytest.raises(SeasonError, match="số nguyên dương"):
        ops.issue_document(season_db, info.id, "abc", dt.date(2026, 12, 20))
    issued = ops.issue_document(season_db, info.id, "7", dt.date(2026, 12, 20))
    assert issued.number == "07/QĐ-UBND" and issued.issued
    with season_db.session() as s:
        granted = {m.nominee.name: (m.status, m.decision_number, m.decision_date)
                   for m in s.query(Nomination).filter(Nomination.decision_number == "07/QĐ-UBND")}
    assert set(granted) == set(issued.names) and len(granted) == 4
    assert all(v == (NominationStatus.GRANTED, "07/QĐ-UBND", dt.date(2026, 12, 20)) for v in granted.values())

    def change(action):
        with pytest.raises(SeasonError, match=r"đã ban hành|đã được khen theo"), season_db.session() as s:
            action(s, s.get(AwardDocument, info.id))

    change(lambda s, d: setattr(d, "number", "08"))
    change(lambda s, d: d.items.pop())
    change(lambda s, d: s.delete(d))
    change(lambda s, d: setattr(d.items[0].nomination, "decision_number", "99/QĐ-UBND"))
    change(lambda s, d: setattr(d.items[0].nomination, "status", NominationStatus.REFUSED))
    change(lambda s, d: s.delete(d.items[0].nomination))
    change(lambda s, d: s.delete(d.items[0].nomination.nominee))
    with pytest.raises(SeasonError):
        ops.issue_document(season_db, info.id, "8", dt.date(2026, 12, 21))
    with season_db.session() as s:
        assert s.get(AwardDocument, info.id).number == "07" and len(s.get(AwardDocument, info.id).items) == 4


def test_sending_a_proposal_and_the_province_reply(season_db):
    info = ops.create_document(season_db, PROPOSAL, 2026)
    ops.issue_document(season_db, info.id, "12", dt.date(2026, 12, 1))
    with season_db.session() as s:
        sent = {i.nomination.nominee.name: i.nomination.id for i in s.get(AwardDocument, info.id).items}
        assert {s.get(Nomination, i).status for i in sent.values()} == {NominationStatus.SUBMITTED}
    with pytest.raises(SeasonError, match="số và ngày"):
        ops.record_reply(season_db, sent["Võ Văn Phúc"], True)
    ops.record_reply(season_db, sent["Võ Văn Phúc"], True, "1520/QĐ-UBND", dt.date(2027, 1, 10))
    ops.record_reply(season_db, sent["Trường Mầm non Hòa Phong"], False)
    with season_db.session() as s:
        phuc, school = s.get(Nomination, sent["Võ Văn Phúc"]), s.get(Nomination, sent["Trường Mầm non Hòa Phong"])
        assert (phuc.status, phuc.decision_number) == (NominationStatus.GRANTED, "1520/QĐ-UBND")
        assert school.status is NominationStatus.REFUSED


def test_council_votes_follow_the_thresholds_in_force(db):
    day = dt.date(2026, 11, 20)
    provincial = threshold_for("CSTD_TINH", day)
    assert provincial.share == 0.9 and provincial.secret_ballot and "chưa đối chiếu" in provincial.describe()
    assert "chưa đối chiếu" in threshold_for("LDTT", day).describe()
    with db.session() as s:
        save_settings(s, commune_name="Hòa Phong")
        ids = {name: restore_nomination(s, NominationData(NomineeKind.INDIVIDUAL, name, form, 2026)).id
               for name, form in [("A", "CSTD_TINH"), ("B", "LDTT"), ("C", "LDTT")]}
    info = ops.record_council(db, CouncilData(2026, day, "Hội trường", "Ông X", "Bà Y", 9, 11,
                                              {ids["A"]: 8, ids["B"]: 5, ids["C"]: 4}))
    assert {(name, passed) for name, _f, _v, passed in info.votes} == {("A", False), ("B", True), ("C", False)}
    with db.session() as s:
        assert [s.get(Nomination, ids[n]).status for n in "ABC"] == [
            NominationStatus.REFUSED, NominationStatus.REVIEWED, NominationStatus.REFUSED]
    with pytest.raises(SeasonError, match="có mặt"):
        ops.record_council(db, CouncilData(2026, day, "", "", "", 12, 11, {}))


def test_a_vote_for_a_nomination_deleted_meanwhile_is_refused_in_vietnamese(db):
    """The council dialog was opened, then the nomination deleted from the Khen thưởng tab: saving the votes says so
    instead of failing with a Python error, and records nothing."""
    with db.session() as s:
        save_settings(s, commune_name="Hòa Phong")
        kept = restore_nomination(s, NominationData(NomineeKind.INDIVIDUAL, "A", "LDTT", 2026)).id
    with pytest.raises(SeasonError, match="Có đề nghị không còn trong dữ liệu"):
        ops.record_council(db, CouncilData(2026, dt.date(2026, 11, 20), "Hội trường", "Ông X", "Bà Y", 9, 11,
                                           {kept: 9, kept + 1000: 9}))
    with db.session() as s:
        assert s.get(Nomination, kept).status == NominationStatus.DRAFT


def _text(path):
    """Every paragraph's text in document order, tables' cells included."""
    body = Document(path).element.body
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p")))


def _nd30(path):
    """A4, NĐ 30 margins, Times New Roman in every font slot that names a font."""
    document = Document(path)
    section = document.sections[0]
    assert {round(section.page_width.mm), round(section.page_height.mm)} == {210, 297}
    assert [round(m.mm) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                  section.right_margin)] == [20, 20, 30, 15]
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode() + z.read("word/styles.xml").decode()
    import re

    fonts = re.findall(r"<w:rFonts ([^>]*)/>", xml)
    assert fonts and all(f.count('"Times New Roman"') == 4 and "Theme" not in f for f in fonts)


def test_documents_of_the_season(season_db, tmp_path):
    decision = ops.create_document(season_db, DECISION, 2026)
    ops.issue_document(season_db, decision.id, "215", dt.date(2026, 11, 25))
    ops.create_document(season_db, PROPOSAL, 2026)  # a draft: printed with a blank number
    written = ops.write_documents(season_db, 2026, tmp_path / "out", user_dir=tmp_path / "none")
    paths = {w.kind: w.path for w in written if w.path.suffix == ".docx"}
    assert [w.kind for w in written] == ["quyet_dinh", "danh_sach_quyet_dinh", "to_trinh", "danh_sach_to_trinh",
                                         "danh_sach_to_trinh", "bao_cao_thanh_tich", "bao_cao_thanh_tich"]
    for path in paths.values():
        _nd30(path)
    qd = _text(paths["quyet_dinh"])
    assert "Số: 215/QĐ-UBND" in qd and "Hòa Phong, ngày 25 tháng 11 năm 2026" in qd
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA PHONG" in qd and "QUYẾT ĐỊNH:" in qd
    assert "Nghị định số 152/2025/NĐ-CP" in qd  # the decree in force on the decision's date
    assert "02 cá nhân, 01 tập thể và 01 hộ gia đình" in qd and "Trần Văn Bình" in qd
    listing = _text(paths["danh_sach_quyet_dinh"])
    assert "Kèm theo Quyết định số 215/QĐ-UBND ngày 25/11/2026 của Chủ tịch Ủy ban nhân dân xã Hòa Phong" in listing
    assert listing.index("I. CÁ NHÂN") < listing.index("Nguyễn Văn An") < listing.index("II. TẬP THỂ") \
        < listing.index("Thôn Phú Lộc") < listing.index("III. HỘ GIA ĐÌNH") < listing.index("Hộ ông Lê Văn Cư")
    for absent in ("Phạm Văn Dũng", "Hoàng Thị Én", "Võ Văn Phúc", "Đỗ Văn Ích"):
        assert absent not in listing
    tt = _text(paths["to_trinh"])
    assert "Kính gửi: Ủy ban nhân dân tỉnh Đắk Lâm (qua Sở Nội vụ)" in tt and "TM. ỦY BAN NHÂN DÂN" in tt
    up = _text(paths["danh_sach_to_trinh"])
    assert "Kèm theo Tờ trình số" in up and "/TTr-UBND" in up
    assert "Võ Văn Phúc" in up and "Trường Mầm non Hòa Phong" in up and "Thôn Phú Lộc, xã Hòa Phong" in up
    for absent in ("Nguyễn Văn An", "Đặng Văn Giang", "Bùi Thị Hạnh", "Huỳnh Văn Khoa"):
        assert absent not in up
    book = load_workbook(next(w.path for w in written if w.path.suffix == ".xlsx"))
    assert book.sheetnames == ["Cá nhân", "Tập thể"]
    for sheet in book.worksheets:
        cells = [c for row in sheet.iter_rows() for c in row if c.value]
        assert {c.font.name for c in cells} == {"Times New Roman"} and min(c.font.size for c in cells) >= 11
        assert not sheet.sheet_properties.pageSetUpPr or not sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.orientation == "landscape" and "&P" in sheet.oddFooter.center.text
        assert sheet.print_title_rows and any("Kèm theo Tờ trình số" in str(c.value) for c in cells)
        assert any(c.value == "2026" for c in cells)  # the year column
    values = [c.value for c in book["Tập thể"]["C"]]
    assert "Thôn Phú Lộc, xã Hòa Phong" in values  # the address of the collective


def test_a_province_template_replaces_ours_and_unknown_fields_are_named(season_db, tmp_path):
    info = ops.create_document(season_db, DECISION, 2026)
    own = tmp_path / "mine"
    own.mkdir()
    document = Document()
    document.add_paragraph("Quyết định số {{ number }} — {{ so_vao_so }}")
    document.save(own / "quyet_dinh.docx")
    with pytest.raises(TemplateError, match="so_vao_so"):
        ops.write_documents(season_db, 2026, tmp_path / "out", user_dir=own)
    document = Document()
    document.add_paragraph("Mẫu của tỉnh: {{ number }}")
    document.save(own / "quyet_dinh.docx")
    written = ops.write_documents(season_db, 2026, tmp_path / "out", user_dir=own)
    assert "Mẫu của tỉnh:" in _text(next(w.path for w in written if w.kind == "quyet_dinh"))
    assert info.id


def test_award_documents_command_on_the_demo_season(tmp_path):
    from conftest import ROOT

    db = tmp_path / "demo.sqlite3"
    run = [sys.executable, str(ROOT / "main.py"), "--db", str(db)]
    subprocess.run([*run, "demo-data"], check=True, capture_output=True)
    done = subprocess.run([*run, "award-documents", "--year", "2026", "--out", str(tmp_path / "out")],
                          check=True, capture_output=True, text=True, encoding="utf-8")
    kinds = [item["kind"] for item in json.loads(done.stdout)]
    assert kinds == ["bien_ban", "quyet_dinh", "danh_sach_quyet_dinh", "to_trinh", "danh_sach_to_trinh",
                     "danh_sach_to_trinh", "bao_cao_thanh_tich", "bao_cao_thanh_tich", "giay_khen"]
    from pypdf import PdfReader

    assert len(PdfReader(json.loads(done.stdout)[-1]["path"]).pages) == 4  # one Giấy khen per award decided
    bien_ban = _text(json.loads(done.stdout)[0]["path"])
    assert "Thành viên có mặt: 9/11" in bien_ban and "Không đạt" in bien_ban and "chưa đối chiếu" not in bien_ban
    assert "THƯ KÝ" in bien_ban and "CHỦ TỌA" in bien_ban


def test_achievement_reports_from_the_record(season_db, tmp_path):
    with season_db.session() as s:  # Võ Văn Phúc already has a Giấy khen on record
        phuc = s.query(Nomination).join(Nomination.nominee).filter_by(name="Võ Văn Phúc").one()
        restore_nomination(s, NominationData(NomineeKind.INDIVIDUAL, "Võ Văn Phúc", "GK_CTX", 2024, "Nam",
                                             dt.date(1980, 5, 6), "Giáo viên", "Trường Tiểu học Hòa Phong",
                                             status=NominationStatus.GRANTED, decision_number="31/QĐ-UBND",
                                             decision_date=dt.date(2024, 12, 20)))
        assert phuc.id
    ops.create_document(season_db, PROPOSAL, 2026)
    written = ops.write_documents(season_db, 2026, tmp_path, user_dir=tmp_path / "none")
    reports = [w.path for w in written if w.kind == "bao_cao_thanh_tich"]
    assert len(reports) == 2  # one per nominee sent up
    person = _text(next(p for p in reports if "vo-van-phuc" in p.name))
    _nd30(next(p for p in reports if "vo-van-phuc" in p.name))
    assert "ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐẮK LÂM" in person
    assert "Họ và tên: Võ Văn Phúc. Giới tính: Nam." in person and "Ngày, tháng, năm sinh: 06/05/1980." in person
    assert "Quê quán: …" in person  # not on record: a visible blank
    assert "Quyết định số 31/QĐ-UBND, ngày 20/12/2024" in person
    assert "chưa đối chiếu" not in person and not person.startswith("Mẫu")  # the paper carries no internal note
    group = _text(next(p for p in reports if "truong-mam-non" in p.name))
    assert "Trường Mầm non Hòa Phong" in group and "Chưa có trong sổ khen thưởng" in group
    heading = "Số, ngày, tháng, năm của quyết định"
    assert heading in person and heading not in group  # nothing on record: no empty table, only the line saying so


def test_a_decision_number_is_used_once_a_year(season_db):
    first = ops.issue_document(season_db, ops.create_document(season_db, DECISION, 2026).id, "215",
                               dt.date(2026, 12, 20))
    second = ops.create_document(season_db, DECISION, 2025)
    with pytest.raises(SeasonError, match=r"^Số 215/QĐ-UBND đã dùng cho một quyết định khen thưởng ban hành năm 2026; "
                                          r"hãy dùng số khác\.$"):
        ops.issue_document(season_db, second.id, "215/QĐ-UBND", dt.date(2026, 12, 22))
    assert not ops.documents(season_db, 2025)[0].issued
    proposal = ops.issue_document(season_db, ops.create_document(season_db, PROPOSAL, 2026).id, "215",
                                  dt.date(2026, 12, 22))  # a Tờ trình has its own series
    assert (first.number, proposal.number) == ("215/QĐ-UBND", "215/TTr-UBND")
    assert ops.issue_document(season_db, second.id, "215", dt.date(2027, 1, 5)).issued  # a new year starts again


def test_the_minutes_print_only_what_a_signed_document_says(db, tmp_path):
    day = dt.date(2026, 11, 20)
    with db.session() as s:
        save_settings(s, commune_name="Hòa Phong", place_name="Hòa Phong", chairman_name="Trần Văn Bình")
        ids = [restore_nomination(s, NominationData(NomineeKind.INDIVIDUAL, name, "LDTT", 2026)).id
               for name in ("Nguyễn Văn An", "Lê Thị Cúc")]
    chair, place = ops.council_defaults(db)
    assert "chưa đối chiếu" in ops.to_vote(db, 2026)[0][3]  # the clerk sees the status in the dialog
    ops.record_council(db, CouncilData(2026, day, place, chair, "", 9, 11, {ids[0]: 9, ids[1]: 3}))
    written = ops.write_documents(db, 2026, tmp_path, user_dir=tmp_path / "none")
    text = _text(written[0].path)
    assert "Chủ tọa: Trần Văn Bình - Chủ tịch UBND xã Hòa Phong, Chủ tịch Hội đồng." in text
    assert "Thư ký: ………" in text and "Thư ký: ." not in text  # a blank to fill by hand
    assert "- Danh hiệu “Lao động tiên tiến”: trên 50% số thành viên có mặt." in text
    assert "Ông/Bà" not in text and "chưa đối chiếu" not in text


def _before_signatures(path):
    """The paragraph just before the signature table (the body's last table) and whether it keeps with next."""
    body = Document(path).element.body
    last = body.findall(qn("w:tbl"))[-1]
    before = last.getprevious()
    text = "".join(t.text or "" for t in before.iter(qn("w:t")))
    keep = before.find(f"{qn('w:pPr')}/{qn('w:keepNext')}")
    return text, keep is not None and keep.get(qn("w:val")) in (None, "1", "true", "on")


def test_the_signatures_never_stand_alone_on_a_page(season_db, tmp_path):
    ids = [i for i, *_rest in ops.to_vote(season_db, 2026)][:2]
    ops.record_council(season_db, CouncilData(2026, dt.date(2026, 11, 20), "Hội trường", "Trần Văn Bình", "", 9, 11,
                                              {ids[0]: 9, ids[1]: 9}))
    ops.create_document(season_db, PROPOSAL, 2026)
    written = ops.write_documents(season_db, 2026, tmp_path, user_dir=tmp_path / "none")
    minutes = next(w.path for w in written if w.kind == "bien_ban")
    text, keep = _before_signatures(minutes)
    assert text.startswith("Cuộc họp kết thúc vào lúc") and keep  # the last line goes with the signatures
    paragraphs = Document(minutes).paragraphs
    opening = next(p for p in paragraphs if p.text.startswith("Hôm nay"))
    assert not opening.paragraph_format.keep_with_next  # only the last line is tied
    for report in (w.path for w in written if w.kind == "bao_cao_thanh_tich"):
        text, keep = _before_signatures(report)
        assert text == "(Chưa có trong sổ khen thưởng.)" and keep


def test_one_rule_for_the_number_of_every_document_the_commune_issues():
    from core.plans import PlanError, document_number

    assert document_number(" 5 ") == "05" and document_number("12/QĐ-UBND") == "12"  # its suffix is the document's
    for wrong in ("", "0", "00/QĐ-UBND", "abc", "-3", "1.5", "/QĐ-UBND"):
        with pytest.raises(PlanError, match="số nguyên dương"):
            document_number(wrong)


def test_a_decision_numbered_as_printed_keeps_only_its_number(season_db):
    info = ops.create_document(season_db, DECISION, 2026)
    with pytest.raises(SeasonError, match="số nguyên dương"):
        ops.issue_document(season_db, info.id, "0", dt.date(2026, 12, 20))
    assert ops.issue_document(season_db, info.id, "9/QĐ-UBND", dt.date(2026, 12, 20)).number == "09/QĐ-UBND"


@pytest.mark.parametrize(("catalogue", "level", "superior", "printed"), [
    ("Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã", SuperiorLevel.PROVINCE, "UBND tỉnh Đắk Lâm",
     "Giấy khen của Chủ tịch Ủy ban nhân dân xã Hòa Phong"),
    ("Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh", SuperiorLevel.PROVINCE, "UBND tỉnh Đắk Lâm",
     "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh Đắk Lâm"),
    ("Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện", SuperiorLevel.DISTRICT, "Ủy ban nhân dân huyện Bình Sơn",
     "Giấy khen của Chủ tịch Ủy ban nhân dân huyện Bình Sơn"),
    # a district superior does not name the province: the catalogue's words stay
    ("Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh", SuperiorLevel.DISTRICT, "UBND huyện Bình Sơn",
     "Bằng khen của Chủ tịch Ủy ban nhân dân cấp tỉnh"),
    ("Danh hiệu “Lao động tiên tiến”", SuperiorLevel.PROVINCE, "UBND tỉnh Đắk Lâm", "Danh hiệu “Lao động tiên tiến”"),
])
def test_documents_name_the_body_that_gives_the_award(catalogue, level, superior, printed):
    from core.models import CommuneSettings, UnitType
    from core.season_docs import printed_form_name

    settings = CommuneSettings(commune_name="Hòa Phong", unit_type=UnitType.COMMUNE, superior_level=level,
                               superior_body=superior)
    assert printed_form_name(catalogue, settings) == printed
