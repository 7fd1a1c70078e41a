"""Time the whole ``extract`` (load, segment, fields, figures) per document and per page.

    python -m benchmarks.bench_extract [--repeat N]

Every sample document, in one process after a warm-up run (imports, the spaCy pipeline), median
of ``--repeat`` runs. For PDFs, pdfplumber's bare ``page.extract_text()`` over the same file is
timed beside it and the ratio extract / extract_text printed (target: at most 1.0); for DOCX the
target is 50 ms a report.
"""

from __future__ import annotations

import argparse
import statistics
from functools import partial
from pathlib import Path

from benchmarks.bench_pdf_loader import bare_extract_text
from benchmarks.timing import median_seconds
from extractor import extract

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    documents = sorted(p for p in SAMPLES.rglob("*")
                       if p.suffix in {".pdf", ".docx", ".txt"} and "sources" not in p.parts)
    print("| document | pages | summary words | extract ms | per page ms | extract_text ms "
          "| ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    ratios = []
    for path in documents:
        report = extract(path)
        pages = report.source.pages if report.source else None
        words = sum(len(a.summary.split()) for a in report.assessments)
        ms = median_seconds(partial(extract, path), args.repeat) * 1000
        bare = ratio = ""
        if path.suffix == ".pdf":
            bare_ms = median_seconds(partial(bare_extract_text, path), args.repeat) * 1000
            ratios.append(ms / bare_ms)
            bare, ratio = f"{bare_ms:.0f}", f"{ms / bare_ms:.2f}"
        per_page = f"{ms / pages:.1f}" if pages else ""
        print(f"| {path.relative_to(SAMPLES)} | {pages or ''} | {words:,} | {ms:.0f} | {per_page} "
              f"| {bare} | {ratio} |")
    if ratios:
        print(f"\nmedian ratio extract / pdfplumber extract_text over the PDFs: "
              f"{statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
