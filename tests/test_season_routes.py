"""Each nomination follows the route its catalogue entry's decider sets: xã quyết định or đề nghị cấp trên."""

import datetime as dt

import pytest

from core.catalogue import read_catalogue, route_of, save_catalogue
from core.models import NominationStatus, NomineeKind
from core.nominations import ListFilter, NominationData, matching_ids, rows, save_nomination
from core.season import status_label
from core.terms import AwardRoute

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize("code, route", [
    ("LDTT", AwardRoute.COMMUNE), ("GK_CTX", AwardRoute.COMMUNE), ("CSTDCS_XA", AwardRoute.COMMUNE),
    ("CSTDCS", AwardRoute.UPWARD),  # the district's until 30/6/2025
    ("BK_CTT", AwardRoute.UPWARD), ("CSTD_TINH", AwardRoute.UPWARD), ("BK_TTG", AwardRoute.UPWARD),
])
def test_route_follows_the_catalogue_decider(db, code, route):
    with db.session() as s:
        entry = next(e for e in read_catalogue(s) if e.code == code)
    assert route_of(entry.decided_by, entry.granting_level) is route


def test_words_that_only_look_like_the_commune_do_not_make_it_decide():
    assert route_of("Bộ trưởng Bộ Lao động - Thương binh và Xã hội", "central") is AwardRoute.UPWARD
    assert route_of("Chủ tịch UBND phường An Hải", "province") is AwardRoute.COMMUNE
    assert route_of("", "commune") is AwardRoute.COMMUNE


def test_a_province_variant_is_a_catalogue_edit(db):
    """A province that lets communes give its own Giấy khen for a form edits decided_by: the route follows."""
    with db.session() as s:
        save_nomination(s, NominationData(NomineeKind.INDIVIDUAL, "Lê Văn Tám", "CSTD_TINH", 2026), TODAY)
        before = matching_ids(s, ListFilter(route=AwardRoute.UPWARD))
        entries = read_catalogue(s)
        for e in entries:
            if e.code == "CSTD_TINH":
                e.decided_by = "Chủ tịch Ủy ban nhân dân cấp xã"
        save_catalogue(s, entries)
        assert matching_ids(s, ListFilter(route=AwardRoute.COMMUNE)) == before


def test_list_filters_by_route(db):
    with db.session() as s:
        for name, code in [("Nguyễn Văn A", "LDTT"), ("Trần Thị B", "BK_CTT"), ("Lê Văn C", "CSTDCS_XA")]:
            save_nomination(s, NominationData(NomineeKind.INDIVIDUAL, name, code, 2026), TODAY)
        commune = rows(s, sorted(matching_ids(s, ListFilter(route=AwardRoute.COMMUNE))))
        upward = rows(s, sorted(matching_ids(s, ListFilter(route=AwardRoute.UPWARD))))
    assert [r.name for r in commune] == ["Nguyễn Văn A", "Lê Văn C"]
    assert [r.name for r in upward] == ["Trần Thị B"]


def test_each_route_has_its_own_words():
    assert status_label(AwardRoute.UPWARD, NominationStatus.SUBMITTED) == "Đã trình cấp trên"
    assert status_label(AwardRoute.UPWARD, NominationStatus.GRANTED) == "Đã được khen"
    assert status_label(AwardRoute.COMMUNE, NominationStatus.GRANTED) == "Đã có quyết định"
    assert status_label(AwardRoute.COMMUNE, NominationStatus.REVIEWED) == "Đã bình xét"


def test_tab_shows_and_filters_the_route(qtbot, db):
    from ui.nominations_tab import COLUMNS, NominationsTab

    with db.session() as s:
        a = save_nomination(s, NominationData(NomineeKind.INDIVIDUAL, "Nguyễn Văn A", "LDTT", 2026), TODAY)
        b = save_nomination(s, NominationData(NomineeKind.INDIVIDUAL, "Trần Thị B", "BK_CTT", 2026), TODAY)
        a.status, b.status = NominationStatus.GRANTED, NominationStatus.SUBMITTED
        a.decision_number, a.decision_date = "12/QĐ-UBND", TODAY
    tab = NominationsTab(db, today=lambda: TODAY)
    qtbot.addWidget(tab)
    route_col = [c[0] for c in COLUMNS].index("Hướng xử lý")
    status_col = [c[0] for c in COLUMNS].index("Trạng thái")
    shown = {tab.model.index(r, 0).data(): (tab.model.index(r, status_col).data(), tab.model.index(r, route_col).data())
             for r in range(tab.model.rowCount())}
    assert shown == {"Nguyễn Văn A": ("Đã có quyết định", "Xã quyết định"),
                     "Trần Thị B": ("Đã trình cấp trên", "Đề nghị cấp trên")}
    tab.route.setCurrentIndex(tab.route.findText("Đề nghị cấp trên"))
    assert [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())] == ["Trần Thị B"]


def test_the_entry_in_force_on_the_nomination_date_sets_the_route(db):
    """A 2025 "Chiến sĩ thi đua cơ sở" made under the district's entry (until 30/6/2025): judged in June it goes up
    to the district; judged at the year's end (or decided in December) the commune's entry is in force."""
    with db.session() as s:
        june = save_nomination(s, NominationData(NomineeKind.INDIVIDUAL, "Lê Văn A", "CSTDCS", 2025,
                                                 deadline=dt.date(2025, 6, 10)), dt.date(2025, 6, 1))
        december = save_nomination(s, NominationData(NomineeKind.INDIVIDUAL, "Lê Văn B", "CSTDCS", 2025),
                                   dt.date(2025, 6, 1))
        ids = (june.id, december.id)
        assert matching_ids(s, ListFilter(route=AwardRoute.UPWARD)) == {ids[0]}
        assert matching_ids(s, ListFilter(route=AwardRoute.COMMUNE, year=2025)) == {ids[1]}
