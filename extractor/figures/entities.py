"""find_entities(): organisations, roles, authorities, legislation and dates of a report."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from extractor.figures.pieces import TextPiece
from models.report import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["find_entities"]


def find_entities(pieces: Sequence[TextPiece], *, docs: Iterable[Doc] | None = None
                  ) -> list[Entity]:
    """Entities found by the shared pipeline's rulers, offsets in the report's plain text.

    ``docs`` are the pieces already run through :func:`extractor.nlp.pipe`, if at hand.
    """
    from extractor.nlp import pipe

    found: list[Entity] = []
    for piece, doc in zip(pieces, docs or pipe(p.text for p in pieces), strict=True):
        found.extend(
            Entity(text=ent.text, label=ent.label_, start=piece.start + ent.start_char,
                   end=piece.start + ent.end_char)
            for ent in doc.ents
        )
    return found
