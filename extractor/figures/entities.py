"""find_entities(): organisations, roles, authorities, legislation and dates of a report."""

from __future__ import annotations

from collections.abc import Sequence

from extractor.figures.pieces import TextPiece
from models.report import Entity

__all__ = ["find_entities"]


def find_entities(pieces: Sequence[TextPiece]) -> list[Entity]:
    """Entities found by the shared pipeline's rulers, offsets in the report's plain text."""
    from extractor.nlp import pipe

    found: list[Entity] = []
    for piece, doc in zip(pieces, pipe(p.text for p in pieces), strict=True):
        found.extend(
            Entity(text=ent.text, label=ent.label_, start=piece.start + ent.start_char,
                   end=piece.start + ent.end_char)
            for ent in doc.ents
        )
    return found
