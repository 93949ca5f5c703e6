"""Importing a superior plan stores the document and its targets; a second import is recognised."""

import shutil

import pytest
from sqlalchemy import func, select

from core.models import Comparator, SuperiorDocument, Target
from core.reading import DocumentError
from core.superior import import_superior_plan


def test_import_stores_document_and_targets(db, shared):
    with db.session() as s:
        result = import_superior_plan(s, shared / "samples" / "superior-002.docx")
        assert not result.already_imported
    with db.session() as s:
        doc = s.scalars(select(SuperiorDocument)).one()
        assert doc.file_name == "superior-002.docx" and len(doc.sha256) == 64
        assert "Chỉ tiêu thi đua" in doc.text
        first = doc.targets[0]
        assert (first.indicator, first.comparator, first.value, first.unit) == (
            "Tổng giá trị sản xuất", Comparator.APPROX, 28603.61, "tỷ đồng")
        assert first.source_text.startswith("- (1) Tổng giá trị sản xuất")
        assert [t.position for t in doc.targets] == list(range(len(doc.targets)))


def test_same_file_under_another_name_is_recognised(db, shared, tmp_path):
    copy = tmp_path / "ban-sao.docx"
    shutil.copy(shared / "samples" / "superior-002.docx", copy)
    with db.session() as s:
        import_superior_plan(s, shared / "samples" / "superior-002.docx")
    with db.session() as s:
        again = import_superior_plan(s, copy)
        assert again.already_imported and again.document.file_name == "superior-002.docx"
    with db.session() as s:
        assert s.scalar(select(func.count(SuperiorDocument.id))) == 1


def test_unreadable_file_writes_nothing(db, tmp_path):
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DocumentError):
        with db.session() as s:
            import_superior_plan(s, bad)
    with db.session() as s:
        assert s.scalar(select(func.count(Target.id))) == 0
