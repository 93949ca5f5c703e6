"""Text normalisation shared by storage, extraction and exports.

Every string that enters the database or a document passes through :func:`nfc`, because
decomposed (NFD) Vietnamese breaks matching and renders badly in Word and Qt.
"""

import unicodedata


def nfc(value: str | None) -> str | None:
    """Return ``value`` in Unicode NFC with surrounding white space removed; ``None`` stays ``None``."""
    if value is None:
        return None
    return unicodedata.normalize("NFC", value).strip()
