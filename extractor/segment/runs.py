"""Logical paragraphs: one or more layout paragraphs read as one text (page-break joins), with
the sub-bullets under a list item kept beside it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.layout import Paragraph
from models.report import Span

__all__ = ["TextRun", "continues"]

_SENTENCE_END = re.compile(r"[.!?:;)\]\"'’”]\s*$")


@dataclass
class TextRun:
    """Paragraphs read as one text, joined by single spaces; ``details`` are the sub-bullets of
    a list item (not part of its text; their figures are still read)."""

    parts: list[Paragraph] = field(default_factory=list)
    details: list[Paragraph] = field(default_factory=list)

    @property
    def every_part(self) -> list[Paragraph]:
        """The item's paragraphs and its sub-bullets', in document order."""
        return sorted(self.parts + self.details, key=lambda p: p.start)

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.parts if p.text)

    @property
    def span(self) -> Span:
        first, last = self.parts[0], self.parts[-1]
        return Span(start=first.start, end=last.end, page=first.page)

    def add(self, paragraph: Paragraph) -> None:
        self.parts.append(paragraph)


def continues(previous: str, following: str, *, words_before_a_figure: frozenset[str]) -> bool:
    """True when ``following`` is the rest of a paragraph that ``previous`` began.

    The first part must not end a sentence; the second starts in lower case, or with a figure
    right after a word that wants one ("above target of" | "95% …").
    """
    previous, following = previous.rstrip(), following.lstrip()
    if not previous or not following or _SENTENCE_END.search(previous):
        return False
    if following[0].islower():
        return True
    last_word = previous.split()[-1].lower()
    return following[0].isdigit() and last_word in words_before_a_figure
