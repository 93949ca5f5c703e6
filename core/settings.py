"""Reading and saving the commune's settings (one row of :class:`core.models.CommuneSettings`)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import CommuneSettings


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


def issuing_body_lines(settings: CommuneSettings) -> tuple[str, str]:
    """The two capitalised lines of the issuing body, e.g. ("ỦY BAN NHÂN DÂN", "XÃ PHỔ AN").

    NĐ 30/2020/NĐ-CP, Phụ lục I, mục II.2b: tên cơ quan ban hành in capitals.
    """
    return "ỦY BAN NHÂN DÂN", f"{settings.unit_type.value} {settings.commune_name}".upper()
