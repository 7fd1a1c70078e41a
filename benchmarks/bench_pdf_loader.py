"""Time load_pdf against pdfplumber's bare ``page.extract_text()`` over the same PDFs.

    python -m benchmarks.bench_pdf_loader [--repeat N] [--memory] [PDF ...]

With no PDF given, times the loader fixtures and every PDF of the sample archive. Each side is
run once to warm up, then ``--repeat`` times; the table shows medians per document and per
page and the ratio load_pdf / extract_text (target: at most 1.0). ``--memory`` also reports
the peak memory of one load_pdf of the longest document (tracemalloc), to check that pages are
released as the loader goes.
"""

from __future__ import annotations

import argparse
import tracemalloc
from functools import partial
from pathlib import Path

import pdfplumber

from benchmarks.timing import median_seconds
from extractor.loaders.pdf import load_pdf

REPO = Path(__file__).resolve().parent.parent
BROKEN = {"encrypted.pdf", "truncated.pdf", "scanned.pdf", "unmapped.pdf"}  # error fixtures
DEFAULT = sorted((REPO / "tests" / "fixtures" / "pdf").glob("*.pdf")) + sorted(
    (REPO / "corpus" / "samples").rglob("*.pdf")
)


def bare_extract_text(path: Path) -> None:
    """The baseline: open the PDF and extract every page's text with pdfplumber."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()


def _pages(path: Path) -> int:
    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def _peak_mib(path: Path) -> float:
    tracemalloc.start()
    load_pdf(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    """Print a markdown table of medians and ratios, one row per PDF plus a total."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--memory", action="store_true")
    args = parser.parse_args()
    paths = args.pdfs or [p for p in DEFAULT if p.name not in BROKEN]
    if not paths:
        raise SystemExit("no PDFs to time")
    print("| PDF | pages | extract_text | load_pdf | per page (text / load) | ratio |")
    print("|---|---:|---:|---:|---:|---:|")
    total_pages, total_bare, total_load = 0, 0.0, 0.0
    for path in paths:
        pages = _pages(path)
        bare = median_seconds(partial(bare_extract_text, path), args.repeat)
        load = median_seconds(partial(load_pdf, path), args.repeat)
        total_pages, total_bare, total_load = total_pages + pages, total_bare + bare, \
            total_load + load
        print(f"| {path.name} | {pages} | {bare * 1000:.0f} ms | {load * 1000:.0f} ms "
              f"| {bare / pages * 1000:.1f} / {load / pages * 1000:.1f} ms | {load / bare:.2f} |")
    print(f"| **all** | {total_pages} | {total_bare * 1000:.0f} ms | {total_load * 1000:.0f} ms "
          f"| {total_bare / total_pages * 1000:.1f} / {total_load / total_pages * 1000:.1f} ms "
          f"| {total_load / total_bare:.2f} |")
    if args.memory:
        longest = max(paths, key=_pages)
        print(f"\npeak memory of load_pdf({longest.name}, {_pages(longest)} pages): "
              f"{_peak_mib(longest):.1f} MiB")


if __name__ == "__main__":
    main()
