"""find_indicators(): the measured figures of a report, with month, target, comparator, previous.

Paragraphs go through the shared spaCy pipeline in batches (sentencizer only); each sentence is
read on its own: figures, months, roles, labels, qualifiers. A sentence that holds only a target
or comparator ("Short term stability was worse than target (13%)") gives it to the last figure
of the sentence before when its subject is anaphoric ("The target is 90%") or names the same
catalogue measure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extractor.catalogue import Catalogue, load_catalogue
from extractor.figures.candidates import Figure, scan_sentence
from extractor.figures.labels import label_figures, subject
from extractor.figures.months import (
    assign_months,
    claim_adjacent,
    date_previous,
    find_months,
    lift_bracket_months,
)
from extractor.figures.patterns import FigurePatterns, load_patterns
from extractor.figures.pieces import TextPiece
from extractor.figures.roles import attach_qualifiers, classify_roles
from models.report import Indicator, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_indicators", "read_sentence", "SentenceFigures"]

_DIGIT = re.compile(r"\d")  # without one, a sentence holds no figure but a count or proportion
# in words


@dataclass
class SentenceFigures:
    """What one sentence holds: reportable measures and qualifiers left without a measure."""

    text: str
    measures: list[Figure] = field(default_factory=list)
    orphans: list[Figure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _indicator_key(fig: Figure, catalogue: Catalogue) -> str | None:
    if fig.unit == "count":
        return catalogue.match(fig.label, unit="count", whole=True)
    return catalogue.match(fig.label, unit=fig.unit) or catalogue.match(fig.context, unit=fig.unit)


def read_sentence(text: str, *, period_end: str | None = None,
                  pats: FigurePatterns | None = None) -> SentenceFigures:
    """The figures of one sentence, each with its role, label, month and qualifiers."""
    pats = pats or load_patterns()
    figures, warnings = scan_sentence(text, pats)
    mentions = find_months(text, pats, period_end)
    claim_adjacent(text, figures, mentions, pats)
    classify_roles(text, figures, pats)
    lift_bracket_months(text, figures, mentions, pats)
    label_figures(text, figures, pats)
    orphans = attach_qualifiers(text, figures, pats)
    assign_months(text, figures, mentions, pats)
    date_previous(figures, mentions)
    measures = [f for f in figures if f.role == "measure" and f.value is not None and f.label]
    has_measure = any(f.role == "measure" for f in figures)
    orphans = [] if has_measure else [f for f in orphans if f.role != "previous"]
    return SentenceFigures(text, measures, orphans, warnings)


def _carry_over(current: SentenceFigures, before: SentenceFigures, pats: FigurePatterns,
                catalogue: Catalogue) -> None:
    """Give a sentence's orphan targets/comparators to the last figure of the sentence before."""
    if not current.orphans or not before.measures:
        return
    last = before.measures[-1]
    said = subject(current.text, current.orphans[0].start, None, pats)
    key = _indicator_key(last, catalogue)
    same = key is not None and catalogue.match(said, unit=last.unit) == key
    if not (same or pats.anaphoric_start.match(current.text)):
        return
    for fig in current.orphans:
        if fig.unit == last.unit and getattr(last, fig.role) is None:
            setattr(last, fig.role, fig.value)


def _indicator(fig: Figure, piece: TextPiece, offset: int, sentence: str,
               catalogue: Catalogue) -> Indicator:
    start = piece.start + offset + fig.start
    assert fig.value is not None
    return Indicator(
        label=fig.label,
        indicator=_indicator_key(fig, catalogue),
        value=fig.value,
        unit=fig.unit,
        month=fig.month,
        target=fig.target,
        comparator=fig.comparator,
        previous=fig.previous,
        area=piece.area,
        sentence=sentence.strip(),
        span=Span(start=start, end=start + (fig.shown_end or fig.end) - fig.start,
                  page=piece.page),
    )


# No real sentence is this long; crafted runs of figure-like text ("5% 5% 5% …", 50,000 digits)
# would make the figure patterns backtrack for minutes, so such a sentence is not read.
MAX_SENTENCE_CHARS = 3000


def find_indicators(
    pieces: Sequence[TextPiece], *, period_start: str | None, period_end: str | None,
    docs: Iterable[Doc] | None = None,
) -> tuple[list[Indicator], list[str]]:
    """Indicators of ``pieces`` (spans in the report's plain text) and warnings.

    Months without a year are placed in the period (``YYYY-MM`` bounds); ``period_start`` is
    used when the end is unknown. ``docs`` are the pieces already run through
    :func:`extractor.nlp.pipe`, if at hand.
    """
    from extractor.nlp import pipe

    pats, catalogue = load_patterns(), load_catalogue()
    anchor = period_end or period_start
    indicators: list[Indicator] = []
    warnings: list[str] = []
    docs = docs or pipe((p.text for p in pieces), entities=False)
    for piece, doc in zip(pieces, docs, strict=True):
        before = SentenceFigures("")
        read: list[tuple[int, SentenceFigures]] = []
        for sent in doc.sents:
            if not (_DIGIT.search(sent.text) or pats.proportions.search(sent.text)
                    or pats.word_number.search(sent.text)):
                before = SentenceFigures(sent.text)
                continue
            if len(sent.text) > MAX_SENTENCE_CHARS:
                warnings.append(f"skipped a sentence of {len(sent.text):,} characters "
                                f"(over {MAX_SENTENCE_CHARS:,}): not read for figures")
                before = SentenceFigures("")
                continue
            current = read_sentence(sent.text, period_end=anchor, pats=pats)
            _carry_over(current, before, pats, catalogue)
            read.append((sent.start_char, current))
            before = current
        for offset, sentence in read:
            warnings.extend(sentence.warnings)
            indicators.extend(
                _indicator(f, piece, offset, sentence.text, catalogue) for f in sentence.measures
            )
    return indicators, warnings
