"""A fictional commune for training and screenshots (``python main.py demo-data``)."""

from __future__ import annotations

from core.db import Database
from core.models import SuperiorLevel, UnitType
from core.settings import save_settings


def create_demo_data(db: Database) -> None:
    """Fill ``db`` with the fictional commune Hòa Phong (settings only for now); idempotent."""
    with db.session() as s:
        save_settings(
            s,
            commune_name="Hòa Phong",
            unit_type=UnitType.COMMUNE,
            superior_body="UBND tỉnh Đắk Lâm",
            superior_level=SuperiorLevel.PROVINCE,
            place_name="Hòa Phong",
            chairman_name="Trần Văn Bình",
            vice_chairmen=["Lê Thị Thu Hà", "Nguyễn Đức Minh"],
            number_suffix="KH-UBND",
        )
