"""Reading and saving the commune's settings (one row of :class:`core.models.CommuneSettings`)."""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.commune import SettingsData, SettingsError, required_name
from core.models import CommuneSettings

__all__ = ["SettingsData", "SettingsError", "load_settings", "save_settings", "settings_data"]


def settings_data(row: CommuneSettings) -> SettingsData:
    """``row`` as plain values."""
    values = {f.name: getattr(row, f.name) for f in fields(SettingsData)}
    values["vice_chairmen"] = list(values["vice_chairmen"] or [])
    return SettingsData(**values)


def load_settings(session: Session) -> CommuneSettings | None:
    """The commune's settings, or ``None`` before the first start has asked for them."""
    return session.scalars(select(CommuneSettings).limit(1)).first()


def save_settings(session: Session, **values) -> CommuneSettings:
    """Create or update the settings row from keyword values named like the model's columns.

    Raises :class:`SettingsError` when the commune name is empty (every header needs it).
    """
    name = required_name(values.get("commune_name"))
    row = load_settings(session) or CommuneSettings(commune_name=name)
    for key, value in values.items():
        if not hasattr(CommuneSettings, key):
            raise TypeError(f"unknown setting {key!r}")
        setattr(row, key, value)
    session.add(row)
    session.flush()
    return row
