"""The commune's settings as plain values (thông tin xã, phường): their fields, defaults and the one required value.

No storage here: the first-run dialog shows these before SQLAlchemy is imported. Storing them is
:mod:`core.settings` (the table :class:`core.models.CommuneSettings`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.terms import SuperiorLevel, UnitType

# The commune's drafting unit for emulation work (đơn vị tham mưu) unless the settings say otherwise: since
# 1/7/2025 a commune has a Văn phòng HĐND và UBND.
DEFAULT_DRAFTING_UNIT = "Văn phòng HĐND và UBND"


class SettingsError(ValueError):
    """A required setting is missing; the message is Vietnamese, for the user."""


@dataclass
class SettingsData:
    """The commune's settings as plain values (the columns of :class:`core.models.CommuneSettings`); the defaults
    are those a blank optional value takes when saved."""

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


def required_name(name: str | None) -> str:
    """The commune's name trimmed; raises :class:`SettingsError` when it is empty (every header needs it)."""
    name = (name or "").strip()
    if not name:
        raise SettingsError("Chưa nhập tên xã/phường: tên này in ở đầu mọi văn bản.")
    return name


def renames(before: SettingsData, after: SettingsData) -> bool:
    """Whether ``after`` names the commune (its name, its unit type) or its địa danh otherwise than ``before``
    (a blank địa danh is the commune's name): the draft plans then follow it (:func:`core.plans.rename_commune`)."""

    def names(s: SettingsData) -> tuple:
        return s.commune_name.strip(), s.unit_type, s.place_name.strip() or s.commune_name.strip()

    return names(before) != names(after)
