"""RAG ratings from cell text, rating-only paragraphs and cell shading."""

from __future__ import annotations

import pytest

from extractor.fields import (
    find_rating_line,
    legend_rating,
    names_a_change,
    parse_rating,
    rating_after_change,
    rating_from_fill,
    read_legend,
    stated_rating,
)
from models import Rating

R, RA, A, AG, G = (Rating.RED, Rating.RED_AMBER, Rating.AMBER, Rating.AMBER_GREEN, Rating.GREEN)

TEXTS = [
    ("AMBER TO GREEN", AG), ("Amber/Green", AG), ("A/G", AG), ("AG", AG), ("Amber-Green", AG),
    ("Amber – Green", AG), ("Amber to green", AG), ("amber and green", AG), ("Green/Amber", AG),
    ("Amber towards Green", AG), ("A / G", AG),
    ("Green", G), ("GREEN.", G), ("G", G), ("green ", G),
    ("red", R), ("RED", R), ("R", R),
    ("Red-Amber", RA), ("RED/AMBER", RA), ("R/A", RA), ("RA", RA), ("Red to Amber", RA),
    ("Amber/Red", RA),
    ("AMBER", A), ("Amber", A), ("A", A),
    ("AMBER (improving)", A), ("Amber - improving", A), ("Amber (was Red)", A),
    ("Rating: Amber", A), ("RAG rating: Amber", A), ("Green ↑", G),
    ("RAG: GREEN", G), ("Overall rating – Red", R),
    ("Amber – some progress against the plan", A),
    ("Strong Amber", A), ("LOW GREEN", G), ("Amb/Grn", AG),
    ("<p style=\"text-align: center;\">AMBER</p>", A),
]


@pytest.mark.parametrize(("text", "rating"), TEXTS)
def test_parse_rating(text: str, rating: Rating) -> None:
    reading = parse_rating(text)
    assert reading.rating is rating
    assert not reading.is_placeholder


@pytest.mark.parametrize("text", ["R / A / G", "R/A/G", "RAG", "Red / Amber / Green",
                                  "PROGRESS R / A / G (Against improvement plan)",
                                  "R/A/G rating",
                                  "Choose an item.", "r/a/g", "Not rated", "Not yet rated"])
def test_unfilled_placeholder(text: str) -> None:
    reading = parse_rating(text)
    assert reading.rating is None and reading.is_placeholder


@pytest.mark.parametrize("text", ["", "   ", "hello", "Red/Green", "A good start",
                                  "Green shoots of recovery are showing", "TBC", "n/a",
                                  "Blue", "Rating to follow", "Amber → Green"])
def test_no_rating(text: str) -> None:
    reading = parse_rating(text)
    assert reading.rating is None and not reading.is_placeholder


@pytest.mark.parametrize(("text", "rating"), [
    ("AMBER", A), ("Amber to Green", AG), ("  GREEN  ", G), ("R/A", RA), ("(Red)", R),
    ("AMBER (improving)", A), ("<p style=\"text-align: center;\">AMBER TO GREEN</p>", AG),
    ("Green (was Amber in the spring)", G),
])
def test_find_rating_line(text: str, rating: Rating) -> None:
    reading = find_rating_line(text)
    assert reading is not None and reading.rating is rating


def test_find_rating_line_sees_the_placeholder() -> None:
    reading = find_rating_line('<p style="text-align: center;">R/A/G</p>')
    assert reading is not None and reading.rating is None and reading.is_placeholder


@pytest.mark.parametrize("text", [
    "",
    "Amber – some progress was made but the team is still short of social workers",
    "Performance in this area is rated amber by the service.",
    "Green shoots of recovery",
    "A further 14% were referred to Early Help",
    "Red rated contacts declined to 84% in October",
])
def test_find_rating_line_ignores_sentences(text: str) -> None:
    assert find_rating_line(text) is None


@pytest.mark.parametrize(("fill", "rating"), [
    ("FF0000", R), ("#C00000", R), ("cc0000", R),
    ("FFC000", A), ("#FFBF00", A), ("F79646", A), ("FFA500", A), ("ED7D31", A), ("ffc001", A),
    ("92D050", AG), ("A9D08E", AG), ("FF6600", RA), ("F4B183", RA),
    ("00B050", G), ("#00FF00", G), ("70AD47", G), ("538135", G),
])
def test_rating_from_fill(fill: str, rating: Rating) -> None:
    assert rating_from_fill(fill) is rating


@pytest.mark.parametrize("fill", [
    None, "", "auto", "nil", "#FFFFFF", "F2F2F2", "D9D9D9", "808080", "000000",
    "DEEAF6", "BDD6EE", "1F4E79", "4472C4", "00B0F0", "7030A0", "FFF2CC", "E2EFD9",
    "#12345", "GGGGGG",
])
def test_neutral_or_unreadable_fill_is_no_rating(fill: str | None) -> None:
    assert rating_from_fill(fill) is None


def test_nearby_shades_agree_with_their_reference() -> None:
    """A shade one step off a reference colour reads the same as the reference."""
    for base in ("FF0000", "FFC000", "92D050", "00B050"):
        channels = [int(base[i:i + 2], 16) for i in (0, 2, 4)]
        for step in ((-3, 0, 0), (0, 3, 0), (0, 0, 3), (-2, -2, -2)):
            shifted = "".join(
                f"{min(max(c + d, 0), 255):02X}" for c, d in zip(channels, step, strict=True)
            )
            assert rating_from_fill(shifted) is rating_from_fill(base), shifted


# Two-colour words in either order, like "Green/Amber": the same grade.
@pytest.mark.parametrize(("text", "rating"), [
    ("GA", AG), ("ga", AG), ("G A", AG), ("AR", RA), ("Rating: GA", AG), ("GA (improving)", AG),
    ("Green-Amber", AG), ("Amber toward green", AG),
])
def test_two_colour_words_in_either_order(text: str, rating: Rating) -> None:
    assert parse_rating(text).rating is rating


# A movement word after the colour is a direction of travel: the colour stands.
@pytest.mark.parametrize(("text", "rating"), [
    ("Red trending amber", R), ("GREEN (trending)", G), ("Amber, trending towards green", A),
    ("Red – improving", R), ("Red (improving)", R), ("Red [improving]", R),
    ("Amber heading to green", A), ("Green ↓", G), ("Amber ->", A),
])
def test_direction_of_travel_keeps_the_colour(text: str, rating: Rating) -> None:
    assert parse_rating(text).rating is rating


@pytest.mark.parametrize("text", [
    "Red → Amber", "A -> G", "Amber => Green", "GREEN ⇒ AMBER", "Previously red → now amber",
    "Amber ➔ Green (improving)",
])
def test_an_arrow_between_two_colours_is_ambiguous(text: str) -> None:
    reading = parse_rating(text)
    assert reading.rating is None and not reading.is_placeholder
    assert find_rating_line(text) is None


def test_an_arrow_to_the_same_colour_keeps_it() -> None:
    assert parse_rating("Amber → Amber").rating is A
    assert find_rating_line("Green (trending up)") is not None


def _word_shade(hex_colour: str, factor: float) -> str:
    """Word's "Darker n%" / "Lighter n%": the HSL lightness scaled, hue and saturation kept."""
    import colorsys
    red, green, blue = (int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    lightness = lightness * factor if factor < 1 else lightness + (1 - lightness) * (factor - 1)
    return "".join(f"{round(c * 255):02X}"
                   for c in colorsys.hls_to_rgb(hue, lightness, saturation))


@pytest.mark.parametrize(("base", "rating"), [
    ("FF0000", R), ("C00000", R), ("C0504D", R), ("FFC000", A), ("ED7D31", A), ("F79646", A),
    ("FF9900", A), ("00B050", G), ("70AD47", G), ("00A651", G),
])
@pytest.mark.parametrize("factor", [0.75, 0.6, 0.5])
def test_darker_shades_of_a_rag_colour_keep_its_rating(base: str, rating: Rating,
                                                       factor: float) -> None:
    assert rating_from_fill(_word_shade(base, factor)) is rating


@pytest.mark.parametrize("base", ["4472C4", "5B9BD5", "7030A0", "808080", "A6A6A6", "00B0F0",
                                  "002060", "008080"])
@pytest.mark.parametrize("factor", [0.75, 0.5, 0.25])
def test_darker_shades_of_other_colours_stay_neutral(base: str, factor: float) -> None:
    assert rating_from_fill(_word_shade(base, factor)) is None


@pytest.mark.parametrize("fill", ["D99594", "DA9694", "E99A9A", "FF6666", "F07070", "E06666"])
def test_light_reds_are_red(fill: str) -> None:
    assert rating_from_fill(fill) is R


@pytest.mark.parametrize("fill", ["F2DCDB", "FDE9D9", "F4CCCC", "0D0D0D", "1A0000", "262626",
                                  "1F3864", "DAE3F3", "FFFFFE"])
def test_pale_tints_greys_and_near_black_stay_neutral(fill: str) -> None:
    assert rating_from_fill(fill) is None


@pytest.mark.parametrize(("text", "transition"), [
    ("Amber → Green", True), ("Red-Amber -> Amber", True), ("Amber →", False),
    ("Amber → Amber", False), ("Amber to Green", False),
])
def test_a_change_from_one_rating_to_another_is_no_rating(text: str, transition: bool) -> None:
    reading = parse_rating(text)
    assert reading.is_transition is transition
    assert (reading.rating is None) is transition


@pytest.mark.parametrize(("text", "rating"), [
    ("Amber → Green", G), ("Red -> Red-Amber", RA), ("Amber →", None), ("Amber", A),
    ("Green ⇒ Amber (slipped)", A),
])
def test_the_rating_a_change_ends_on(text: str, rating: Rating | None) -> None:
    assert rating_after_change(text).rating is rating


def test_a_header_names_a_change_by_its_arrow() -> None:
    assert names_a_change("RAG (last → now)") and not names_a_change("RAG rating")


@pytest.mark.parametrize("line", [
    "Key: Strong progress = green; Steady progress = amber; Slow progress = red.",
    "Strong progress (green); Steady progress (amber); Slow progress (red)",
    "GREEN – strong progress; AMBER – steady progress; RED – slow progress",
])
def test_a_report_s_own_key_to_words_of_progress(line: str) -> None:
    legend = read_legend(line)
    assert [legend_rating(words, legend) for words in (
        "Strong progress", "steady progress.", "Slow progress", "No progress")] == [G, A, R, None]


@pytest.mark.parametrize("line", ["Re-referrals: 24%; caseloads: 18",
                                  "The council rates itself green: I agree.",
                                  "Only one entry = amber"])
def test_lines_that_are_no_key(line: str) -> None:
    assert read_legend(line) == {}


@pytest.mark.parametrize(("sentence", "rating"), [
    ("Overall this area is rated Amber.", Rating.AMBER),
    ("My rating for this priority remains Red/Amber.", Rating.RED_AMBER),
    ("I have moved it to Amber/Green this period.", Rating.AMBER_GREEN),
    ("Overall I rate the front door as Green.", Rating.GREEN),
    ("I rated this area Red in my last report.", None),  # an earlier rating
    ("I would need to see better plans before I could move it to Amber.", None),
    ("This area is rated Amber; I have moved it to Green.", None),  # two that differ
])
def test_a_rating_stated_in_a_sentence_of_commentary(sentence: str,
                                                     rating: Rating | None) -> None:
    reading = stated_rating(sentence)
    assert (reading.rating if reading else None) == rating
