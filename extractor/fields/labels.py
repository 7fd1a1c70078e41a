"""Header lines that state fields: where a label ends and its value starts.

Advisers and converters write a header field as "Label: value", "Label<TAB>value",
"Label – value" / "Label - value" (a spaced dash), or "LABEL     value" (a run of spaces, as
``pdftotext -layout`` writes a header table), sometimes two label/value columns on one line
("ADVISER     Jo Bell     DfE CASE LEAD     Ann Bee"). ``read_label_line`` finds the pairs;
which words are labels is the caller's question (the template's fuzzy label match).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["LabelledValue", "column_spans", "read_bracketed_roles", "read_label_line",
           "read_name_role_line", "text_columns"]

# Between text columns: a tab, two or more spaces (no-break spaces included), or a spaced bar or
# bullet ("Adviser: Jo Bell | DfE case lead: Ann Bee").
_COLUMN_GAP = re.compile(r"\s*\t\s*|\s+[|\u2022\u00b7]\s+|[ \u00a0]{2,}")
# Between a label and its value on a line of one column: a spaced dash or hyphen.
_DASH = re.compile(r"\s+[-\u2013\u2014]{1,2}\s+")
# What may end a label column: "ADVISER:", "Case lead –".
_LABEL_END = " :-\u2013\u2014"
# The most words a field's label has ("DfE case lead", "Date of next update").
_MAX_LABEL_WORDS = 5
# A dash-separated value longer than this is a sentence, not a header value.
_MAX_DASH_VALUE_WORDS = 12


@dataclass(frozen=True)
class LabelledValue:
    """One field a line states: the field's name and the ``[start, end)`` of its value."""

    name: str
    start: int
    end: int


def read_label_line(text: str, label_of: Callable[[str], str | None]) -> list[LabelledValue]:
    """The fields ``text`` states, in order; [] when it is not a label line.

    ``label_of`` names the field a label is (or None). Columns (tab or 2+ spaces) are read as
    label, value, label, value ...; a label column may end with a colon or dash, or a column
    may be a whole "Label: value". A pair whose value column is followed by a column that is no
    label (a wrapped value spilled into the line) is dropped: a wrong value is worse than none.
    A line of one column splits at its first colon, else at its first spaced dash.
    """
    columns = column_spans(text)
    if len(columns) > 1:
        return _from_columns(text, columns, label_of)
    if not columns:
        return []
    return _one_column(text, *columns[0], label_of)


def _one_column(text: str, start: int, end: int, label_of: Callable[[str], str | None]
                ) -> list[LabelledValue]:
    """The pair of a one-column line, and those of any "Label:" after its value, a converter
    having put one space where a tab was ("Adviser: Jo Bell DfE case lead: Ann Bee")."""
    pair = _split(text, start, end, label_of, dash=True)
    if pair is None:
        return []
    inner = _label_inside(text, pair.start, pair.end, label_of)
    if inner is None:
        return [pair]
    rest = _one_column(text, inner, end, label_of)
    if not rest or rest[0].name == pair.name:
        return [pair]
    cut = pair.start + len(text[pair.start:inner].rstrip(" ;,|"))
    return [LabelledValue(pair.name, *_trimmed(text, pair.start, cut)), *rest]


def _label_inside(text: str, start: int, end: int, label_of: Callable[[str], str | None]
                  ) -> int | None:
    """Where a field's label with a colon after it starts inside the value ``text[start:end]``,
    after at least one word of that value; None when there is none."""
    for colon in re.finditer(":", text[start:end]):
        words = list(re.finditer(r"\S+", text[start:start + colon.start()]))
        for size in range(min(_MAX_LABEL_WORDS, len(words) - 1), 0, -1):
            first = words[-size].start()
            if label_of(text[start + first:start + colon.start()]) is not None:
                return start + first
    return None


def read_name_role_line(text: str, label_of: Callable[[str], str | None]
                        ) -> list[LabelledValue]:
    """The people a title-block line names as "Name, Role" ("Jo Bell, DfE Adviser | Ann Bee, DfE
    Case Lead"), the role being a field label: the value is the part before the comma."""
    pairs = []
    for start, end in column_spans(text):
        comma = text.rfind(",", start, end)
        name = label_of(text[comma + 1:end].strip(_LABEL_END)) if comma > start else None
        if name is not None:
            pairs.append(LabelledValue(name, *_trimmed(text, start, comma)))
    return pairs


# "Helen Vasquez-Moore (DfE Improvement Adviser)": capitalised words, then a role in brackets;
# or, in a sentence, "by Jo Bell, DfE Adviser, for Ann Bee, DfE case lead, …": after a comma,
# up to the next comma, semicolon, full stop or "and"
_NAME = r"(?P<name>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){1,4})"
_NAME_THEN_ROLE = re.compile(_NAME + r"\s*\((?P<role>[^()]{2,60})\)")
_NAME_COMMA_ROLE = re.compile(
    _NAME + r",\s+(?P<role>[^,;()]{2,60}?)(?=\s*(?:[,;]|\.(?:\s|$)|\sand\s|$))")


def read_bracketed_roles(text: str, label_of: Callable[[str], str | None]
                         ) -> list[LabelledValue]:
    """The people a sentence names as "Name (Role)" or "Name, Role,", the role being a field
    label: "This report, prepared by Helen Vasquez-Moore (DfE Improvement Adviser) for Tomasz
    Wierzbicki (DfE case lead), covers ...", "… prepared by Jo Bell, DfE Adviser, for Ann Bee,
    DfE case lead, and the Minister"."""
    pairs: list[LabelledValue] = []
    for pattern in (_NAME_THEN_ROLE, _NAME_COMMA_ROLE):
        for match in pattern.finditer(text):
            name = label_of(match.group("role"))
            if name is not None and all(p.name != name for p in pairs):
                pairs.append(LabelledValue(name, *match.span("name")))
    return pairs


def text_columns(text: str) -> list[str]:
    """The columns of a line of text, split at tabs and runs of two or more spaces."""
    return [text[start:end] for start, end in column_spans(text)]


def column_spans(text: str) -> list[tuple[int, int]]:
    """Where each column of a line of text starts and ends (see :func:`text_columns`)."""
    spans, begin = [], 0
    for gap in _COLUMN_GAP.finditer(text):
        if text[begin:gap.start()].strip():
            spans.append(_trimmed(text, begin, gap.start()))
        begin = gap.end()
    if text[begin:].strip():
        spans.append(_trimmed(text, begin, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    return start + lead, start + len(piece.rstrip())


def _from_columns(text: str, columns: list[tuple[int, int]],
                  label_of: Callable[[str], str | None]) -> list[LabelledValue]:
    pairs: list[LabelledValue] = []
    index = 0
    while index < len(columns):
        start, end = columns[index]
        inline = _split(text, start, end, label_of, dash=False)
        if inline is not None:
            pairs.append(inline)
            index += 1
            continue
        name = label_of(text[start:end].rstrip(_LABEL_END))
        if name is None:
            if pairs:
                pairs.pop()  # the column before this one was cut short: not trusted
                index += 1
                continue
            return []  # the line does not start with a label
        if index + 1 >= len(columns):
            break  # a label with its value on the next line
        value = columns[index + 1]
        if label_of(text[value[0]:value[1]].rstrip(_LABEL_END)) is not None:
            index += 1  # a blank value: the next column is the next label
            continue
        pairs.append(LabelledValue(name, *value))
        index += 2
    return pairs


def _split(text: str, start: int, end: int, label_of: Callable[[str], str | None], *,
           dash: bool) -> LabelledValue | None:
    """"Label: value" (or, with ``dash``, "Label – value") inside ``text[start:end]``."""
    piece = text[start:end]
    label, colon, value = piece.partition(":")
    if colon and value.strip():
        name = label_of(label)
        if name is not None:
            return LabelledValue(name, *_trimmed(text, start + len(label) + 1, end))
    if not dash:
        return None
    match = _DASH.search(piece)
    if match is None or not piece[match.end():].strip():
        return None
    if len(piece[match.end():].split()) > _MAX_DASH_VALUE_WORDS:
        return None
    name = label_of(piece[:match.start()])
    return None if name is None else LabelledValue(name, *_trimmed(text, start + match.end(), end))
