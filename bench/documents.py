"""Budget documents of a chosen size, for measuring `izumi import`.

- the ward PDF's text, the seed document's policy repeated under new policy numbers (one
  policy is about six pages of the printed document, 20 KB of its text);
- a listing (headings and numbered program rows, as ward web tables print them);
- a PDF of many pages, the two-column example's page repeated;
- prose of the same size with no figure at all, which is refused.
"""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "tests" / "fixtures" / "izumi-fy2021-policy2.txt"
TWO_COLUMNS = REPO / "tests" / "fixtures" / "layouts" / "09-tokiwa-r6-two-column.pdf"
PAGES_PER_POLICY = 12  # 600 pages of this text are about 1 MB, as a ward PDF's text is


def pdf_text(path: Path, pages: int) -> Path:
    """The seed's text repeated until it is about `pages` pages long."""
    seed = SEED.read_text(encoding="utf-8")
    copies = max(1, pages // PAGES_PER_POLICY)
    parts = [re.sub(r"施策２", f"施策{number}", seed, count=1) for number in range(1, copies + 1)]
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path


def listing(path: Path, size: int) -> Path:
    """A listing of pillars of ten programs each, about `size` bytes."""
    lines = ["令和6年度 架空区 事業の一覧（単位：千円）", ""]
    pillar = 0
    while sum(len(line.encode()) + 1 for line in lines) < size:
        pillar += 1
        lines.append(f"{pillar} まちづくりの柱その{pillar}")
        for number in range(1, 11):
            amount = 1000 + (pillar * 37 + number * 11) % 9000
            lines.append(
                f"{number} 地域の取組その{pillar}の{number}事業 {amount:,}  "
                "地域の皆さまとともに、身近な課題の解決に取り組みます。"
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def prose(path: Path, size: int) -> Path:
    """Text without a single figure: a page that must be refused."""
    sentence = "区役所は、地域の皆さまの声をうかがいながら、まちづくりを進めてまいります。\n"
    path.write_text(sentence * max(1, size // len(sentence.encode())), encoding="utf-8")
    return path


def pdf(path: Path, pages: int) -> Path:
    """The two-column example's page, `pages` times."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(TWO_COLUMNS)
    document = pdfium.PdfDocument.new()
    try:
        for _ in range(pages):
            document.import_pages(source)
        document.save(str(path))
    finally:
        document.close()
        source.close()
    return path
