"""Adviser and case-lead cells: names as written (titles kept), without roles; redactions."""

from __future__ import annotations

import pytest

from extractor.fields import PersonReading, clean_person, is_redacted

NAMES = [
    ("Claire Burgess", "Claire Burgess"),
    ("  CLAIRE   BURGESS ", "Claire Burgess"),
    ("Mrs Claire Burgess (DfE Adviser)", "Mrs Claire Burgess"),
    ("DfE Case Lead: Kellie Knott", "Kellie Knott"),
    ("Kellie Knott – DfE", "Kellie Knott"),
    ("KELLIE KNOTT, DFE CASE LEAD", "Kellie Knott"),
    ("Jane Smith, Independent Adviser", "Jane Smith"),
    ("Adviser - John Smith", "John Smith"),
    ("Dr. Anne-Marie O'Neil", "Dr. Anne-Marie O'Neil"),
    ("Lead Adviser: Mr J. Smith", "Mr J. Smith"),
    ("Kellie Knott (Interim)", "Kellie Knott"),
    ("Jo Bloggs – 07700 900123", "Jo Bloggs"),
    ("Priya Patel priya.patel@education.gov.uk", "Priya Patel"),
    ("Sarah Jones / Tom Brown", "Sarah Jones / Tom Brown"),
    ("Cllr Ann Green OBE", "Cllr Ann Green OBE"),
    ("PROFESSOR HAMISH BELL CBE, DFE ADVISER", "Professor Hamish Bell CBE"),
    ("Ms Siobhan MacDonald", "Ms Siobhan MacDonald"),
]


@pytest.mark.parametrize(("cell", "name"), NAMES)
def test_clean_person(cell: str, name: str) -> None:
    assert clean_person(cell) == PersonReading(name, redacted=False)


@pytest.mark.parametrize("cell", [
    "[Redacted under s40(2)]", "Redacted", "REDACTED", "█████", "[REDACTED]", "Name withheld",
    "s.40", "Section 40 exemption", "Personal data – redacted", "xxxxx",
])
def test_redactions(cell: str) -> None:
    assert clean_person(cell) == PersonReading(None, redacted=True)
    assert is_redacted(cell)


@pytest.mark.parametrize("cell", ["", "   ", "TBC", "Dr", "Mrs (DfE Adviser)", "OBE", "N/A",
                                  "Vacant", "-", "DfE Adviser", "Post vacant – ask the unit",
                                  "Vacancy (interim cover being sought)",
                                  "Click or tap to enter a date.", "01/10/2022 to 31/12/2022",
                                  "March 2023"])
def test_blank_cells_name_nobody(cell: str) -> None:
    assert clean_person(cell) == PersonReading(None, redacted=False)


def test_a_real_name_is_not_a_redaction() -> None:
    for _, name in NAMES:
        assert not is_redacted(name)
