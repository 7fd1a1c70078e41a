"""Property tests: no field parser raises on arbitrary text; periods never run backwards."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.fields import (
    area_key,
    canonical_authority,
    clean_person,
    find_authority_in_text,
    find_rating_line,
    parse_month,
    parse_period,
    parse_rating,
    rating_from_fill,
)

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
MONTH_WORDS = ["January", "Feb", "march", "Sept", "DEC", "Q3", "Q1", "summer", "term", "to",
               "-", "/", "–", "2020", "2021/22", "21", "20", "1", "31", "FY", " "]

# Arbitrary text, and text built from the words the parsers react to.
any_text = st.text(max_size=200)
date_like = st.lists(st.sampled_from(MONTH_WORDS), max_size=8).map(" ".join)
texts = st.one_of(any_text, date_like, st.from_regex(r"\d{1,4}[/.-]\d{1,4}[/.-]\d{1,4}"))


@settings(max_examples=300)
@given(texts, st.one_of(st.none(), st.integers(min_value=1900, max_value=2098)))
def test_parse_period_is_total_and_ordered(label: str, year: int | None) -> None:
    period = parse_period(label, reference_year=year)
    if period is not None:
        assert period.start is not None and period.end is not None
        assert MONTH.match(period.start) and MONTH.match(period.end)
        assert period.start <= period.end
    month = parse_month(label, reference_year=year)
    assert month is None or MONTH.match(month)
    after = parse_month(label, after=period.end if period else "2020-06")
    assert after is None or MONTH.match(after)


@settings(max_examples=300)
@given(texts)
def test_text_parsers_never_raise(text: str) -> None:
    canonical_authority(text)
    find_authority_in_text(text)
    clean_person(text)
    area_key(text)
    reading = parse_rating(text)
    assert not (reading.is_placeholder and reading.rating is not None)
    line = find_rating_line(text)
    assert line is None or line.rating is not None or line.is_placeholder


@given(st.one_of(st.none(), st.text(max_size=10), st.from_regex(r"#?[0-9A-Fa-f]{6}")))
def test_rating_from_fill_never_raises(fill: str | None) -> None:
    rating_from_fill(fill)


@given(any_text)
def test_area_key_is_a_slug(title: str) -> None:
    assert re.fullmatch(r"[0-9a-z]+(?:_[0-9a-z]+)*", area_key(title))
