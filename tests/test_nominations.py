"""Award nominations in core: validation, catalogue by year, hints with their article, .xlsx out and back in."""

import datetime as dt

import openpyxl
import pytest

import core.nominations as nominations
from core.export_xlsx import apply_import, export_nominations, read_nominations_xlsx
from core.models import NominationStatus, NomineeKind
from core.nominations import (
    NominationData,
    NominationError,
    Rule,
    deadline_state,
    forms_for,
    hints,
    merge_nominees,
    rows,
    save_nomination,
)
from core.settings import save_settings

TODAY = dt.date(2026, 11, 23)


def person(name="Nguyễn Văn A", form="LDTT", year=2026, **kw) -> NominationData:
    values = dict(gender="Nam", birth_date=dt.date(1980, 3, 15), position="Trưởng thôn", unit="Thôn Phú Lộc")
    values.update(kw)
    return NominationData(NomineeKind.INDIVIDUAL, name, form, year, **values)


@pytest.fixture
def commune(db):
    with db.session() as s:
        save_settings(s, commune_name="Hòa Phong", place_name="Hòa Phong", chairman_name="Trần Văn Bình")
    return db


def test_forms_offered_follow_the_year_and_the_nominee(db):
    with db.session() as s:
        before = {f.code for f in forms_for(s, NomineeKind.INDIVIDUAL, 2024)}
        after = {f.code for f in forms_for(s, NomineeKind.INDIVIDUAL, 2026)}
        households = {f.code for f in forms_for(s, NomineeKind.HOUSEHOLD, 2026)}
        first = forms_for(s, NomineeKind.COLLECTIVE, 2026)[0]
    assert "CSTDCS" in before and "CSTDCS_XA" not in before  # the district decided until 30/6/2025
    assert "CSTDCS_XA" in after and "CSTDCS" not in after and "GK_CTH" not in after
    assert "GDVH" in households and "LDTT" not in households
    assert first.granting_level == "commune"  # the commune's own awards come first


def test_a_form_counts_for_every_year_it_is_in_force_for_one_day(db):
    from core.models import AwardForm

    with db.session() as s:
        s.add_all([AwardForm(code="MOI", name="Giấy khen mới", category="form", beneficiary="any",
                             granting_level="commune", effective_from=dt.date(2026, 12, 31)),
                   AwardForm(code="CU", name="Giấy khen cũ", category="form", beneficiary="any",
                             granting_level="commune", effective_from=dt.date(2020, 1, 1),
                             effective_to=dt.date(2026, 1, 1))])
        offered = {year: {f.code for f in forms_for(s, NomineeKind.INDIVIDUAL, year)} for year in (2025, 2026, 2027)}
    assert "MOI" not in offered[2025] and "MOI" in offered[2026]  # from the last day of 2026
    assert "CU" in offered[2026] and "CU" not in offered[2027]  # until the first day of 2026


@pytest.mark.parametrize("data, field, words", [
    (person(name="  "), "name", "Chưa nhập họ tên"),
    (person(year=1999), "year", "Năm xét khen thưởng không hợp lệ"),
    (person(year=2101), "year", "Năm xét khen thưởng không hợp lệ"),
    (person(year=2000), "award_form_code", "không áp dụng trong năm 2000"),  # a valid year, before the catalogue
    (person(form=""), "award_form_code", "Chưa chọn hình thức khen thưởng"),
    (person(gender="nam giới"), "gender", "Giới tính ghi «Nam» hoặc «Nữ»"),
    (person(form="GDVH"), "award_form_code", "không dành cho cá nhân"),
    (person(form="CSTDCS"), "award_form_code", "không áp dụng trong năm 2026"),
    (person(status=NominationStatus.GRANTED), "decision_number", "số và ngày quyết định"),
    (person(status=NominationStatus.GRANTED, decision_number="5/QĐ-UBND"), "decision_number", "số và ngày quyết định"),
    (person(birth_date=TODAY), "birth_date", "trước hôm nay"),
    (person(birth_date=dt.date(1800, 1, 1)), "birth_date", "trước năm 1900"),
    (person(birth_date=dt.date(1, 1, 1)), "birth_date", "trước năm 1900"),
    (person(form="CSTDCS_XA", year=2025, status=NominationStatus.GRANTED, decision_number="1/QĐ-UBND",
            decision_date=dt.date(2025, 6, 30)), "decision_date", "từ 01/07/2025"),
])
def test_bad_input_is_refused_with_the_field_named(db, data, field, words):
    with db.session() as s, pytest.raises(NominationError, match=words) as caught:
        save_nomination(s, data, TODAY)
    assert caught.value.field == field
    message = str(caught.value)  # one sentence the clerk reads
    assert message.lstrip("«")[0].isupper() and message.endswith(".")


def test_boundaries_that_are_accepted(db):
    with db.session() as s:
        save_nomination(s, person(birth_date=TODAY - dt.timedelta(days=1)), TODAY)  # born yesterday
        save_nomination(s, person(name="Lê Văn Cụ", birth_date=dt.date(1900, 1, 1)), TODAY)
        # the commune's title applies from its mid-year effective date, not from 1 January
        save_nomination(s, person(name="Võ Thị Hạnh", form="CSTDCS_XA", year=2025, status=NominationStatus.GRANTED,
                                  decision_number="2/QĐ-UBND", decision_date=dt.date(2025, 7, 1)), TODAY)
        # the district's title could still be decided on its last day, 30/6/2025
        save_nomination(s, person(name="Phan Văn Cuối", form="CSTDCS", year=2025, status=NominationStatus.GRANTED,
                                  decision_number="3/QĐ-UBND", decision_date=dt.date(2025, 6, 30)), TODAY)
        save_nomination(s, person(name="Hồ Thị Xa", year=2100), TODAY)  # the last year accepted
        # a late dossier is recorded, with a warning rather than a refusal
        late = person(name="Đinh Văn Muộn", deadline=TODAY - dt.timedelta(days=1))
        save_nomination(s, late, TODAY)
        assert "đã qua" in nominations.deadline_warning(late, TODAY)
        assert nominations.deadline_warning(person(deadline=TODAY), TODAY) == ""


def test_the_same_person_is_one_nominee_across_years(db):
    with db.session() as s:
        a = save_nomination(s, person(year=2025, status=NominationStatus.GRANTED, decision_number="12/QĐ-UBND",
                                      decision_date=dt.date(2025, 12, 20)), TODAY)
        b = save_nomination(s, person(name="nguyễn văn a", form="CSTDCS_XA"), TODAY)
        c = save_nomination(s, person(birth_date=dt.date(1990, 1, 1)), TODAY)  # a namesake
        assert a.nominee_id == b.nominee_id != c.nominee_id
        merge_nominees(s, a.nominee_id, c.nominee_id)
        assert {n.nominee_id for n in (a, b, c)} == {a.nominee_id}


def test_a_hint_cites_its_article_and_goes_when_the_record_has_it(db):
    with db.session() as s:
        found = hints(s, person(form="CSTDCS_XA"))
        assert len(found) == 1 and "Lao động tiên tiến" in found[0] and "Điều 23" in found[0]
        save_nomination(s, person(form="LDTT"), TODAY)
        assert hints(s, person(form="CSTDCS_XA")) == []


def test_a_rule_outside_its_dates_does_not_apply(db, monkeypatch):
    old = Rule("OLD", ["GK_CTX"], "individual", [{"forms": ["LDTT"], "year_offset": 0}], "Quy tắc cũ",
               "Văn bản đã hết hiệu lực, Điều 1", dt.date(2020, 1, 1), dt.date(2024, 12, 31))
    monkeypatch.setattr(nominations, "rules", lambda: (old,))
    with db.session() as s:
        assert hints(s, person(form="GK_CTX", year=2024)) and not hints(s, person(form="GK_CTX", year=2026))


def test_deadlines_soon_and_overdue():
    draft, sent = NominationStatus.DRAFT, NominationStatus.SUBMITTED
    assert deadline_state(TODAY, draft, TODAY) == "soon"
    assert deadline_state(TODAY + dt.timedelta(days=7), draft, TODAY) == "soon"
    assert deadline_state(TODAY + dt.timedelta(days=8), draft, TODAY) is None
    assert deadline_state(TODAY - dt.timedelta(days=1), draft, TODAY) == "overdue"
    assert deadline_state(TODAY - dt.timedelta(days=1), sent, TODAY) is None  # already sent: nothing to chase


@pytest.mark.parametrize("offset, overdue, soon", [(-1, 1, 0), (0, 0, 1), (7, 0, 1), (8, 0, 0)])
def test_the_deadline_line_counts_the_window_to_the_day(db, offset, overdue, soon):
    with db.session() as s:
        save_nomination(s, person(deadline=TODAY + dt.timedelta(days=offset)), TODAY)
        line = nominations.deadline_summary(s, TODAY)
        shown = rows(s)[0]
    assert ("1 hồ sơ đã quá hạn nộp" in line) == bool(overdue)
    assert ("1 hồ sơ đến hạn nộp trong 7 ngày tới" in line) == bool(soon)
    assert (line == "") == (not overdue and not soon)  # nothing near: no line at all
    assert deadline_state(shown.deadline, shown.status, TODAY) == ("overdue" if overdue else "soon" if soon else None)


def test_the_deadline_line_is_one_sentence_with_both_counts(db):
    with db.session() as s:
        for name, offset in (("Nguyễn Văn A", -3), ("Lê Văn B", -1), ("Trần Thị C", 2)):
            save_nomination(s, person(name=name, deadline=TODAY + dt.timedelta(days=offset)), TODAY)
        line = nominations.deadline_summary(s, TODAY)
    assert line == "⚠ 2 hồ sơ đã quá hạn nộp; 1 hồ sơ đến hạn nộp trong 7 ngày tới."


def test_export_is_the_list_the_province_asks_for(commune, tmp_path):
    with commune.session() as s:
        save_nomination(s, person(name='=HYPERLINK("x")', achievement="-5% tai nạn"), TODAY)
        save_nomination(s, person(name="Lê Thị Bích", form="GK_CTX", gender="Nữ"), TODAY)
        save_nomination(s, NominationData(NomineeKind.COLLECTIVE, "Thôn Tân An", "THONVH_XA", 2026), TODAY)
        listed = rows(s)
    path = tmp_path / "danh-sach.xlsx"
    assert export_nominations(listed, save_settings_of(commune), 2026, path) == 3
    book = openpyxl.load_workbook(path)
    people, groups = book["Cá nhân"], book["Tập thể, hộ gia đình"]
    assert people["A2"].value == "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG" and "XÃ HÒA PHONG" in people["A1"].value
    assert [c.value for c in people[5]] == ["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ",
                                            "Đơn vị công tác", "Hình thức đề nghị", "Năm", "Tóm tắt thành tích",
                                            "Ghi chú"]
    assert [c.value for c in groups[5]] == ["STT", "Tên tập thể", "Đơn vị, địa chỉ", "Hình thức đề nghị", "Năm",
                                            "Tóm tắt thành tích", "Ghi chú"]
    values = [[c.value for c in row] for row in people.iter_rows(min_row=6, max_row=9)]
    assert values[0][0] == "Danh hiệu “Lao động tiên tiến”" and values[1][1] == '=HYPERLINK("x")'
    assert people.cell(7, 2).data_type == "s" and people.cell(7, 9).value == "-5% tai nạn"
    assert values[2][0] == "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã" and values[3][1] == "Lê Thị Bích"
    assert people.page_setup.orientation == "landscape" and people.print_title_rows == "$5:$5"
    assert people.cell(6, 1).font.name == "Times New Roman" and people.cell(7, 9).alignment.wrap_text
    assert any(c.value == "Trần Văn Bình" for row in people.iter_rows() for c in row)
    assert any(c.value == "TM. ỦY BAN NHÂN DÂN" for row in people.iter_rows() for c in row)


def save_settings_of(db):
    from core.settings import load_settings

    with db.session() as s:
        settings = load_settings(s)
        s.expunge(settings)
    return settings


def test_import_reads_good_rows_and_lists_bad_ones_by_row(commune, tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Chức vụ", "Đơn vị công tác", "Hình thức đề nghị",
               "Tóm tắt thành tích", "Ghi chú"])
    ws.append(["Danh hiệu “Lao động tiên tiến”"])
    ws.append([1, "Phạm Văn Hùng", "Nam", "02/09/1985", "Giáo viên", "Trường Tiểu học", None, "Dạy giỏi", None])
    ws.append([2, "Đỗ Thị Mai", "nữ", dt.datetime(1990, 5, 1), "Y sĩ", "Trạm Y tế", None, "Tận tụy", None])
    ws.append([3, "Không Rõ", "Khác", "1/1/1980", "", "", None, "", None])
    ws.append([4, "Ngày Sai", "Nam", "31/02/1980", "", "", None, "", None])
    ws.append([5, "Hình Thức Lạ", "Nam", "", "", "", "Huy chương ngoại giao", "", None])
    path = tmp_path / "don-vi-gui.xlsx"
    book.save(path)
    with commune.session() as s:
        save_nomination(s, person(name="Phạm Văn Hùng", birth_date=dt.date(1985, 9, 2), unit="Trường Tiểu học",
                                  position="Giáo viên", achievement="Ghi từ trước"), TODAY)
    with commune.session() as s:
        report = read_nominations_xlsx(s, path, 2026, TODAY)
        assert [name for _row, name in report.existing] == ["Phạm Văn Hùng"]
        assert [(row, d.name, d.gender) for row, d in report.new] == [(6, "Đỗ Thị Mai", "Nữ")]
        assert [row for row, _reason in report.problems] == [7, 8, 9]
        assert "giới tính" in report.problems[0][1] and "không có thật" in report.problems[1][1]
        assert apply_import(s, report, TODAY) == 1
    with commune.session() as s:
        listed = {r.name: r for r in rows(s)}
    assert listed["Phạm Văn Hùng"].achievement == "Ghi từ trước"  # what was on record did not change
    assert listed["Đỗ Thị Mai"].birth_date == dt.date(1990, 5, 1)


def test_a_file_that_is_not_a_list_says_so(commune, tmp_path):
    path = tmp_path / "khac.xlsx"
    openpyxl.Workbook().save(path)
    (tmp_path / "hong.xlsx").write_bytes(b"PK\x03\x04 broken")
    with commune.session() as s:
        with pytest.raises(ValueError, match="không phải danh sách"):
            read_nominations_xlsx(s, path, 2026, TODAY)
        with pytest.raises(ValueError, match="Không đọc được tệp Excel"):
            read_nominations_xlsx(s, tmp_path / "hong.xlsx", 2026, TODAY)


def test_undo_never_joins_a_nomination_to_someone_who_took_the_id(db):
    from core.operations import nominations as ops

    change = ops.delete(db, ops.add(db, person(name="Lê Văn Cũ"), TODAY).nomination_id)
    ops.add(db, person(name="Trần Thị Mới", birth_date=dt.date(1991, 1, 1)), TODAY)  # SQLite reuses the freed id
    ops.undo(db, change)
    assert sorted((r.name, r.form_code) for r in ops.rows(db)) == [("Lê Văn Cũ", "LDTT"), ("Trần Thị Mới", "LDTT")]
    assert len({r.nominee_id for r in ops.rows(db)}) == 2
