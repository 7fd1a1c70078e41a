"""Property tests: the finder never crashes, and every span shows the figure's own digits."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.figures import find_entities, find_indicators, pieces_from_text

WORDS = [
    "85%", "9.8%", "1,447", "contacts", "agency workers", "in October", "June 20", "target of",
    "peer group", "(", ")", "from", "to", "down", "up from", "compared to", "this was", "16/18%",
    "26-week", "per cent", "£1.2m", "weeks", "of", "the", "and", ",", ".", "Half of", "S47",
    "COVID-19", "1:1", "16+", "12", "2020", "Northshire", "statistical neighbours", "at",
    "number", "care leavers", "re-referral rate", "\n\n", "<p>", "respectively", "1.",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
)
periods = st.sampled_from([(None, None), ("2020-07", "2020-12"), ("2021-01", "2021-03")])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, periods)
def test_never_crashes_and_spans_show_the_digits(text: str, period: tuple) -> None:  # type: ignore[type-arg]
    found, warnings = find_indicators(pieces_from_text(text), period_start=period[0],
                                      period_end=period[1])
    assert all(isinstance(w, str) for w in warnings)
    for fig in found:
        assert fig.span is not None and 0 <= fig.span.start < fig.span.end <= len(text)
        shown = text[fig.span.start:fig.span.end].replace(",", "")
        if fig.unit == "money":
            assert shown.startswith("£")
        elif fig.unit == "ratio":
            assert ":" in shown
        else:
            assert shown.startswith(f"{fig.value:g}")
        assert fig.label
        assert fig.month is None or len(fig.month) == 7


@settings(max_examples=100, deadline=None)
@given(texts)
def test_entities_point_at_their_text(text: str) -> None:
    for ent in find_entities(pieces_from_text(text)):
        assert text[ent.start:ent.end] == ent.text
