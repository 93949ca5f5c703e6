"""Operations of the dialog "Thông tin xã, phường": read and save the commune's settings."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum

from core.commune import DEFAULT_DRAFTING_UNIT, SettingsData, SettingsError, renames
from core.db import Database
from core.plans import rename_commune, unit_name
from core.settings import load_settings, settings_data
from core.settings import save_settings as _store

__all__ = ["DEFAULT_DRAFTING_UNIT", "SettingsData", "SettingsError", "SettingsSaved", "commune_label",
           "read_settings", "save_settings"]


@dataclass(frozen=True)
class SettingsSaved:
    """What Lưu did: the ``settings`` as stored; when the commune's name or unit type changed, ``renamed`` (old,
    new: "xã Bình Hải", "xã Bình Hải Đông"); and how many draft plans were brought in line with a new name or
    địa danh (``renamed_drafts``)."""

    settings: SettingsData
    renamed: tuple[str, str] | None = None
    renamed_drafts: int = 0


def read_settings(db: Database) -> SettingsData | None:
    """The commune's settings, or None before the first start asked for them."""
    with db.session() as s:
        row = load_settings(s)
        return settings_data(row) if row is not None else None


def save_settings(db: Database, data: SettingsData) -> SettingsSaved:
    """Store ``data`` as the commune's settings: empty optional values take their defaults (those of
    :class:`SettingsData`: number suffix "KH-UBND", :data:`DEFAULT_DRAFTING_UNIT`, "VP"; the địa danh is the
    commune's name) and texts are trimmed. A renamed commune is renamed in every draft plan too
    (:func:`core.plans.rename_commune`); issued plans keep what they printed.

    Raises :class:`core.commune.SettingsError` when the commune name is empty.
    """
    values = asdict(data)
    for key, value in values.items():
        if isinstance(value, str) and not isinstance(value, Enum):  # a unit type stays a UnitType
            values[key] = value.strip()
    values["vice_chairmen"] = [v.strip() for v in data.vice_chairmen if v.strip()]
    values["place_name"] = values["place_name"] or values["commune_name"]
    defaults = SettingsData("")
    for key in ("number_suffix", "drafting_unit", "drafting_unit_short"):
        values[key] = values[key] or getattr(defaults, key)
    with db.session() as s:
        row = load_settings(s)
        before = settings_data(row) if row is not None else None
        after = settings_data(_store(s, **values))
        if before is None or not renames(before, after):
            return SettingsSaved(after)
        renamed = (unit_name(before), unit_name(after)) if unit_name(before) != unit_name(after) else None
        return SettingsSaved(after, renamed, rename_commune(s, before, after))


def commune_label(db: Database) -> str | None:
    """The commune as named in the window title ("Phường Phổ An"), or None before the first start has asked for
    the settings."""
    with db.session() as s:
        settings = load_settings(s)
        return f"{settings.unit_type.value.capitalize()} {settings.commune_name}" if settings else None
