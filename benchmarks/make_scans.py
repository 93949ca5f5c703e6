"""Make degraded scans of the development documents, the way superior plans reach a commune.

    .venv/bin/python benchmarks/make_scans.py [--out /tmp/thidua-xa-scans] [--only 002] [--pages 2]

Every ``../shared/eval`` document (.docx and .pdf as they are; .txt set in Times New Roman 13 pt as a .docx) is
turned into a PDF by LibreOffice (``soffice`` on PATH), each page rendered at 150–300 dpi, turned 0.5–2° (every
fifth document has a page upside down), laid on a grey, uneven paper, blurred, given noise, a red stamp-like
circle over the text and JPEG artefacts, and the pages wrapped as an image-only PDF ``NAME.pdf`` (no text layer).
Beside it: ``NAME.gold.json`` (copied) and ``ref/NAME.json``, the text of each page taken from the rendered PDF,
for the character error rate. The choices are drawn from a seed per document, so a run is repeatable.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
import pypdfium2
from docx.shared import Pt
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.reading import clean  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
FONT = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf"


def text_as_docx(source: Path, target: Path) -> None:
    """A .txt development document set as an administrative page: Times New Roman 13 pt, one paragraph a line,
    its Markdown/HTML markup dropped as reading drops it (a printed page has none)."""
    document = docx.Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    for line in source.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(clean(line))
    document.save(target)


def to_pdf(sources: list[Path], folder: Path) -> None:
    """Convert .docx files to PDF in ``folder`` with one LibreOffice run."""
    if sources:
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), *map(str, sources)],
                       check=True, capture_output=True, timeout=600)


def stamp(page: Image.Image, rnd: random.Random, dpi: int) -> None:
    """Draw a red seal (two rings and a star, 4 cm across) over the text, blended as ink is (multiply)."""
    size = int(dpi * 4 / 2.54)
    seal = Image.new("RGB", (size, size), "white")
    draw = ImageDraw.Draw(seal)
    red = (205, 40, 45)
    width = max(3, dpi // 40)
    draw.ellipse((0, 0, size - 1, size - 1), outline=red, width=width)
    inner = size // 7
    draw.ellipse((inner, inner, size - inner, size - inner), outline=red, width=max(2, width // 2))
    font = ImageFont.truetype(FONT, size // 9)
    draw.text((size // 2, size // 2), "ỦY BAN NHÂN DÂN", fill=red, font=font, anchor="mm")
    draw.text((size // 2, size // 2 + size // 7), "★", fill=red, font=font, anchor="mm")
    seal = seal.rotate(rnd.uniform(-30, 30), fillcolor="white")
    x = rnd.randint(page.width // 3, page.width - size - page.width // 10)
    y = rnd.randint(page.height // 5, page.height * 3 // 4)
    region = page.crop((x, y, x + size, y + size))
    page.paste(ImageChops.multiply(region, seal), (x, y))


def degrade(page: Image.Image, rnd: random.Random, dpi: int, upside_down: bool) -> Image.Image:
    """A clean page rendering made to look scanned (see the module docstring)."""
    page = page.convert("RGB")
    stamp(page, rnd, dpi)
    grey = rnd.randint(175, 215)
    paper = Image.linear_gradient("L").resize(page.size).point(lambda v: grey + v * (245 - grey) // 255)
    page = ImageChops.multiply(page, Image.merge("RGB", [paper] * 3))
    angle = rnd.uniform(0.5, 2.0) * rnd.choice((-1, 1)) + (180 if upside_down else 0)
    page = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=(grey, grey, grey))
    page = page.filter(ImageFilter.GaussianBlur(rnd.uniform(0.3, 0.9) * dpi / 200))
    noise = Image.effect_noise(page.size, rnd.uniform(6, 14))  # grey noise around 128
    page = ImageChops.subtract(page, Image.merge("RGB", [noise] * 3), offset=128)
    return page


def scan(pdf: Path, name: str, out: Path, pages: int | None, dpi: int | None = None) -> None:
    """Write ``out/NAME.pdf`` (the degraded image-only scan of ``pdf``) and ``out/ref/NAME.json``."""
    rnd = random.Random(name)
    dpi = dpi or rnd.choice((150, 200, 200, 250, 300))
    rendered = pypdfium2.PdfDocument(str(pdf))
    count = min(len(rendered), pages or len(rendered))
    upside = rnd.randrange(count) if rnd.random() < 0.2 else -1
    images, texts = [], []
    for i in range(count):
        page = rendered[i]
        texts.append(page.get_textpage().get_text_range())
        images.append(degrade(page.render(scale=dpi / 72).to_pil(), rnd, dpi, i == upside))
    images[0].save(out / f"{name}.pdf", "PDF", resolution=dpi, save_all=True, append_images=images[1:],
                   quality=rnd.randint(30, 60))  # JPEG artefacts: the PDF holds each page as a JPEG
    (out / "ref").mkdir(exist_ok=True)
    (out / "ref" / f"{name}.json").write_text(json.dumps({"dpi": dpi, "pages": texts}, ensure_ascii=False, indent=1),
                                          encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "thidua-xa-scans")
    parser.add_argument("--only", nargs="*", help="name prefixes to make (default: all)")
    parser.add_argument("--pages", type=int, help="keep only the first N pages")
    parser.add_argument("--dpi", type=int, help="one resolution for all (default: 150–300, drawn per document)")
    parser.add_argument("--source", type=Path, default=EVAL, help="folder of documents and .gold.json files")
    args = parser.parse_args()
    if not shutil.which("soffice"):
        print("soffice (LibreOffice) is needed on PATH", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    documents = sorted(p for p in args.source.iterdir() if p.suffix in (".docx", ".pdf", ".txt")
                       and (not args.only or p.name.startswith(tuple(args.only))))
    with tempfile.TemporaryDirectory() as work_dir:
        work = Path(work_dir)
        to_convert, pdfs = [], {}
        for source in documents:
            name = f"{source.stem}-{source.suffix[1:]}"
            if source.suffix == ".pdf":
                pdfs[name] = source
                continue
            if source.suffix == ".txt":
                text_as_docx(source, work / f"{name}.docx")
                to_convert.append(work / f"{name}.docx")
            else:
                shutil.copy(source, work / f"{name}.docx")
                to_convert.append(work / f"{name}.docx")
            pdfs[name] = work / f"{name}.pdf"
        to_convert and to_pdf(to_convert, work)
        for name, pdf in pdfs.items():
            scan(pdf, name, args.out, args.pages, args.dpi)
            gold = args.source / f"{name.rsplit('-', 1)[0]}.gold.json"
            if gold.exists():
                shutil.copyfile(gold, args.out / f"{name}.gold.json")
            print(name, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
