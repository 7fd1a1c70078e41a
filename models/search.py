"""Search hits over the archive (schema 1)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.report import Period

__all__ = ["Section", "SECTIONS", "SearchHit", "SearchResult"]

Section = Literal["headline", "going_well", "risks", "assessment", "coming_up", "additional_info"]
SECTIONS: tuple[str, ...] = (
    "headline", "going_well", "risks", "assessment", "coming_up", "additional_info",
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class SearchHit(_Model):
    authority: str | None
    period: Period | None
    section: Section
    area: str | None = None
    text: str
    score: float
    source: str


class SearchResult(_Model):
    query: str
    total: int
    hits: list[SearchHit] = Field(default_factory=list)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The contract's JSON text."""
        return self.model_dump_json(indent=indent, by_alias=True)
