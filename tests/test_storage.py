"""Storage: every model round-trips, text is stored NFC, migrations and backups behave."""

import datetime as dt
import shutil
import sqlite3
from pathlib import Path
import unicodedata

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, select

from core.db import SCHEMA_HEAD, Database, DatabaseError, alembic_config, current_revision, sqlite_url
from core.nominations import ListFilter, matching_ids
from core.models import (
    Assignment,
    AwardForm,
    CommuneSettings,
    Comparator,
    Field,
    LegalBasis,
    Nomination,
    NominationStatus,
    Nominee,
    NomineeKind,
    Plan,
    PlanKind,
    PlanSection,
    PlanStatus,
    Recipient,
    SectionKind,
    SuperiorDocument,
    SuperiorLevel,
    Target,
    UnitType,
)


def test_whole_domain_round_trips(db):
    with db.session() as s:
        s.add(
            CommuneSettings(
                commune_name="Phổ An",
                unit_type=UnitType.WARD,
                superior_body="UBND tỉnh Quảng Ngãi",
                superior_level=SuperiorLevel.PROVINCE,
                place_name="Phổ An",
                chairman_name="Nguyễn Minh Hà",
                vice_chairmen=["Lê Văn Tư"],
                number_suffix="KH-UBND",
            )
        )
        doc = SuperiorDocument(file_name="kh-tinh.docx", sha256="ab" * 32, text="Kế hoạch …")
        sup = Target(indicator="Tỷ lệ hộ nghèo", comparator=Comparator.LT, value=2.3, unit="%",
                     field=Field.CULTURE_SOCIETY, source_text="Tỷ lệ hộ nghèo dưới 2,3%.")
        doc.targets.append(sup)
        s.add(doc)
        s.flush()
        plan = Plan(kind=PlanKind.CAMPAIGN, year=2025, title="Phát động đợt thi đua cao điểm", theme="Chủ đề",
                    campaign_start=dt.date(2025, 5, 1), campaign_end=dt.date(2025, 9, 2))
        plan.sections.append(PlanSection(kind=SectionKind.CONTENT, field=Field.ECONOMY, heading="Kinh tế", body="…"))
        plan.legal_bases.append(LegalBasis(doc_type="Kế hoạch", number="08/KH-UBND", issue_date=dt.date(2025, 1, 16),
                                           issuer="UBND tỉnh", superior_document_id=doc.id))
        plan.targets.append(Target(indicator="Tỷ lệ hộ nghèo", comparator=Comparator.LT, value=2.0, unit="%",
                                   field=Field.CULTURE_SOCIETY, derived_from=sup))
        plan.assignments.append(Assignment(unit="Văn phòng - Thống kê", task="Theo dõi",
                                           deadline=dt.date(2025, 12, 15)))
        plan.recipients.append(Recipient(name="UBND tỉnh"))
        s.add(plan)
        nominee = Nominee(kind=NomineeKind.INDIVIDUAL, name="Phạm Thị Lan", gender="Nữ", birth_date=dt.date(1980, 3, 2),
                          position="Công chức", unit="UBND xã")
        nominee.nominations.append(Nomination(award_form_code="GK_CTX", achievement="Hoàn thành xuất sắc",
                                              plan=plan, deadline=dt.date(2025, 12, 15)))
        s.add(nominee)

    with db.session() as s:
        settings = s.scalars(select(CommuneSettings)).one()
        assert settings.unit_type is UnitType.WARD and settings.vice_chairmen == ["Lê Văn Tư"]
        plan = s.scalars(select(Plan)).one()
        assert plan.status is PlanStatus.DRAFT and plan.version == 1 and plan.updated_at is not None
        assert plan.sections[0].field is Field.ECONOMY
        assert plan.legal_bases[0].number == "08/KH-UBND"
        target = plan.targets[0]
        assert target.derived_from.superior_document.file_name == "kh-tinh.docx"
        assert target.derived_from.value == 2.3 and target.comparator is Comparator.LT
        assert plan.assignments[0].deadline == dt.date(2025, 12, 15)
        assert plan.recipients[0].name == "UBND tỉnh"
        nomination = s.scalars(select(Nomination)).one()
        assert nomination.status is NominationStatus.DRAFT
        assert nomination.award_form.granting_level == "commune"
        assert nomination.nominee.name == "Phạm Thị Lan"


def test_decomposed_text_is_stored_composed(db):
    decomposed = unicodedata.normalize("NFD", "Xã Phổ An")
    with db.session() as s:
        s.add(CommuneSettings(commune_name=decomposed, vice_chairmen=[decomposed]))
    with db.session() as s:
        row = s.scalars(select(CommuneSettings)).one()
        assert row.commune_name == unicodedata.normalize("NFC", "Xã Phổ An")
        assert row.vice_chairmen == [unicodedata.normalize("NFC", "Xã Phổ An")]


def test_deleting_a_plan_removes_its_parts(db):
    with db.session() as s:
        plan = Plan(year=2025)
        plan.targets.append(Target(indicator="Tỷ lệ", value=1, unit="%"))
        plan.recipients.append(Recipient(name="Lưu: VT"))
        s.add(plan)
    with db.session() as s:
        s.delete(s.scalars(select(Plan)).one())
    with db.session() as s:
        assert s.scalars(select(Target)).all() == [] and s.scalars(select(Recipient)).all() == []


def test_catalogue_is_loaded_with_legal_basis(db):
    with db.session() as s:
        forms = {f.code: f for f in s.scalars(select(AwardForm))}
    assert forms["GK_CTX"].granting_level == "commune"
    assert "Điều 80" in forms["LDTT"].legal_basis
    assert forms["BK_CTT"].granting_level == "province"


def test_first_start_creates_file_at_head(tmp_path):
    path = tmp_path / "sub" / "new.sqlite3"
    database = Database(path)
    assert current_revision(database.engine) == SCHEMA_HEAD
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    database.close()
    assert not list(tmp_path.glob("sub/*.backup-*"))


def test_the_schema_head_named_in_the_code_is_the_newest_migration():
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == SCHEMA_HEAD


def _older_revisions():
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in script.walk_revisions() if r.revision != script.get_current_head()]


DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("schema-*.sqlite3")))
def test_file_made_by_a_released_schema_opens_with_its_plans(tmp_path, name):
    """Each database file kept in tests/data (one per released schema revision, a demo commune) is
    upgraded to head: a backup is written first, and the plans, targets and settings are still there."""
    path = tmp_path / name
    shutil.copy(DATA / name, path)
    with sqlite3.connect(path) as conn:
        before = conn.execute("SELECT title, (SELECT COUNT(*) FROM target WHERE plan_id = plan.id) "
                              "FROM plan").fetchall()
        commune = conn.execute("SELECT commune_name FROM commune_settings").fetchone()[0]
    database = Database(path)
    assert current_revision(database.engine) == SCHEMA_HEAD
    with database.session() as s:
        plans = s.scalars(select(Plan)).all()
        assert [(p.title, len(p.targets)) for p in plans] == before
        assert commune
    database.close()
    assert len(list(tmp_path.glob("schema-*.backup-*.sqlite3"))) == 1


@pytest.mark.parametrize("revision", _older_revisions())
def test_older_file_is_backed_up_then_upgraded(tmp_path, revision):
    path = tmp_path / "old.sqlite3"
    with create_engine(sqlite_url(path)).begin() as conn:
        command.upgrade(alembic_config(conn), revision)
    with sqlite3.connect(path) as conn:
        values = {"kind": "annual", "year": 2024, "place_name": "", "title": "Kế hoạch cũ", "theme": "",
                  "status": "draft", "version": 1, "signer_authority": "TM.", "signer_title": "CHỦ TỊCH",
                  "signer_name": "", "targets_as_table": 0, "wizard_page": 0}
        columns = [row[1] for row in conn.execute("PRAGMA table_info(plan)") if row[1] in values]
        conn.execute(f"INSERT INTO plan ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                     [values[c] for c in columns])
    database = Database(path)
    with database.session() as s:
        assert s.scalars(select(Plan)).one().title == "Kế hoạch cũ"
    database.close()
    assert len(list(tmp_path.glob("old.backup-*.sqlite3"))) == 1


def test_nominations_of_an_older_file_can_be_searched_after_the_upgrade(tmp_path):
    path = tmp_path / "old.sqlite3"
    with create_engine(sqlite_url(path)).begin() as conn:
        command.upgrade(alembic_config(conn), "0004")
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO award_form (code, name, category, granting_level, beneficiary, legal_basis, "
                     "decided_by) VALUES ('LDTT', 'Lao động tiên tiến', 'title', 'commune', 'individual', '', '')")
        conn.execute("INSERT INTO nominee (id, kind, name, position, unit) VALUES (1, 'individual', 'Đỗ Thị Ánh',"
                     " '', 'Thôn Đông')")
        conn.execute("INSERT INTO nomination (id, nominee_id, award_form_code, granting_level, award_kind,"
                     " achievement, movement, status, note) VALUES (7, 1, 'LDTT', 'commune', 'regular', '', '',"
                     " 'draft', '')")
    database = Database(path)
    with database.session() as s:
        assert matching_ids(s, ListFilter(text="do thi anh thon dong")) == {7}
    database.close()


def test_failed_migration_keeps_a_backup_with_the_data(tmp_path):
    """A file with tables but no revision stamp (e.g. made by hand) cannot be migrated: the data survives."""
    path = tmp_path / "odd.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE plan (id INTEGER PRIMARY KEY, title TEXT)")
        conn.execute("INSERT INTO plan (title) VALUES ('Kế hoạch viết tay')")
    with pytest.raises(DatabaseError, match="Không mở được tệp dữ liệu"):
        Database(path)
    backups = list(tmp_path.glob("odd.backup-*.sqlite3"))
    assert len(backups) == 1
    for file in (path, backups[0]):
        with sqlite3.connect(file) as conn:
            assert conn.execute("SELECT title FROM plan").fetchone() == ("Kế hoạch viết tay",)


AWKWARD_FOLDERS = ["Tài liệu của Nguyễn Văn Á", "50% xong #2", "O'Brien", r"C:\Users\Thư ký\AppData\Local"]


@pytest.mark.parametrize("folder", AWKWARD_FOLDERS)
def test_database_opens_in_any_folder_name(tmp_path, folder):
    """Vietnamese letters, spaces, %, #, an apostrophe, a Windows-shaped name: the file opens and keeps data."""
    path = tmp_path / folder / "thi đua.sqlite3"
    database = Database(path)
    with database.session() as s:
        s.add(Plan(year=2026, title="Kế hoạch thử"))
    database.close()
    database = Database(path)
    with database.session() as s:
        assert s.scalars(select(Plan.title)).one() == "Kế hoạch thử"
    database.close()
    assert path.is_file()


def test_default_location_under_a_vietnamese_user_folder(tmp_path, monkeypatch):
    from core.paths import DB_ENV, default_db_path

    monkeypatch.delenv(DB_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "Người dùng Đỗ Thị Hà%20" / "dữ liệu"))
    path = default_db_path()
    assert "Đỗ Thị Hà%20" in str(path)
    Database(path).close()
    assert path.is_file()


def test_an_upgrade_that_fails_midway_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    """Every statement of an upgrade and its revision stamp commit together: a failure (or a kill) after
    some of them leaves the old schema and all data, and the next start upgrades cleanly."""
    path = tmp_path / "old.sqlite3"
    shutil.copy(DATA / "schema-0001.sqlite3", path)
    real_upgrade = command.upgrade

    def upgrade_then_power_cut(config, revision):
        real_upgrade(config, revision)
        raise OSError("mất điện")

    monkeypatch.setattr(command, "upgrade", upgrade_then_power_cut)
    with pytest.raises(DatabaseError):
        Database(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert "wizard_page" in [row[1] for row in conn.execute("PRAGMA table_info(plan)")]
        assert conn.execute("SELECT COUNT(*) FROM target").fetchone()[0] > 0
    monkeypatch.setattr(command, "upgrade", real_upgrade)
    Database(path).close()


def test_a_renamed_document_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "thidua.sqlite3"
    content = b"PK\x03\x04" + b"word/document.xml" * 50
    path.write_bytes(content)
    with pytest.raises(DatabaseError, match="không phải tệp dữ liệu") as caught:
        Database(path)
    assert "sqlalche" not in str(caught.value) and path.read_bytes() == content
    assert not list(tmp_path.glob("*.backup-*"))


def test_a_file_from_a_newer_version_is_refused_unchanged(tmp_path):
    path = tmp_path / "thidua.sqlite3"
    Database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="phiên bản mới hơn"):
        Database(path)
    assert path.read_bytes() == before and not list(tmp_path.glob("*.backup-*"))


def _file_of_many_pages(path):
    """A closed database file of some 20 pages (300 plans), every save in the main file."""
    database = Database(path)
    with database.session() as s:
        for i in range(300):
            s.add(Plan(year=2026, title=f"Kế hoạch {i} " + "x" * 200))
    database.close()
    return path


def test_a_damaged_file_names_the_newest_backup(tmp_path):
    path = _file_of_many_pages(tmp_path / "thidua.sqlite3")
    (tmp_path / "thidua.backup-20260101-080000.sqlite3").write_bytes(b"")
    data = bytearray(path.read_bytes())
    page = 4096
    data[3 * page: 4 * page] = b"\xff" * page  # a page overwritten in the middle
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError, match="bị hỏng") as caught:
        Database(path)
    assert "thidua.backup-20260101-080000.sqlite3" in str(caught.value)


def test_a_truncated_file_is_refused_in_vietnamese_and_left_alone(tmp_path):
    path = _file_of_many_pages(tmp_path / "thidua.sqlite3")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # a copy cut short (USB pulled out, full disk)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match=r"bị hỏng|Không mở được") as caught:
        Database(path)
    assert "sqlalche" not in str(caught.value) and path.read_bytes() == before


def test_a_damaged_file_names_the_data_kept_by_the_last_restore(tmp_path):
    """After a failed restore the good data is in ``thidua.replaced-….sqlite3``: the start-up message says so."""
    path = _file_of_many_pages(tmp_path / "thidua.sqlite3")
    shutil.copy(path, tmp_path / "thidua.replaced-20260301-090000.sqlite3")
    data = bytearray(path.read_bytes())
    data[3 * 4096: 4 * 4096] = b"\xff" * 4096
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError, match="bị hỏng") as caught:
        Database(path)
    assert "thidua.replaced-20260301-090000.sqlite3" in str(caught.value)


def test_a_temporary_file_left_by_a_killed_copy_is_removed_at_the_next_start(tmp_path):
    path = tmp_path / "thidua.sqlite3"
    Database(path).close()
    leftover = tmp_path / "thidua.1a2b3c.thidua-tmp.sqlite3"
    leftover.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # a restore killed half-way
    other = tmp_path / "bao-cao.tmp"  # another program's file is not ours to remove
    other.write_text("x")
    Database(path).close()
    assert not leftover.exists() and other.exists()


def _nominations(database, count):
    with database.session() as s:
        nominee = Nominee(kind=NomineeKind.INDIVIDUAL, name="Đỗ Văn Tâm", position="", unit="Thôn Đông")
        for _ in range(count):
            nominee.nominations.append(Nomination(award_form_code="GK_CTX", achievement=""))
        s.add(nominee)


def test_a_start_touches_no_nomination_when_the_catalogue_did_not_change(tmp_path):
    """Every start used to re-index every nomination (24 s with 50,000): the shipped catalogue is read only when
    it changed, and no row that did not change is written."""
    path = tmp_path / "thidua.sqlite3"
    database = Database(path)
    _nominations(database, 3)
    database.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE nomination SET search_text = 'chưa đánh chỉ mục lại'")
    Database(path).close()
    with sqlite3.connect(path) as conn:
        assert {row[0] for row in conn.execute("SELECT search_text FROM nomination")} == {"chưa đánh chỉ mục lại"}


def test_a_changed_shipped_catalogue_is_loaded_and_keeps_the_clerks_edits(tmp_path):
    path = tmp_path / "thidua.sqlite3"
    database = Database(path)
    with database.session() as s:
        s.get(AwardForm, "GK_CTX").name = "Giấy khen của Chủ tịch UBND xã (tỉnh sửa)"
        s.delete(s.get(AwardForm, "LDTT"))  # as if this entry were new in an update of the program
    database.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 1")  # the file last loaded another catalogue
    database = Database(path)
    with database.session() as s:
        assert s.get(AwardForm, "LDTT") is not None
        assert s.get(AwardForm, "GK_CTX").name == "Giấy khen của Chủ tịch UBND xã (tỉnh sửa)"
    database.close()


def test_a_backup_that_fails_leaves_no_partial_file_and_the_earlier_backup_whole(db, tmp_path, monkeypatch):
    import errno

    from core.operations.backup import back_up

    target = tmp_path / "usb" / "thidua-sao-luu.sqlite3"
    target.parent.mkdir()
    back_up(db, target)
    earlier = target.read_bytes()
    with db.session() as s:
        s.add(Plan(year=2026, title="Kế hoạch sau lần sao lưu trước"))

    def disk_full(temp, final):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("core.db.commit_temp", disk_full)
    with pytest.raises(DatabaseError, match="Ổ đĩa đã đầy") as caught:
        back_up(db, target)
    assert "No space" not in str(caught.value)
    assert target.read_bytes() == earlier and [p.name for p in target.parent.iterdir()] == [target.name]


def test_an_export_that_fails_midway_leaves_the_previous_file_whole(tmp_path, monkeypatch):
    """A full disk (or a kill) half-way through writing the .xlsx: the list exported last week is still whole."""
    import errno

    import openpyxl

    from core.export_xlsx import export_nominations

    settings = CommuneSettings(commune_name="Hòa Phong", unit_type=UnitType.COMMUNE)
    target = tmp_path / "danh-sach.xlsx"
    export_nominations([], settings, 2026, target)
    good = target.read_bytes()
    real_save = openpyxl.Workbook.save

    def disk_full_half_way(workbook, filename):
        real_save(workbook, filename)
        with open(filename, "r+b") as f:
            f.truncate(len(good) // 2)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(openpyxl.Workbook, "save", disk_full_half_way)
    with pytest.raises(OSError):
        export_nominations([], settings, 2026, target)
    assert target.read_bytes() == good and [p.name for p in tmp_path.iterdir()] == ["danh-sach.xlsx"]
    monkeypatch.setattr(openpyxl.Workbook, "save", real_save)
    export_nominations([], settings, 2027, target)
    assert openpyxl.load_workbook(target).sheetnames and [p.name for p in tmp_path.iterdir()] == ["danh-sach.xlsx"]
