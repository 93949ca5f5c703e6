"""Reading and saving the commune's settings (one row of :class:`core.models.CommuneSettings`)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import DEFAULT_DRAFTING_UNIT, CommuneSettings, SuperiorLevel, UnitType


@dataclass
class SettingsData:
    """The commune's settings as plain values (the columns of :class:`core.models.CommuneSettings`)."""

    commune_name: str
    unit_type: UnitType = UnitType.COMMUNE
    superior_body: str = ""
    superior_level: SuperiorLevel = SuperiorLevel.PROVINCE
    place_name: str = ""
    chairman_name: str = ""
    vice_chairmen: list[str] = field(default_factory=list)
    number_suffix: str = "KH-UBND"
    drafting_unit: str = DEFAULT_DRAFTING_UNIT
    drafting_unit_short: str = "VP"


def settings_data(row: CommuneSettings) -> SettingsData:
    """``row`` as plain values."""
    values = {f.name: getattr(row, f.name) for f in fields(SettingsData)}
    values["vice_chairmen"] = list(values["vice_chairmen"] or [])
    return SettingsData(**values)


class SettingsError(ValueError):
    """A required setting is missing; the message is Vietnamese, for the user."""


def load_settings(session: Session) -> CommuneSettings | None:
    """The commune's settings, or ``None`` before the first start has asked for them."""
    return session.scalars(select(CommuneSettings).limit(1)).first()


def save_settings(session: Session, **values) -> CommuneSettings:
    """Create or update the settings row from keyword values named like the model's columns.

    Raises :class:`SettingsError` when the commune name is empty (every header needs it).
    """
    name = (values.get("commune_name") or "").strip()
    if not name:
        raise SettingsError("Chưa nhập tên xã/phường: tên này in ở đầu mọi văn bản.")
    row = load_settings(session) or CommuneSettings(commune_name=name)
    for key, value in values.items():
        if not hasattr(CommuneSettings, key):
            raise TypeError(f"unknown setting {key!r}")
        setattr(row, key, value)
    session.add(row)
    session.flush()
    return row
