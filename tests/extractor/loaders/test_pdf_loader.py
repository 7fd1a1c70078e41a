"""load_pdf on Word documents exported by LibreOffice, checked against the DOCX they came from.

The expected structure is read from each DOCX with python-docx (tests/fixtures/pdf/docx_truth.py),
so the checks hold for any report exported this way: the fixtures made by
tests/fixtures/pdf/make_fixtures.py and the sample archive's reports where present.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from extractor.layout import Layout, Paragraph, TableRow
from extractor.loaders.pdf import load_pdf
from tests.fixtures.pdf.docx_truth import (
    TruthParagraph,
    TruthTable,
    read_truth,
    running_texts,
)

REPO = Path(__file__).resolve().parents[3]
FIXTURES = REPO / "tests" / "fixtures" / "pdf"
SAMPLE_PDFS = sorted((REPO / "corpus" / "samples").rglob("*.pdf"))
MADE = [FIXTURES / f"{name}.pdf"
        for name in ("northshire", "eastmoor", "riverbridge", "brackenmoor")]
WITH_DOCX = MADE + [p for p in SAMPLE_PDFS if p.with_suffix(".docx").exists()]
EVERY = MADE + [FIXTURES / "westvale.pdf"] + SAMPLE_PDFS


def _id(path: Path) -> str:
    return path.stem


@cache
def loaded(path: Path) -> Layout:
    return load_pdf(path)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _mismatches(layout: Layout, truth: list[TruthParagraph | TruthTable]) -> list[str]:
    """Every place where the PDF's blocks differ from the DOCX's paragraphs and tables."""
    problems: list[str] = []
    blocks = list(layout.blocks)
    i = 0
    for item in truth:
        if isinstance(item, TruthParagraph):
            block = blocks[i] if i < len(blocks) else None
            if not isinstance(block, Paragraph) or _norm(block.text) != item.text:
                problems.append(f"paragraph {item.text[:60]!r} != {block!r:.120}")
            elif (block.kind == "bullet") != item.bullet or block.level != item.level:
                problems.append(f"bullet/level of {item.text[:40]!r}: {block.kind} {block.level}")
            i += 1
            continue
        rows = blocks[i:i + len(item.rows)]
        i += len(item.rows)
        if not all(isinstance(r, TableRow) for r in rows) or len(rows) != len(item.rows):
            problems.append(f"table of {len(item.rows)} rows != {[type(r) for r in rows]}")
            continue
        if len({r.table for r in rows if isinstance(r, TableRow)}) != 1:
            problems.append("one DOCX table became several tables")
        for row, cells, fills in zip(rows, item.rows, item.fills, strict=True):
            assert isinstance(row, TableRow)
            if len(row.cells) != len(cells):
                problems.append(f"{len(row.cells)} cells != {len(cells)}")
                continue
            for cell, paragraphs, fill in zip(row.cells, cells, fills, strict=True):
                got = [_norm(p.text) for p in cell.paragraphs]
                want = [p.text for p in paragraphs]
                if got != want:
                    problems.append(f"cell {want[:2]!r} != {got[:2]!r} ({len(want)}/{len(got)})")
                elif [p.level for p in cell.paragraphs] != [p.level for p in paragraphs]:
                    problems.append(f"cell levels of {want[:1]!r}")
                if cell.fill != fill:
                    problems.append(f"fill {cell.fill} != {fill}")
    if i != len(blocks):
        problems.append(f"{len(blocks) - i} extra blocks at the end")
    return problems


@pytest.mark.parametrize("path", WITH_DOCX, ids=_id)
def test_blocks_match_the_docx_they_were_exported_from(path: Path) -> None:
    assert _mismatches(loaded(path), read_truth(path.with_suffix(".docx"))) == []


@pytest.mark.parametrize("path", EVERY, ids=_id)
def test_every_paragraph_indexes_the_plain_text(path: Path) -> None:
    layout = loaded(path)
    assert layout.format == "pdf" and layout.pages and layout.pages >= 1
    for paragraph in layout.paragraphs():
        assert layout.text[paragraph.start:paragraph.end] == paragraph.text
        assert paragraph.page is not None and 1 <= paragraph.page <= layout.pages
        assert paragraph.text == paragraph.text.strip() and paragraph.text


@pytest.mark.parametrize("path", EVERY, ids=_id)
def test_pages_run_in_order(path: Path) -> None:
    layout = loaded(path)
    starts = [b.page or 0 for b in layout.blocks]
    assert starts == sorted(starts)
    for block in layout.blocks:
        if isinstance(block, TableRow):
            assert (block.page or 0) <= min((p.page or 0 for p in block.paragraphs), default=99)
            for cell in block.cells:
                pages = [p.page or 0 for p in cell.paragraphs]
                assert pages == sorted(pages)


@pytest.mark.parametrize("path", WITH_DOCX, ids=_id)
def test_running_headers_footers_and_page_numbers_are_dropped(path: Path) -> None:
    """Dropped everywhere but the first page's header, which is read as the DOCX's is."""
    layout = loaded(path)
    later = layout.text[len(layout.blocks[0].text):] if layout.blocks else ""
    for text in running_texts(path.with_suffix(".docx")):
        words = re.sub(r"\d+", "", text).strip()
        if len(words) > 8:
            assert words not in later
    page_number = re.compile(r"(page\s*)?\d+(\s*of\s*\d+)?", re.IGNORECASE)
    assert not [p.text for p in layout.paragraphs() if page_number.fullmatch(p.text)]


def test_rows_cut_by_one_and_two_page_breaks_are_one_row_each() -> None:
    layout = loaded(FIXTURES / "northshire.pdf")
    spans = []
    for block in layout.blocks:
        if isinstance(block, TableRow):
            pages = [p.page or 0 for p in block.paragraphs]
            spans.append(max(pages) - min(pages) if pages else 0)
    assert max(spans) >= 2 and 1 in spans


def test_a_rating_cell_can_hold_only_a_colour() -> None:
    layout = loaded(FIXTURES / "northshire.pdf")
    empty = [c for b in layout.blocks if isinstance(b, TableRow) for c in b.cells
             if not c.paragraphs]
    assert empty and all(c.fill for c in empty)


def test_bold_capitals_become_headings_and_centred_text_is_marked() -> None:
    layout = loaded(FIXTURES / "northshire.pdf")
    title = layout.blocks[1]  # after the first page's running header
    assert isinstance(title, Paragraph) and title.kind == "heading" and title.centered
    ratings = [b.cells[1].paragraphs[0] for b in layout.blocks
               if isinstance(b, TableRow) and len(b.cells) == 3 and b.cells[1].fill
               and b.cells[1].paragraphs]
    assert ratings and all(p.centered and p.bold for p in ratings)
    body = [b for b in layout.blocks if isinstance(b, Paragraph) and b.kind == "paragraph"]
    assert body and not any(p.centered for p in body)


def test_bullet_markers_are_stripped_and_recorded() -> None:
    markers = {p.marker for p in loaded(FIXTURES / "northshire.pdf").paragraphs()
               if p.kind == "bullet"}
    assert "•" in markers and {"1.", "a."} <= markers
    eastmoor = {p.marker for p in loaded(FIXTURES / "eastmoor.pdf").paragraphs()
                if p.kind == "bullet"}
    assert {"-", "1.", "(i)"} <= eastmoor


def test_a_word_style_export_matches_its_spec() -> None:
    """Thin-rect borders, gray/CMYK/RGB shading, words placed without space glyphs, Symbol
    bullets, and a summary paragraph cut mid-sentence by a page break (make_wordlike.py)."""
    spec = json.loads((FIXTURES / "westvale.json").read_text())
    layout = loaded(FIXTURES / "westvale.pdf")
    body = [b for b in layout.blocks if isinstance(b, Paragraph)][1:]  # after the page header
    rows = [b for b in layout.blocks if isinstance(b, TableRow)]
    assert layout.blocks[0].text == "OFFICIAL"
    assert body[0].text == spec["title"] and body[0].centered and body[0].kind == "heading"
    bullets = [[p.marker, p.level, p.text] for p in body if p.kind == "bullet"]
    assert bullets == spec["risks"]
    header, table = rows[:len(spec["header"])], rows[len(spec["header"]):]
    assert [[c.text for c in r.cells] for r in header] == spec["header"]
    assert all(r.cells[0].fill == "#D9D9D9" and r.cells[1].fill is None for r in header)
    assert len({r.table for r in table}) == 1 and len(table) == len(spec["table"])
    for row, expected in zip(table, spec["table"], strict=True):
        assert [c.fill for c in row.cells] == expected["fills"]
        got = [[[p.marker, p.level, p.text] for p in c.paragraphs] for c in row.cells]
        assert got == expected["cells"]
    assert "OFFICIAL" not in layout.text[len("OFFICIAL"):] and "page 1" not in layout.text


def test_merged_cells_appear_once() -> None:
    """Cells merged down or across are one cell, in the first row they cover (the exact cells
    are checked against the DOCX above)."""
    truth = [t for t in read_truth(FIXTURES / "eastmoor.docx") if isinstance(t, TruthTable)]
    merged = [t for t in truth if len({len(r) for r in t.rows}) > 1]
    assert merged, "the fixture has a table with merged cells"
    layout = loaded(FIXTURES / "eastmoor.pdf")
    counts: dict[int, set[int]] = {}
    for block in layout.blocks:
        if isinstance(block, TableRow):
            counts.setdefault(block.table, set()).add(len(block.cells))
    assert any(len(found) > 1 for found in counts.values())
