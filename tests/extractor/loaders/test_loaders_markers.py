"""List markers: typed markers, inline splitting by sequence, ordinal formatting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.loaders.markers import ListState, format_ordinal, leading_marker, split_inline


@pytest.mark.parametrize(
    ("text", "marker", "rest"),
    [
        ("• Item", "•", "Item"),
        ("-\tTabbed", "-", "Tabbed"),
        ("12. Twelve", "12.", "Twelve"),
        ("b) Bee", "b)", "Bee"),
        ("(iv) Four", "(iv)", "Four"),
        ("IV. Four", "IV.", "Four"),
        ("3.4\tA paragraph number", "3.4", "A paragraph number"),
        ("1.2.3.\tThree levels", "1.2.3.", "Three levels"),
    ],
)
def test_leading_markers(text, marker, rest):
    found = leading_marker(text)
    assert found is not None and (found[0].text, found[1]) == (marker, rest)


@pytest.mark.parametrize("text", ["e.g. prose", "2020. A year", "(a. unbalanced", "Dr. Who", "-5%",
                                  "2.5 FTE posts are vacant", "1.5\t"])
def test_not_leading_markers(text):
    assert leading_marker(text) is None


def test_inline_split_follows_sequences_and_levels():
    pieces = split_inline(
        "Intro: 1. one 2. two: a. sub b. sub i. roman ii. roman c. back 3. three", ListState()
    )
    assert [(m.text if m else None, level, text) for m, level, text in pieces] == [
        (None, 0, "Intro:"),
        ("1.", 0, "one"),
        ("2.", 0, "two:"),
        ("a.", 1, "sub"),
        ("b.", 1, "sub"),
        ("i.", 2, "roman"),
        ("ii.", 2, "roman"),
        ("c.", 1, "back"),
        ("3.", 0, "three"),
    ]


def test_inline_split_ignores_numbers_out_of_sequence():
    pieces = split_inline("1. Rates rose by 4. 5. Then fell in 7. quarters", ListState())
    assert [m.text for m, _, _ in pieces if m] == ["1."]
    assert pieces[-1][2] == "Rates rose by 4. 5. Then fell in 7. quarters"


def test_state_carries_across_calls():
    state = ListState()
    split_inline("1. one 2. two", state)
    assert [m.text for m, _, _ in split_inline("3. three", state) if m] == ["3."]


def test_letter_i_continues_a_letter_list_before_starting_roman():
    state = ListState()
    for letter in "abcdefgh":
        state.place(leading_marker(f"{letter}. x")[0])  # type: ignore[index]
    assert state.place(leading_marker("i. x")[0]) == 0  # type: ignore[index]


@pytest.mark.parametrize(
    ("number", "style", "expected"),
    [(1, "decimal", "1"), (28, "lower", "ab"), (3, "upper", "C"), (14, "roman", "xiv"),
     (1994, "ROMAN", "MCMXCIV"), (10**12, "roman", str(10**12)), (0, "lower", "0"),
     (-2, "roman", "-2")],
)
def test_format_ordinal(number, style, expected):
    assert format_ordinal(number, style) == expected


@given(st.integers(min_value=1, max_value=39))
def test_roman_markers_up_to_five_letters_round_trip(number):
    numeral = format_ordinal(number, "roman")
    marker = leading_marker(f"{numeral}. x")
    if len(numeral) <= 5:
        assert marker is not None
        assert ("roman", number) in marker[0].candidates
    else:
        assert marker is None


@given(st.text(max_size=300))
def test_split_inline_never_loses_words(text):
    pieces = split_inline(text, ListState())
    rebuilt = " ".join(
        (f"{m.text} {piece}" if m else piece).strip() for m, _, piece in pieces
    ).split()
    assert rebuilt == text.split()
