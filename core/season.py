"""The commune's award season (GUIDE §4): routes and their statuses, which nominations each document lists,
and the rule that an issued Quyết định khen thưởng never changes.

Two routes (:class:`core.terms.AwardRoute`, read from the catalogue by :func:`core.catalogue.route_of`):

* xã quyết định — đang lập hồ sơ → đã bình xét (the council voted it through) → đã có quyết định (the
  Chairman's Quyết định khen thưởng lists it);
* đề nghị cấp trên — đang lập hồ sơ → đã bình xét → đã trình cấp trên (a Tờ trình lists it) → đã được khen
  (with the superior's decision number) or không được khen.

No Qt here; the screens and the headless command call :mod:`core.operations.season`.
"""

from __future__ import annotations

from core.nominations import STATUS_LABELS
from core.terms import AwardRoute, NominationStatus

# Each route's statuses in the clerk's words; a status a route does not use (an old row) keeps its plain label.
ROUTE_STATUS_LABELS: dict[AwardRoute, dict[NominationStatus, str]] = {
    AwardRoute.COMMUNE: {
        NominationStatus.DRAFT: "Đang lập hồ sơ",
        NominationStatus.REVIEWED: "Đã bình xét",
        NominationStatus.GRANTED: "Đã có quyết định",
        NominationStatus.REFUSED: "Không được bình xét",
    },
    AwardRoute.UPWARD: {
        NominationStatus.DRAFT: "Đang lập hồ sơ",
        NominationStatus.REVIEWED: "Đã bình xét",
        NominationStatus.SUBMITTED: "Đã trình cấp trên",
        NominationStatus.GRANTED: "Đã được khen",
        NominationStatus.REFUSED: "Không được khen",
    },
}


def status_label(route: AwardRoute, status: NominationStatus) -> str:
    """The status of a nomination on ``route`` in the clerk's words ("Đã trình cấp trên", "Đã có quyết định")."""
    return ROUTE_STATUS_LABELS[route].get(status, STATUS_LABELS[status])
