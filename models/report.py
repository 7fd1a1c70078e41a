"""One extracted highlight report, in exactly the JSON shape of the contract (schema 1)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.rating import Rating

__all__ = [
    "SCHEMA_VERSION",
    "Unit",
    "DocumentFormat",
    "Span",
    "Source",
    "Authority",
    "Period",
    "NextUpdate",
    "Item",
    "Assessment",
    "PreviousValue",
    "Indicator",
    "Entity",
    "Report",
]

SCHEMA_VERSION = "1"

Unit = Literal["percent", "count", "weeks", "days", "hours", "money", "ratio"]
DocumentFormat = Literal["pdf", "docx", "txt", "md", "html"]
Month = str  # "YYYY-MM"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Span(_Model):
    """Character range in the report's extracted plain text, plus the 1-based page if paged."""

    start: int
    end: int
    page: int | None = None


class Source(_Model):
    path: str
    sha256: str
    format: DocumentFormat
    pages: int | None = None


class Authority(_Model):
    name: str
    canonical: str


class Period(_Model):
    label: str
    start: Month | None = None
    end: Month | None = None


class NextUpdate(_Model):
    label: str
    month: Month | None = None


class Item(_Model):
    """One bullet of going well / risks. ``span`` is where it stands in the plain text."""

    text: str
    span: Span | None = None


class Assessment(_Model):
    """One row of an assessment table: area, plan items, RAG rating and summary."""

    area: str
    title: str
    plan_items: list[str] = Field(default_factory=list)
    rating: Rating | None = None
    rating_text: str | None = None
    summary: str = ""
    span: Span | None = None


class PreviousValue(_Model):
    value: float
    month: Month | None = None


class Indicator(_Model):
    """One quantitative figure that reports a measure, with its provenance."""

    label: str
    indicator: str | None = None
    value: float
    unit: Unit
    month: Month | None = None
    target: float | None = None
    comparator: float | None = None
    previous: PreviousValue | None = None
    area: str | None = None
    sentence: str | None = None
    span: Span | None = None


class Entity(_Model):
    text: str
    label: str
    start: int
    end: int


class Report(_Model):
    """A structured highlight report. Missing metadata is ``None`` plus a line in ``warnings``."""

    schema_version: str = SCHEMA_VERSION
    source: Source | None = None
    authority: Authority | None = None
    period: Period | None = None
    adviser: str | None = None
    case_lead: str | None = None
    next_update: NextUpdate | None = None
    headline: str | None = None
    going_well: list[Item] = Field(default_factory=list)
    risks: list[Item] = Field(default_factory=list)
    assessments: list[Assessment] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    coming_up: list[str] = Field(default_factory=list)
    additional_info: list[str] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The contract's JSON text."""
        return self.model_dump_json(indent=indent, by_alias=True)

    @classmethod
    def from_json(cls, text: str | bytes) -> Report:
        """Parse JSON written by :meth:`to_json` (or by ``highlights extract``)."""
        return cls.model_validate_json(text)
