"""Operations of the award season (GUIDE §4), called by the screens and by ``main.py award-documents``.

Each function opens its own transaction on the :class:`core.db.Database` it is given, commits, and returns plain
data (dataclasses, dicts, ids), never ORM objects.
"""

from __future__ import annotations

from core.catalogue import routes
from core.db import Database
from core.terms import AwardRoute


def form_routes(db: Database) -> dict[str, AwardRoute]:
    """The route (xã quyết định / đề nghị cấp trên) of every catalogue entry, by code."""
    with db.session() as s:
        return routes(s)
