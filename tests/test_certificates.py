"""Giấy khen on pre-printed blanks: each field prints where the calibration puts it, within 1 mm."""

import datetime as dt
from dataclasses import replace

import pytest
from pypdf import PdfReader

from core.certificates import FIELDS
from core.models import NomineeKind
from core.nominations import NominationData, restore_nomination
from core.operations import season as ops
from core.season import DECISION, CouncilData
from core.settings import save_settings

PT_PER_MM = 72 / 25.4


@pytest.fixture
def decision(db):
    with db.session() as s:
        save_settings(s, commune_name="Hòa Phong", place_name="Hòa Phong", chairman_name="Trần Văn Bình")
        ids = [restore_nomination(s, NominationData(NomineeKind.INDIVIDUAL, name, "GK_CTX", 2026, "Nữ",
                                                    position="Giáo viên", unit="Trường Tiểu học Hòa Phong")).id
               for name in ("Phan Thị Mỹ Linh", "Lê Thị Cúc")]
    ops.record_council(db, CouncilData(2026, dt.date(2026, 11, 20), "Hội trường", "Ông A", "Bà B", 9, 11,
                                       dict.fromkeys(ids, 9)))
    info = ops.create_document(db, DECISION, 2026)
    return ops.issue_document(db, info.id, "215", dt.date(2026, 11, 25))


def _runs(path, page=0):
    """(text, x mm from the left, baseline mm from the top) of every text run on ``page``."""
    reader = PdfReader(path)
    height = float(reader.pages[page].mediabox.height)
    found = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            found.append((text.replace("\t", " "), x / PT_PER_MM, (height - y) / PT_PER_MM))

    reader.pages[page].extract_text(visitor_text=visit)
    return found, reader


def test_fields_print_at_their_calibrated_positions(qapp, db, decision, tmp_path):
    from ui.certificates import write_pdf

    job = ops.certificate_job(db, decision.id)
    assert [c.texts["name"] for c in job.certificates] == ["Bà Lê Thị Cúc", "Bà Phan Thị Mỹ Linh"]
    assert job.certificates[0].texts["decision"] == "Quyết định số 215/QĐ-UBND ngày 25/11/2026"
    moved = {key: (20 + 10 * n, 30 + 20 * n) for n, key in enumerate(FIELDS)}  # the clerk's calibration
    ops.save_form_layout(db, "GK_CTX", moved)
    job = ops.certificate_job(db, decision.id)
    size, placements = job.layouts["GK_CTX"]
    job.layouts["GK_CTX"] = (size, [replace(p, field=replace(p.field, align="left")) for p in placements])
    path = tmp_path / "giay-khen.pdf"
    assert write_pdf(job, path) == 2
    runs, reader = _runs(path)
    assert [round(float(v) / PT_PER_MM) for v in reader.pages[0].mediabox[2:]] == [297, 210]
    for key, (x, y) in moved.items():
        text = job.certificates[0].texts[key]
        run = next(r for r in runs if text.startswith(r[0]) or r[0].startswith(text[:12]))
        assert abs(run[1] - x) <= 1 and abs(run[2] - y) <= 1, (key, run, (x, y))


def test_centred_fields_are_centred_on_their_anchor(qapp, db, decision, tmp_path):
    from ui.certificates import write_pdf

    path = tmp_path / "giay-khen.pdf"
    write_pdf(ops.certificate_job(db, decision.id), path)
    runs, _reader = _runs(path, page=1)
    name = next(r for r in runs if r[0] == "Bà Phan Thị Mỹ Linh")
    assert abs(name[2] - FIELDS["name"].y) <= 1
    assert name[1] < FIELDS["name"].x - 20  # starts well left of the centre: a 22 pt name is ~50 mm wide


def test_a_layout_outside_the_blank_is_refused(db, decision):
    with pytest.raises(ValueError, match="ngoài phôi"):
        ops.save_form_layout(db, "GK_CTX", {"name": (400, 20)})


@pytest.mark.parametrize(("authority", "title", "lines", "on_certificate"), [
    ("", "Chủ tịch", ["CHỦ TỊCH"], "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA PHONG"),
    ("KT.", "Phó Chủ tịch", ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH"),
])
def test_a_decision_and_its_certificates_are_signed_alike(db, authority, title, lines, on_certificate):
    """The Chairman grants in his own name (no "TM. ỦY BAN NHÂN DÂN"); a vice-chairman signs "KT. CHỦ TỊCH"."""
    from core.models import AwardDocument
    from core.season_docs import decision_context
    from core.settings import load_settings

    with db.session() as s:
        save_settings(s, commune_name="Hòa Phong", chairman_name="Trần Văn Bình")
        nid = restore_nomination(s, NominationData(NomineeKind.INDIVIDUAL, "Lê Thị Cúc", "GK_CTX", 2026, "Nữ")).id
    ops.record_council(db, CouncilData(2026, dt.date(2026, 11, 20), "Hội trường", "Ông A", "Bà B", 9, 11, {nid: 9}))
    info = ops.create_document(db, DECISION, 2026)
    with db.session() as s:
        document = s.get(AwardDocument, info.id)
        document.signer_authority, document.signer_title = authority, title
    ops.issue_document(db, info.id, "215", dt.date(2026, 11, 25))
    with db.session() as s:
        assert decision_context(s, s.get(AwardDocument, info.id), load_settings(s))["signer_lines"] == lines
    assert ops.certificate_job(db, info.id).certificates[0].texts["signer_title"] == on_certificate


def test_the_calibration_shows_millimetres_with_a_decimal_comma(qtbot, db, decision):
    from PySide6.QtWidgets import QDoubleSpinBox

    from ui.certificates import CalibrationDialog

    dialog = CalibrationDialog(db, "GK_CTX", "Giấy khen")
    qtbot.addWidget(dialog)
    box = dialog.findChildren(QDoubleSpinBox)[0]
    box.setValue(148.5)
    assert box.text() == "148,5 mm"
