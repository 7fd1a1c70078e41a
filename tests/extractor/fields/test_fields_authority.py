"""Authority names: gazetteer lookup, aliases, misspellings and fictional authorities."""

from __future__ import annotations

import pytest

from extractor.fields import canonical_authority, find_authority_in_text, gazetteer
from extractor.fields._text import fold

# (what a header cell says, the canonical name expected)
KNOWN = [
    ("Gloucestershire County Council", "Gloucestershire"),
    ("  Gloucestershire   County Council ", "Gloucestershire"),
    ("GLOUCESTERSHIRE COUNTY COUNCIL", "Gloucestershire"),
    ("gloucestershire county council.", "Gloucestershire"),
    ("Glos", "Gloucestershire"),
    ("Gloucestshire County Council", "Gloucestershire"),
    ("Hertforshire County Council", "Hertfordshire"),
    ("Lincolnshre", "Lincolnshire"),
    ("Durham County Council", "County Durham"),
    ("Durham", "County Durham"),
    ("Bristol City Council", "Bristol"),
    ("City of Bristol", "Bristol"),
    ("Brighton & Hove", "Brighton and Hove"),
    ("Brighton and Hove City Council", "Brighton and Hove"),
    ("Somerset County Council", "Somerset"),
    ("North Somerset Council", "North Somerset"),
    ("Bath & North East Somerset Council", "Bath and North East Somerset"),
    ("Northamptonshire County Council", "Northamptonshire"),
    ("North Northamptonshire Council", "North Northamptonshire"),
    ("West Northants", "West Northamptonshire"),
    ("Stockton on Tees Borough Council", "Stockton-on-Tees"),
    ("St. Helens Council", "St Helens"),
    ("Kingston upon Hull City Council", "Hull"),
    ("Royal Borough of Kingston upon Thames", "Kingston upon Thames"),
    ("The Royal Borough of Kensington and Chelsea", "Kensington and Chelsea"),
    ("London Borough of Tower Hamlets", "Tower Hamlets"),
    ("Hammersmith & Fulham", "Hammersmith and Fulham"),
    ("Cheshire West & Chester", "Cheshire West and Chester"),
    ("City of Wolverhampton Council", "Wolverhampton"),
    ("Wakefield Metropolitan District Council", "Wakefield"),
    ("Council of the Isles of Scilly", "Isles of Scilly"),
    ("Gloucestershire County Council (GCC)", "Gloucestershire"),
    ("Local Authority: Norfolk County Council", "Norfolk"),
    ("Newcastle-upon-Tyne", "Newcastle upon Tyne"),
    ("Gloucestershire CC", "Gloucestershire"),
    ("Rotherham MBC", "Rotherham"),
    ("Bradford MDC", "Bradford"),
    ("LB Hackney", "Hackney"),
    ("RB Greenwich", "Greenwich"),
]

# Authorities the gazetteer does not know keep their own words minus the council wording.
FICTIONAL = [
    ("Northshire County Council", "Northshire"),
    ("NORTHSHIRE COUNTY COUNCIL", "Northshire"),
    ("London Borough of Eastmoor", "Eastmoor"),
    ("Riverbridge Metropolitan Borough Council", "Riverbridge"),
    ("Riverbridge Metropolitan District Council", "Riverbridge"),
    ("City of Lakeford Council", "Lakeford"),
    ("Royal Borough of Westhaven", "Westhaven"),
    ("The Borough of Oakdale", "Oakdale"),
    ("Eastmoor Council", "Eastmoor"),
    ("Fenmarsh District Council", "Fenmarsh"),
    ("Upper Dale and Riverbridge Borough Council", "Upper Dale and Riverbridge"),
    ("Northshire CC", "Northshire"),
    ("LB Eastmoor", "Eastmoor"),
]

BLANK = ["", "   ", "[Redacted]", "REDACTED", "█████", "N/A", "TBC", "Council", "County Council"]


@pytest.mark.parametrize(("written", "canonical"), KNOWN + FICTIONAL)
def test_canonical_authority_reads_header_cells(written: str, canonical: str) -> None:
    authority = canonical_authority(written)
    assert authority is not None
    assert authority.canonical == canonical
    assert authority.name == " ".join(written.split())


@pytest.mark.parametrize("written", BLANK)
def test_blank_placeholder_and_redacted_cells_name_no_authority(written: str) -> None:
    assert canonical_authority(written) is None


def test_fuzzy_matching_does_not_swallow_near_neighbours() -> None:
    """A fictional name a few letters from a real one stays itself."""
    for name in ("Northshire", "Westshire", "Southmoor", "Barnes", "Harwick", "Dorchester"):
        authority = canonical_authority(f"{name} County Council")
        assert authority is not None and authority.canonical == name


def test_gazetteer_has_every_authority_once() -> None:
    rows = gazetteer()
    assert len(rows) >= 150
    canonicals = [row.canonical for row in rows]
    assert len(set(canonicals)) == len(canonicals)
    assert {row.kind for row in rows} >= {"county", "unitary", "metropolitan", "london"}
    assert sum(row.kind == "london" for row in rows) == 32
    assert sum(row.kind == "metropolitan" for row in rows) == 36


def test_every_gazetteer_form_resolves_to_its_own_row() -> None:
    for row in gazetteer():
        for form in (row.canonical, row.name, *row.aliases):
            authority = canonical_authority(form)
            assert authority is not None, form
            assert authority.canonical == row.canonical, form


def test_no_alias_is_shared_by_two_authorities() -> None:
    owners: dict[str, str] = {}
    for row in gazetteer():
        for form in {fold(f) for f in (row.canonical, row.name, *row.aliases)}:
            assert owners.setdefault(form, row.canonical) == row.canonical, form


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("LA INTERVENTION – GLOUCESTERSHIRE HIGHLIGHT REPORT", "Gloucestershire"),
        ("Adviser highlight report: Kensington & Chelsea, July 2021", "Kensington and Chelsea"),
        ("Notes from the visit to Reading Borough Council in May", "Reading"),
        ("Highlight report for Northshire County Council, July 2021", "Northshire"),
        ("LA INTERVENTION – NORTHSHIRE COUNTY COUNCIL", "Northshire"),
        ("LA INTERVENTION ADVISER HIGHLIGHT REPORT EASTMOOR BOROUGH COUNCIL", "Eastmoor"),
        ("Quarterly Update Riverbridge City Council", "Riverbridge"),
        ("London Borough of Eastmoor – highlight report", "Eastmoor"),
        ("KENT – 6 weekly highlight report", "Kent"),
        ("Report on Stoke-on-Trent City Council's improvement", "Stoke-on-Trent"),
    ],
)
def test_find_authority_in_text(text: str, canonical: str) -> None:
    authority = find_authority_in_text(text)
    assert authority is not None and authority.canonical == canonical


@pytest.mark.parametrize(
    "text",
    [
        "",
        "reading the report again",
        "Adviser: Claire Sutton; case lead: Tom Kent",
        "Both the Leader of the Council and Chief Executive attended",
        "LA INTERVENTION – 6 WEEKLY ADVISER HIGHLIGHT REPORT",
    ],
)
def test_text_without_an_authority_finds_none(text: str) -> None:
    assert find_authority_in_text(text) is None


def test_one_letter_typos_of_gazetteer_names_resolve_back() -> None:
    """Drop one letter from each long canonical name: nearly all still resolve to it (the few
    exceptions are ties such as "Herfordshire", one letter from two real counties)."""
    tried = resolved = 0
    for row in gazetteer():
        name = row.canonical
        if len(name) < 8:
            continue
        for i in range(1, len(name) - 1):
            if name[i] == " ":
                continue
            tried += 1
            authority = canonical_authority(f"{name[:i]}{name[i + 1:]} County Council")
            resolved += authority is not None and authority.canonical == name
    assert tried > 1000
    assert resolved / tried > 0.97


# A header table converted to text columns: label, a run of spaces or a tab, value.
@pytest.mark.parametrize(("text", "canonical"), [
    ("HIGHLIGHT REPORT LOCAL AUTHORITY      Northshire County    PERIOD      Jan to Mar Council",
     "Northshire"),
    ("Local Authority\tEastmoor Borough Council", "Eastmoor"),
    ("LA:     Kirkby upon Wold    ADVISER     Sam Okafor", "Kirkby upon Wold"),
    ("AUTHORITY   Leeds City Council   DfE CASE LEAD   Ann Bee", "Leeds"),
])
def test_the_value_column_of_an_authority_label(text: str, canonical: str) -> None:
    authority = find_authority_in_text(text)
    assert authority is not None and authority.canonical == canonical


# A month, quarter or period word never starts or makes an authority's name: a wrapped
# "Council" landing after a period value names nothing.
@pytest.mark.parametrize("text", [
    "REPORTING PERIOD    July to September Council      2023",
    "Q3 report for the period ending March Council",
    "LOCAL AUTHORITY       REPORTING PERIOD      April to June 2024",
    "the local authority    has made good progress this quarter",
    "Next update due in June Council meeting",
])
def test_period_words_and_blank_label_columns_name_no_authority(text: str) -> None:
    assert find_authority_in_text(text) is None


def test_a_trailing_borough_is_council_wording() -> None:
    authority = canonical_authority("Eastmoor Borough")
    assert authority is not None and authority.canonical == "Eastmoor"
    assert canonical_authority("Borough") is None


def test_a_trust_running_services_on_behalf_of_a_council_names_the_council() -> None:
    authority = canonical_authority("Westering Children's Trust, on behalf of Westering "
                                    "Borough Council")
    assert authority is not None
    assert (authority.name, authority.canonical) == ("Westering Borough Council", "Westering")
