"""Header fields and table cells: authorities, periods, months, RAG ratings, area keys, people.

Pure functions for the segmenter and assembler: each takes the text a document wrote and
returns a small frozen value (or None); none of them raises on odd input.
"""

from extractor.fields._text import fold, in_capitals
from extractor.fields.area import OFSTED_AREA_KEYS, area_key, unique_area_keys
from extractor.fields.authority import (
    GazetteerEntry,
    canonical_authority,
    find_authority_in_text,
    gazetteer,
)
from extractor.fields.labels import LabelledValue, read_label_line
from extractor.fields.people import PersonReading, clean_person, is_redacted
from extractor.fields.period import covered_period, parse_month, parse_period
from extractor.fields.rating import (
    RatingReading,
    find_rating_line,
    legend_rating,
    names_a_change,
    parse_rating,
    rating_after_change,
    rating_from_fill,
    read_legend,
    stated_rating,
)

__all__ = [
    "OFSTED_AREA_KEYS",
    "GazetteerEntry",
    "LabelledValue",
    "PersonReading",
    "RatingReading",
    "area_key",
    "canonical_authority",
    "clean_person",
    "covered_period",
    "find_authority_in_text",
    "find_rating_line",
    "fold",
    "gazetteer",
    "in_capitals",
    "is_redacted",
    "legend_rating",
    "names_a_change",
    "parse_month",
    "parse_period",
    "parse_rating",
    "rating_after_change",
    "rating_from_fill",
    "read_label_line",
    "read_legend",
    "stated_rating",
    "unique_area_keys",
]
