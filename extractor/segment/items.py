"""Bullet items and text blocks from a section's paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable

from extractor.layout import Paragraph
from extractor.segment.runs import TextRun, continues

__all__ = ["bullet_items", "text_runs"]

_COMPLETE = re.compile(r"[.!?][\"'’”)\]]*\s*$")  # a whole sentence ends here


def bullet_items(
    paragraphs: Iterable[Paragraph], *, words_before_a_figure: frozenset[str],
    lists_only: bool = False,
) -> list[TextRun]:
    """One run per top-level item, a paragraph that a page break cut off joined to what it
    continues. Deeper bullets under an item that is a whole sentence are its details (kept apart
    from its text; "Caseloads are high." / "(a) in the east"); under an item that introduces them
    ("Ofsted reiterated:") they are its text.

    A plain paragraph after a bullet item that does not continue its sentence is a paragraph
    more of that item: its details (an unbulleted second paragraph of a list entry). Without
    any bullet in the section every paragraph is an item, and a plain line ending with a colon
    before the first item introduces the list. With ``lists_only`` (plan
    items of an area cell) paragraphs that are neither list entries nor continuations are
    dropped when the cell has a list (an introductory line is not a plan item).
    """
    paragraphs = [p for p in paragraphs if p.text]
    levels = [p.level for p in paragraphs if p.kind == "bullet"]
    top = min(levels, default=0)
    items: list[TextRun] = []
    folds: dict[int, bool] = {}  # per item: are its sub-points part of its text?
    for paragraph in paragraphs:
        last = items[-1] if items else None
        if paragraph.kind == "bullet" and paragraph.level > top and last is not None:
            # sub-points after a whole sentence are details; after "reiterated:" its content
            if folds.setdefault(id(last), not _COMPLETE.search(last.parts[-1].text)):
                last.parts.append(paragraph)
            else:
                last.details.append(paragraph)
        elif paragraph.kind == "bullet":
            items.append(TextRun([paragraph]))
        elif last is not None and continues(
            (last.details or last.parts)[-1].text, paragraph.text,
            words_before_a_figure=words_before_a_figure,
        ):
            (last.details or last.parts).append(paragraph)
        elif levels and last is not None and last.parts[0].kind == "bullet" and not lists_only:
            last.details.append(paragraph)  # a paragraph more of the item above, unbulleted
        elif levels and last is None and paragraph.text.rstrip().endswith(":"):
            continue  # the line introducing the list: "What has gone well this period:"
        elif not (lists_only and levels):
            items.append(TextRun([paragraph]))
    return items


def text_runs(
    paragraphs: Iterable[Paragraph], *, words_before_a_figure: frozenset[str]
) -> list[TextRun]:
    """Paragraphs as runs, a paragraph that a page break cut in two joined again (a list item
    starts a run of its own, whatever case it starts in)."""
    runs: list[TextRun] = []
    for paragraph in paragraphs:
        if not paragraph.text:
            continue
        if runs and paragraph.kind != "bullet" and continues(
            runs[-1].parts[-1].text, paragraph.text, words_before_a_figure=words_before_a_figure
        ):
            runs[-1].add(paragraph)
        else:
            runs.append(TextRun([paragraph]))
    return runs
