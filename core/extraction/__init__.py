"""Extraction of targets (chỉ tiêu) from a superior plan's text (contract: GUIDE §3)."""

from core.extraction.evidence import split_sentences
from core.extraction.model import ExtractedTarget
from core.extraction.numbers import parse_number
from core.extraction.targets import extract_targets, plan_year

__all__ = ["ExtractedTarget", "extract_targets", "parse_number", "plan_year", "split_sentences"]
