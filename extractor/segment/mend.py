"""Mend what a conversion broke before the walk reads the blocks.

A heading that wrapped onto a second heading line ("... OVER THIS REPORTING PERIOD AND" /
"RISKS TO THEIR IMPROVEMENT") is made one again, and header values that a conversion wrote
before their labels (``pdftotext`` writes a header table's rows value first) are put after them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extractor.fields.labels import read_label_line
from extractor.fields.period import parse_period
from extractor.layout import Paragraph, TableRow
from extractor.template import Template

__all__ = ["Unit", "mend"]

Unit = Paragraph | TableRow


def mend(blocks: Sequence[Unit], template: Template) -> list[Unit]:
    """``blocks`` with wrapped headings joined and header values put after their labels."""
    return _values_first(_join_wrapped_headings(blocks, template), template)


def _join_wrapped_headings(blocks: Sequence[Unit], template: Template) -> list[Unit]:
    joined: list[Unit] = []
    for block in blocks:
        last = joined[-1] if joined else None
        if (isinstance(block, Paragraph) and isinstance(last, Paragraph)
                and last.kind == block.kind == "heading"
                and template.heading_unfinished(last.text)):
            joined[-1] = replace(last, text=f"{last.text} {block.text}", end=block.end)
        else:
            joined.append(block)
    return joined


def _label_name(paragraph: Paragraph, template: Template) -> str | None:
    """The field a line names when it is a label and nothing else ("REPORTING PERIOD")."""
    if read_label_line(paragraph.text, template.match_field_label):
        return None  # it holds its value too
    return template.match_field_label(paragraph.text.strip().rstrip(":\u2013- "))


def _plausible(name: str, value: str) -> bool:
    """Whether ``value`` can be the value of header field ``name`` at all."""
    if name == "period":
        return parse_period(value) is not None
    if name in ("authority", "adviser", "case_lead"):
        return not any(c.isdigit() for c in value)
    return True


def _values_first(blocks: list[Unit], template: Template) -> list[Unit]:
    """Before the first heading, a run of one value line then one label line each, ending with
    a label, is read both ways; it is turned round only when more of its values fit their
    fields that way ("Caldermoor Council" / "LOCAL AUTHORITY" / "October 2022 to January 2023" /
    "REPORTING PERIOD" ...)."""
    head: list[Paragraph] = []
    for block in blocks:
        if not isinstance(block, Paragraph) or (
                template.match_heading(block.text) and _label_name(block, template) is None):
            break
        head.append(block)
    names = [_label_name(paragraph, template) for paragraph in head]
    labels = [i for i, name in enumerate(names) if name is not None]
    if (len(labels) < 2 or labels[0] < 1 or labels[-1] != len(head) - 1
            or labels != list(range(labels[0], len(head), 2))):
        return blocks
    fields = [names[i] or "" for i in labels]
    values = [head[i - 1].text for i in labels]
    before = sum(_plausible(name, value) for name, value in zip(fields, values, strict=True))
    after = sum(_plausible(name, head[i + 1].text) for name, i in zip(fields, labels, strict=True)
                if i + 1 < len(head))
    if before <= after:
        return blocks
    turned = list(blocks)
    for i in labels:
        turned[i - 1], turned[i] = blocks[i], blocks[i - 1]
    return turned
