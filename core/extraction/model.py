"""The extracted target (GUIDE §3 contract), shared by the prose and the table readers."""

from __future__ import annotations

from dataclasses import dataclass

from core.extraction.evidence import CONFIDENCE


@dataclass
class ExtractedTarget:
    """One target as the contract gives it; ``line`` is the index of its source line in the document."""

    text: str
    indicator: str
    comparator: str
    value: float | None
    value_max: float | None
    unit: str | None
    field: str
    line: int
    confidence: float = CONFIDENCE["zone"]

    def as_dict(self) -> dict:
        """The contract's JSON object (GUIDE §3) plus ``line`` and ``confidence`` (0–1)."""
        return dict(self.__dict__)  # flat fields: no deep copy needed
