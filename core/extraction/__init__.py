"""Extraction of targets (chỉ tiêu) from a superior plan's text (contract: GUIDE §3)."""

from core.extraction.evidence import split_sentences
from core.extraction.model import ExtractedTarget
from core.extraction.targets import extract_targets

__all__ = ["ExtractedTarget", "extract_targets", "split_sentences"]
