"""Checks every Layout a loader returns must pass, whatever the input."""

from __future__ import annotations

from extractor.layout import Layout, Paragraph, TableRow


def assert_consistent(layout: Layout) -> None:
    """Offsets index the plain text exactly, in order, and no paragraph is empty."""
    previous_end = -1
    for paragraph in layout.paragraphs():
        assert layout.text[paragraph.start : paragraph.end] == paragraph.text
        assert paragraph.text and paragraph.text == paragraph.text.strip()
        assert "\n" not in paragraph.text
        assert paragraph.start > previous_end
        assert paragraph.level >= 0
        previous_end = paragraph.end
    assert len(layout.text) == sum(len(p.text) + 1 for p in layout.paragraphs())


def top_level(layout: Layout) -> list[Paragraph]:
    """The paragraphs outside tables, in order."""
    return [block for block in layout.blocks if isinstance(block, Paragraph)]


def rows(layout: Layout) -> list[TableRow]:
    """The table rows, in order."""
    return [block for block in layout.blocks if isinstance(block, TableRow)]


def row_starting(layout: Layout, words: str) -> TableRow:
    """The first row whose first cell's text starts with ``words`` (case-insensitive)."""
    for row in rows(layout):
        if row.cells and row.cells[0].text.lower().startswith(words.lower()):
            return row
    raise AssertionError(f"no row starts with {words!r}")
