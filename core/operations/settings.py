"""The commune's settings as the main window needs them, as core operations (each opens its own session)."""

from __future__ import annotations

from core.db import Database
from core.settings import load_settings


def commune_label(db: Database) -> str | None:
    """The commune as named in the window title ("Phường Phổ An"), or None before the first start has asked for
    the settings."""
    with db.session() as s:
        settings = load_settings(s)
        return f"{settings.unit_type.value.capitalize()} {settings.commune_name}" if settings else None
