"""The RAG rating scale, ordered RED < RED_AMBER < AMBER < AMBER_GREEN < GREEN."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Rating"]


class Rating(StrEnum):
    """An ordinal RAG rating; comparisons follow the scale, not the alphabet."""

    RED = "RED"
    RED_AMBER = "RED_AMBER"
    AMBER = "AMBER"
    AMBER_GREEN = "AMBER_GREEN"
    GREEN = "GREEN"

    @property
    def rank(self) -> int:
        """0 for RED up to 4 for GREEN."""
        return _ORDER.index(self)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Rating):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Rating):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Rating):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Rating):
            return NotImplemented
        return self.rank >= other.rank

    def __hash__(self) -> int:
        return hash(self.value)


_ORDER = list(Rating)
