"""The typed domain shared by every layer of highlights."""

from models.change import (
    ChangeSummary,
    ContinuingItem,
    GoingWellChanges,
    IndicatorChange,
    IndicatorPoint,
    RatingChange,
    RiskChanges,
)
from models.errors import (
    ArchiveError,
    DifferentAuthorities,
    HighlightsError,
    NotAHighlightReport,
    QuerySyntaxError,
    UnreadableDocument,
)
from models.rating import Rating
from models.report import (
    SCHEMA_VERSION,
    Assessment,
    Authority,
    Entity,
    Indicator,
    Item,
    NextUpdate,
    Period,
    PreviousValue,
    Report,
    Source,
    Span,
)
from models.schema import json_schema
from models.search import SECTIONS, SearchHit, SearchResult

__all__ = [
    "SCHEMA_VERSION",
    "SECTIONS",
    "ArchiveError",
    "Assessment",
    "Authority",
    "ChangeSummary",
    "ContinuingItem",
    "DifferentAuthorities",
    "Entity",
    "GoingWellChanges",
    "HighlightsError",
    "Indicator",
    "IndicatorChange",
    "IndicatorPoint",
    "Item",
    "NextUpdate",
    "NotAHighlightReport",
    "Period",
    "PreviousValue",
    "QuerySyntaxError",
    "Rating",
    "RatingChange",
    "Report",
    "RiskChanges",
    "SearchHit",
    "SearchResult",
    "Source",
    "Span",
    "UnreadableDocument",
    "json_schema",
]
