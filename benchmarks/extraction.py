"""Time reading + target extraction: the shared samples, a synthetic 30-page plan and a 100-page report.

    .venv/bin/python benchmarks/extraction.py [--repeat 5]

Prints milliseconds per document and per page (a page is taken as 45 lines of A4 text).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402

from core.extraction import extract_targets  # noqa: E402
from core.reading import read_document  # noqa: E402

LINES_PER_PAGE = 45
PROSE = (
    "Các cấp, các ngành, cơ quan, đơn vị tiếp tục đẩy mạnh phong trào thi đua, phát huy tinh thần đoàn kết, "
    "chủ động, sáng tạo, khắc phục khó khăn, phấn đấu hoàn thành thắng lợi các nhiệm vụ được giao trong năm 2026."
)
ITEMS = [
    "Tổng giá trị sản xuất khoảng {n}.250,5 tỷ đồng;",
    "Tỷ lệ hộ nghèo giảm còn {n},5%;",
    "Giải quyết việc làm cho {n}00 lao động;",
    "Tỷ lệ tham gia bảo hiểm y tế trên 9{n}%;",
    "Công an đạt Đơn vị quyết thắng; Quân sự đạt Vững mạnh toàn diện.",
]


def synthetic_plan(path: Path, pages: int = 30) -> None:
    """A .docx of about ``pages`` pages: prose sections and a 40-item targets list."""
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH phát động phong trào thi đua năm 2026")
    paragraphs = pages * LINES_PER_PAGE * 10 // 21  # a prose paragraph fills about 2.1 lines
    for i in range(paragraphs):
        if i == paragraphs // 2:
            document.add_paragraph("2. Chỉ tiêu thi đua")
            for k in range(40):
                document.add_paragraph(f"- ({k + 1}) " + ITEMS[k % len(ITEMS)].format(n=k % 9 + 1))
            document.add_paragraph("III. TỔ CHỨC THỰC HIỆN")
        document.add_paragraph(f"{i % 7 + 1}. {PROSE}" if i % 5 == 0 else f"- {PROSE}")
    document.save(path)


def synthetic_text(path: Path, pages: int = 100) -> None:
    """A .txt news-style report of about ``pages`` pages: results paragraphs, then targets in prose."""
    results = ("Năm 2025, thu ngân sách trên địa bàn ước thực hiện {n}5,2 tỷ đồng, tăng 8,{n}% so với cùng kỳ; "
               "tỷ lệ hộ nghèo còn 1,{n}%. " + PROSE)
    targets = ("Năm 2026, xã phấn đấu thu ngân sách đạt {n}8 tỷ đồng; tỷ lệ hộ nghèo giảm còn 0,{n}%; "
               "giải quyết việc làm cho {n}20 lao động. " + PROSE)
    paragraphs = pages * LINES_PER_PAGE * 10 // 42  # such a paragraph fills about 4.2 lines
    path.write_text("\n\n".join((results if i % 2 else targets).format(n=i % 9 + 1) for i in range(paragraphs)),
                    encoding="utf-8")


def clear_caches() -> None:
    """Empty the extractor's memo caches, so that every run is measured cold (as on a first import)."""
    from core import extraction

    for module in (extraction.evidence, extraction.fields, extraction.names, extraction.repair, extraction.values):
        for item in vars(module).values():
            if hasattr(item, "cache_clear"):
                item.cache_clear()


def measure(path: Path, repeat: int) -> tuple[float, int, int]:
    """(best milliseconds for read + extract, targets found, pages) over ``repeat`` cold runs."""
    best = float("inf")
    for _ in range(repeat):
        clear_caches()
        start = time.perf_counter()
        doc = read_document(path)
        targets = extract_targets(doc)
        best = min(best, (time.perf_counter() - start) * 1000)
    pages = max(1, round(sum(max(1, len(line.text) // 90) for line in doc.lines) / LINES_PER_PAGE))
    return best, len(targets), pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    files = sorted((ROOT.parent / "shared" / "samples").glob("superior-*"))
    with tempfile.TemporaryDirectory() as tmp:
        synthetic = Path(tmp) / "synthetic-30-pages.docx"
        synthetic_plan(synthetic)
        report = Path(tmp) / "synthetic-100-pages.txt"
        synthetic_text(report)
        print(f"{'document':34} {'targets':>7} {'pages':>5} {'ms/doc':>8} {'ms/page':>8}")
        for path in [*files, synthetic, report]:
            ms, count, pages = measure(path, args.repeat)
            print(f"{path.name:34} {count:7d} {pages:5d} {ms:8.1f} {ms / pages:8.2f}")


if __name__ == "__main__":
    main()
