"""Figures and entities of a report: indicators with month, target, comparator, previous."""

from extractor.figures.entities import find_entities
from extractor.figures.finder import find_indicators
from extractor.figures.pieces import TextPiece, pieces_from_text

__all__ = ["TextPiece", "find_entities", "find_indicators", "pieces_from_text"]
