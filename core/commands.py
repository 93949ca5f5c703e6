"""Headless sub-commands of ``main.py``. Each returns an exit code and prints Vietnamese errors to stderr."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from core.errors import DatabaseError


def open_db(db: str | None, *, existing: bool = True):
    """Open the database named on the command line, or the default one.

    With ``existing`` (every command that only reads or exports) a file that does not exist is refused
    with :class:`DatabaseError` rather than created: a mistyped ``--db`` must not look like an empty list.
    """
    from core.db import Database  # SQLAlchemy only for the commands that use the database
    from core.logs import configure
    from core.paths import default_db_path

    configure()  # a database error's technical detail goes to the log file, never to the screen

    path = Path(db) if db else default_db_path()
    if existing and not path.is_file():
        raise DatabaseError(f"Không có tệp dữ liệu «{path}». Hãy kiểm tra đường dẫn --db.")
    return Database(path)


def _demo_data(args, db: str | None) -> int:
    from core.demo import create_demo_data, holds_data

    if not db:
        print("Lỗi: hãy cho biết tệp dữ liệu mẫu cần tạo: demo-data --db TỆP.sqlite3", file=sys.stderr)
        return 1
    database = open_db(db, existing=False)
    if holds_data(database) and not args.force:
        database.close()
        print(f"Lỗi: tệp «{database.path}» đã có dữ liệu của một xã; dữ liệu mẫu sẽ ghi đè thông tin xã. "
              "Hãy chọn một tệp mới, hoặc thêm --force nếu thật sự muốn ghi vào tệp này.", file=sys.stderr)
        return 1
    create_demo_data(database)
    database.close()
    print(f"Đã tạo dữ liệu mẫu trong {database.path}")
    return 0


def _print_json(data) -> None:
    """JSON on stdout in UTF-8 with Vietnamese letters as they are (not \\u escapes), whatever the console."""
    if isinstance(sys.stdout, io.TextIOWrapper):  # not when stdout was replaced by something else
        sys.stdout.reconfigure(encoding="utf-8")
    print(json.dumps(data, ensure_ascii=False, indent=1))


def _extract_targets(args, db: str | None) -> int:
    from core.extraction import extract_targets
    from core.logs import configure
    from core.ocr import progress_text, unread_text
    from core.reading import DocumentError, read_document

    configure()  # a reader's technical detail (pypdf's warnings included) goes to the log file, never to stderr

    def on_page(page: int, pages: int) -> bool:
        print(progress_text(page, pages), file=sys.stderr, flush=True)
        return True

    try:  # the progress of a scan is shown to a person at a console, not to a script reading stderr
        document = read_document(args.file, on_page if sys.stderr.isatty() else None)
    except DocumentError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1
    if document.unread_pages:
        print(unread_text(document.unread_pages), file=sys.stderr)
    # a target read from a scan says so: its numbers need checking against the paper
    _print_json([t.as_dict() | ({"from_ocr": True} if document.from_ocr else {})
                 for t in extract_targets(document, include_unlikely=args.all)])
    return 0


def _list_plans(args, db: str | None) -> int:
    from core.plans import plans_overview

    database = open_db(db)
    with database.session() as s:
        rows = [{"id": p.id, "year": p.year, "kind": p.kind.value, "title": p.title, "status": p.status.value,
                 "version": p.version} for p in plans_overview(s)]
    database.close()
    _print_json(rows)
    return 0


def _export_plan(args, db: str | None) -> int:
    from core.export_docx import export_docx
    from core.layout import build_layout
    from core.models import Plan
    from core.settings import load_settings

    database = open_db(db)
    with database.session() as s:
        plan = s.get(Plan, args.plan)
        settings = load_settings(s)
        if plan is None or settings is None:
            print(f"Lỗi: không có kế hoạch số {args.plan} trong tệp dữ liệu {database.path}.", file=sys.stderr)
            return 1
        layout = build_layout(plan, settings)
    database.close()
    if not (args.docx or args.pdf):
        print("Lỗi: hãy cho biết tệp cần ghi: --docx TỆP.docx và/hoặc --pdf TỆP.pdf.", file=sys.stderr)
        return 1
    try:
        if args.docx:
            export_docx(layout, args.docx)
        if args.pdf:
            args.write_pdf(layout, args.pdf)
    except OSError as exc:
        print(f"Lỗi: không ghi được tệp «{exc.filename}» ({exc.strerror or exc}). "
              "Thư mục có tồn tại không, tệp có đang mở trong chương trình khác không?", file=sys.stderr)
        return 1
    return 0


def _export_nominations(args, db: str | None) -> int:
    from core.nominations import ListFilter
    from core.operations.nominations import export_nominations, matching_ids, rows
    from core.terms import NominationStatus

    statuses = {s.value: s for s in NominationStatus}
    if args.status and args.status not in statuses:
        print(f"Lỗi: trạng thái phải là một trong {', '.join(statuses)}.", file=sys.stderr)
        return 1
    database = open_db(db)
    try:  # the Khen thưởng tab's operation: the same list, signed the same way
        passing = matching_ids(database, ListFilter(year=args.year, status=statuses.get(args.status)))
        ids = sorted(passing) if passing is not None else [row.id for row in rows(database)]
        count = export_nominations(database, ids, args.year, args.xlsx)
    except ValueError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"Lỗi: không ghi được tệp «{args.xlsx}» ({exc.strerror or exc}).", file=sys.stderr)
        return 1
    finally:
        database.close()
    print(f"Đã xuất {count} đề nghị khen thưởng ra {args.xlsx}")
    return 0


def _import_nominations(args, db: str | None) -> int:
    import datetime as dt

    from core.operations.nominations import import_nominations

    database = open_db(db)
    today = dt.date.today()
    try:
        report = import_nominations(database, args.xlsx, args.year or today.year, today, write=True)
    except ValueError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1
    except FileNotFoundError:
        print(f"Lỗi: không tìm thấy tệp «{args.xlsx}».", file=sys.stderr)
        return 1
    except OSError:
        print(f"Lỗi: không đọc được tệp «{args.xlsx}»; tệp có đang mở trong chương trình khác không?", file=sys.stderr)
        return 1
    finally:
        database.close()
    _print_json({"added": len(report.new), **report.as_dict()})
    return 0


def _award_documents(args, db: str | None) -> int:
    from core.operations.season import SeasonError, write_documents
    from core.season_docs import TemplateError

    database = open_db(db)
    try:
        written = write_documents(database, args.year, Path(args.out),
                                  certificates_pdf=getattr(args, "write_certificates", None))
    except (SeasonError, TemplateError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"Lỗi: không ghi được tệp «{exc.filename}» ({exc.strerror or exc}). "
              "Thư mục có ghi được không, tệp có đang mở trong Word không?", file=sys.stderr)
        return 1
    finally:
        database.close()
    _print_json([w.as_dict() for w in written])
    return 0


COMMANDS = {
    "demo-data": _demo_data,
    "extract-targets": _extract_targets,
    "list-plans": _list_plans,
    "export-plan": _export_plan,
    "export-nominations": _export_nominations,
    "import-nominations": _import_nominations,
    "award-documents": _award_documents,
}


def run(name: str, args, db: str | None) -> int:
    """Run the sub-command ``name``; a :class:`DatabaseError` becomes one line on stderr and exit code 2."""
    try:
        return COMMANDS[name](args, db)
    except DatabaseError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
