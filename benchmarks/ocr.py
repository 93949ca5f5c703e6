"""Compare OCR engines on the degraded scans that ``benchmarks/make_scans.py`` made (see docs/OCR.md).

    .venv/bin/python benchmarks/ocr.py [--scans /tmp/thidua-xa-scans] [--engines tesseract rapidocr asterocr]
                                       [--only 002 101] [--pages 3]

For each scan and engine: the character error rate against the rendered text (whitespace folded; edits over
reference characters, summed over pages), how many words with stacked marks (ộ ủ ự ề …) come through, the
seconds per page, wall and CPU (cleaning and recognition; rendering the PDF page aside; the machine's load
average is printed, as other work slows the wall clock) and the micro F1 of the target
extraction on the recognised text, next to the F1 of the text version of the same document (../shared/eval).
Every engine gets the same page, rendered at ``core.ocr.OCR_DPI`` and cleaned by ``core.ocr`` (coloured ink
dropped, sideways pages turned); its lines then go through the product's reading and extraction unchanged.
The "+restore" rows pass each recognised line through the extractor's diacritic repair first.

``rapidocr`` (PP-OCRv6 small, multilingual, in the wheel) and ``asterocr`` (a Vietnamese line recogniser, here
behind RapidOCR's detector) are only needed to compare: ``pip install rapidocr onnxruntime asterocr``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdfium2  # noqa: E402
from PIL import Image  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from core import ocr  # noqa: E402
from core.extraction import extract_targets  # noqa: E402
from core.extraction.repair import restore  # noqa: E402
from core.reading import read_document  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
STACKED = re.compile("[ấầẩẫậắằẳẵặếềểễệốồổỗộớờởỡợứừửữựẤẦẨẪẬẮẰẲẴẶẾỀỂỄỆỐỒỔỖỘỚỜỞỠỢỨỪỬỮỰ]")
_spec = importlib.util.spec_from_file_location("score_targets", ROOT.parent / "shared" / "tools" / "score_targets.py")
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)  # type: ignore[union-attr]


def tesseract() -> Callable[[Image.Image], list[list[str]]]:
    """The product's engine: core.ocr's page reading (Tesseract 5, vie tessdata_fast)."""
    api = ocr._engine()
    return lambda page: ocr._read_page(api, page).paragraphs


def tesseract_script() -> Callable[[Image.Image], list[str]]:
    """The same, with Tesseract's "Vietnamese" script model (Debian's tesseract-ocr-script-viet, 1.6 MB) instead of
    the "vie" language model."""
    import tesserocr

    folder = Path("/usr/share/tesseract-ocr/5/tessdata")
    api = tesserocr.PyTessBaseAPI(path=str(folder), lang="Vietnamese", oem=tesserocr.OEM.LSTM_ONLY)
    api.SetVariable("thresholding_method", "2")
    api.SetVariable("user_defined_dpi", str(ocr.OCR_DPI))
    return lambda page: ocr._read_page(api, page).paragraphs


def rapidocr() -> Callable[[Image.Image], list[list[str]]]:
    """RapidOCR 3 with the PP-OCRv6 small detector and multilingual recogniser its wheel ships."""
    import numpy
    from rapidocr import RapidOCR

    engine = RapidOCR(params={"Global.log_level": "warning"})

    def read(page: Image.Image) -> list[list[str]]:
        result = engine(numpy.array(ocr.straighten(ocr.ink(page)).convert("RGB")))
        return [list(result.txts or ())]  # lines only: the page as one paragraph

    return read


def asterocr() -> Callable[[Image.Image], list[list[str]]]:
    """AsterOCR's Vietnamese line recogniser (model in its wheel) on the lines RapidOCR's detector finds."""
    import numpy
    from asterocr import AsterOCR
    from rapidocr import RapidOCR

    detector = RapidOCR(params={"Global.log_level": "warning", "Global.use_rec": False, "Global.use_cls": False})
    recogniser = AsterOCR(enable_telemetry=False)

    def read(page: Image.Image) -> list[list[str]]:
        grey = ocr.straighten(ocr.ink(page)).convert("RGB")
        boxes = detector(numpy.array(grey)).boxes
        lines = []
        for box in sorted(boxes if boxes is not None else [], key=lambda b: (round(b[0][1] / 20), b[0][0])):
            xs, ys = [p[0] for p in box], [p[1] for p in box]
            lines.append(recogniser.predict(grey.crop((min(xs), min(ys), max(xs), max(ys)))))
        return [lines]  # lines only: the page as one paragraph

    return read


ENGINES = {"tesseract": tesseract, "tesseract-script": tesseract_script, "rapidocr": rapidocr, "asterocr": asterocr}


def folded_space(text: str) -> str:
    return " ".join(text.split())


def page_text(paragraphs: list) -> str:
    """A recognised page's text in reading order, a table row by row and cell by cell (as the reference text of
    a printed table runs)."""
    return " ".join(" ".join(" ".join(cells) for cells in p.rows) if isinstance(p, ocr.Table) else " ".join(p)
                    for p in paragraphs)


def f1_counts(targets, gold) -> tuple[int, int, int]:
    """(matched, predicted, gold) with the scorer's matching (../shared/tools/score_targets.py)."""
    used: set[int] = set()
    for g in gold:
        for i, p in enumerate(targets):
            if i not in used and score.match(p, g):
                used.add(i)
                break
    return len(used), len(targets), len(gold)


def f1(counts: list[tuple[int, int, int]]) -> float:
    tp, pred, gold = (sum(c[i] for c in counts) for i in range(3))
    precision, recall = (tp / pred if pred else 0.0), (tp / gold if gold else 0.0)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def extract_from_pages(scan: Path, pages: list[list[list[str]]]) -> list[dict]:
    """Targets of ``scan`` read through core.reading with the given recognised pages."""
    recognised = [ocr.RecognisedPage(paragraphs, 90 if paragraphs else 0) for paragraphs in pages]
    with mock.patch("core.ocr.recognise", return_value=recognised):
        document = read_document(scan)
    return [t.as_dict() for t in extract_targets(document)]


def text_version(name: str) -> Path | None:
    stem, _, kind = name.rpartition("-")
    path = EVAL / f"{stem}.{kind}"
    return path if path.exists() else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=Path, default=Path(tempfile.gettempdir()) / "thidua-xa-scans")
    parser.add_argument("--engines", nargs="*", default=["tesseract"], choices=list(ENGINES))
    parser.add_argument("--only", nargs="*", help="scan name prefixes (default: all)")
    parser.add_argument("--pages", type=int, help="read only the first N pages of each scan (F1 then skipped)")
    parser.add_argument("--json", type=Path, help="also write the per-document results here")
    parser.add_argument("--skip", nargs="*", default=[], help="scan name prefixes to leave out")
    args = parser.parse_args()
    scans = sorted(p for p in args.scans.glob("*.pdf") if (not args.only or p.name.startswith(tuple(args.only)))
                   and not p.name.startswith(tuple(args.skip)))
    rows = []
    for engine_name in args.engines:
        read = ENGINES[engine_name]()
        totals: dict[str, list] = {"edits": [0, 0], "edits+restore": [0, 0], "stacked": [0, 0], "seconds": [0.0, 0],
                                   "cpu": [0.0, 0], "f1": [], "f1+restore": [], "f1 text": []}
        for scan in scans:
            ref = json.loads((args.scans / "ref" / f"{scan.stem}.json").read_text(encoding="utf-8"))["pages"]
            pdf = pypdfium2.PdfDocument(str(scan))
            count = min(len(pdf), args.pages or len(pdf))
            pages, seconds, cpu = [], 0.0, 0.0
            for i in range(count):
                page = pdf[i].render(scale=ocr.OCR_DPI / 72).to_pil()
                start, start_cpu = time.perf_counter(), time.process_time()
                pages.append(read(page))
                seconds += time.perf_counter() - start
                cpu += time.process_time() - start_cpu
            pdf.close()
            row = {"engine": engine_name, "scan": scan.stem, "pages": count, "s/page": seconds / count,
                   "cpu s/page": cpu / count}
            restored = [[ocr.Table([[restore(c) for c in cells] for cells in paragraph.rows])
                         if isinstance(paragraph, ocr.Table) else [restore(line) for line in paragraph]
                         for paragraph in p] for p in pages]
            for key, variant in (("edits", pages), ("edits+restore", restored)):
                edits = sum(Levenshtein.distance(folded_space(page_text(p)), folded_space(r))
                            for p, r in zip(variant, ref[:count], strict=True))
                chars = sum(len(folded_space(r)) for r in ref[:count])
                totals[key][0] += edits
                totals[key][1] += chars
                row["CER" if key == "edits" else "CER+restore"] = edits / max(1, chars)
            ref_words = [w for r in ref[:count] for w in r.split() if STACKED.search(w)]
            got = {w for p in pages for w in page_text(p).split()}
            totals["stacked"][0] += sum(w in got for w in ref_words)
            totals["stacked"][1] += len(ref_words)
            totals["seconds"][0] += seconds
            totals["seconds"][1] += count
            totals["cpu"][0] += cpu
            gold_path = args.scans / f"{scan.stem}.gold.json"
            if gold_path.exists() and not args.pages:
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
                for key, variant in (("f1", pages), ("f1+restore", restored)):
                    counts = f1_counts(extract_from_pages(scan, variant), gold)
                    totals[key].append(counts)
                    row[key] = f1([counts])
                    row[key.replace(" ", "_") + "_counts"] = "/".join(map(str, counts))
                source = text_version(scan.stem)
                if source is not None:
                    counts = f1_counts([t.as_dict() for t in extract_targets(read_document(source))], gold)
                    totals["f1 text"].append(counts)
                    row["f1 text"] = f1([counts])
                    row["f1_text_counts"] = "/".join(map(str, counts))
            rows.append(row)
            print(" ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in row.items()), flush=True)
        print(f"== {engine_name}: CER {totals['edits'][0] / max(1, totals['edits'][1]):.4f} "
              f"(+restore {totals['edits+restore'][0] / max(1, totals['edits+restore'][1]):.4f}), "
              f"stacked-mark words {totals['stacked'][0]}/{totals['stacked'][1]}, "
              f"{totals['seconds'][0] / max(1, totals['seconds'][1]):.2f} s/page "
              f"({totals['cpu'][0] / max(1, totals['seconds'][1]):.2f} s of CPU) over {totals['seconds'][1]} pages, "
              f"load {os.getloadavg()[0]:.1f}"
              + (f", extraction micro F1 {f1(totals['f1']):.3f} (+restore {f1(totals['f1+restore']):.3f}) "
                 f"vs text {f1(totals['f1 text']):.3f}" if totals["f1"] else ""), flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
