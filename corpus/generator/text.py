"""Small text rules shared by the document writer and the answer-key builder."""

from __future__ import annotations

import re

__all__ = ["OFSTED_AREAS", "line", "paragraphs", "fold", "nested"]

_WHOLE_SENTENCE = re.compile(r"[.!?][\"'’”)\]]*$")
OFSTED_AREAS = frozenset(
    {"help_and_protection", "children_in_care", "adoption", "care_leavers", "leadership"}
)


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a data-file text block: split at blank lines, inner line breaks joined."""
    blocks = re.split(r"\n\s*\n", text.strip())
    return [" ".join(block.split()) for block in blocks if block.strip()]


def line(text: str) -> str:
    """A data-file text as one line: runs of whitespace (line breaks too) become one space."""
    return " ".join(text.split())


def fold(parent: str, children: list[str]) -> str:
    """A list entry as the answer keys record it: its nested entries folded in when it
    introduces them ("Ofsted reiterated:"), left out when it is a whole sentence of its own
    (they are details of it, as ``extractor.segment.items`` reads them)."""
    head = line(parent)
    if _WHOLE_SENTENCE.search(head):
        return head
    return " ".join([head, *(line(text) for text in children)])


def nested(text: str, children: list[str]) -> list[tuple[int, str]]:
    """A list entry and its nested entries as ``(level, text)`` pairs, in print order."""
    return [(0, text), *((1, child) for child in children)]
