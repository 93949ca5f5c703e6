"""Entry point: no argument starts the window; a sub-command runs headless.

    python main.py                       # the application (needs a screen)
    python main.py --version
    python main.py demo-data --db PATH   # a fictional commune for training
    python main.py extract-targets FILE  # targets of a superior plan, as JSON
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from core import APP_NAME, __version__


def _ensure_dependencies() -> None:
    """Re-run inside the project's .venv when started with a Python that lacks the dependencies."""
    import importlib.util

    if importlib.util.find_spec("sqlalchemy") is None:  # found, not imported: commands without a database skip it
        venv = Path(__file__).resolve().parent / ".venv"
        python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        if python.exists() and Path(sys.prefix).resolve() != venv.resolve():
            os.execv(str(python), [str(python), *sys.argv])
        sys.exit("Chưa cài các thư viện cần thiết: hãy chạy lệnh cài đặt ở đầu README.md.")


def build_parser():
    """The command line (an ``argparse.ArgumentParser``): global ``--db`` and ``--version``, one sub-parser per
    headless command."""
    import argparse

    parser = argparse.ArgumentParser(description=APP_NAME)  # prog: main.py, or thidua-xa-cli when frozen
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--db", help="tệp dữ liệu SQLite (mặc định: thư mục dữ liệu của người dùng, hoặc $THIDUA_DB)")
    parser.add_argument("--self-test", action="store_true", help="mở cửa sổ rồi thoát ngay (kiểm tra bản cài đặt)")
    sub = parser.add_subparsers(dest="command")
    demo = sub.add_parser("demo-data", help="tạo dữ liệu mẫu của một xã giả định (vào một tệp mới)")
    demo.add_argument("--db", dest="sub_db", help="tệp dữ liệu mẫu cần tạo")
    demo.add_argument("--force", action="store_true", help="ghi cả vào tệp đã có dữ liệu của một xã")
    extract = sub.add_parser("extract-targets", help="trích các chỉ tiêu từ kế hoạch cấp trên, in ra JSON")
    extract.add_argument("file")
    extract.add_argument("--all", action="store_true", help="in cả các câu có thể là chỉ tiêu (độ tin cậy thấp)")
    listing = sub.add_parser("list-plans", help="liệt kê các kế hoạch (JSON)")
    listing.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    export = sub.add_parser("export-plan", help="xuất một kế hoạch ra .docx (và .pdf)")
    export.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    export.add_argument("--plan", type=int, required=True, help="mã kế hoạch (xem list-plans)")
    export.add_argument("--docx", help="tệp .docx cần ghi")
    export.add_argument("--pdf", help="tệp .pdf cần ghi")
    nominations_out = sub.add_parser("export-nominations", help="xuất danh sách đề nghị khen thưởng ra .xlsx")
    nominations_out.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    nominations_out.add_argument("--xlsx", required=True, help="tệp .xlsx cần ghi")
    nominations_out.add_argument("--year", type=int, help="chỉ năm này")
    nominations_out.add_argument("--status", help="chỉ trạng thái này: draft, submitted, granted, refused")
    nominations_in = sub.add_parser("import-nominations", help="nhập danh sách đề nghị khen thưởng từ .xlsx (in JSON)")
    nominations_in.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    nominations_in.add_argument("--xlsx", required=True, help="tệp .xlsx cần đọc")
    nominations_in.add_argument("--year", type=int, help="năm xét khen thưởng (mặc định: năm nay)")
    season = sub.add_parser("award-documents", help="ghi mọi văn bản của mùa khen thưởng một năm (in JSON)")
    season.add_argument("--db", dest="sub_db", help=argparse.SUPPRESS)
    season.add_argument("--year", type=int, required=True, help="năm xét khen thưởng")
    season.add_argument("--out", required=True, help="thư mục ghi các văn bản")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` and run; returns the process exit code."""
    for name in ("stdout", "stderr"):  # the windowed Windows build has no console: print into nothing
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (open for the whole run)
    if (sys.argv[1:] if argv is None else argv) == ["--version"]:  # answered before anything is imported
        print(f"{APP_NAME} {__version__}")
        return 0
    args = build_parser().parse_args(argv)
    _ensure_dependencies()
    db = getattr(args, "sub_db", None) or args.db
    if args.command is None:
        from ui.app import run_gui

        return run_gui(db, self_test=args.self_test)
    from core import commands

    if args.command == "export-plan" and args.pdf:
        from ui.printing import write_pdf_headless

        args.write_pdf = write_pdf_headless  # PDF pages are painted by Qt, which core/ does not import
    if args.command == "award-documents":
        from ui.certificates import write_pdf_headless as write_certificates

        args.write_certificates = write_certificates  # the Giấy khen PDF, painted by Qt as well
    return commands.run(args.command, args, db)


if __name__ == "__main__":
    sys.exit(main())
