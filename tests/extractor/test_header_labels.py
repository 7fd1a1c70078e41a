"""Header-field labels as advisers write them: the role with the DfE after it, in brackets or
with "at", in a label | value table row or as a "Label: value" line."""

from __future__ import annotations

import pytest

from extractor.segment import segment
from extractor.template import load_template
from tests.extractor.layouts import build

T = load_template()


@pytest.mark.parametrize(("label", "field"), [
    ("Case Lead (DfE)", "case_lead"), ("CASE LEAD, DFE", "case_lead"),
    ("Case lead at the DfE", "case_lead"), ("Case lead for DfE:", "case_lead"),
    ("Case manager (DfE)", "case_lead"), ("DfE case lead", "case_lead"),
    ("Adviser (DfE)", "adviser"), ("Intervention Adviser - DfE", "adviser"),
    ("Period covered", "period"), ("Local authority", "authority"),
])
def test_role_then_dfe_labels(label: str, field: str) -> None:
    assert T.match_field_label(label) == field


@pytest.mark.parametrize("text", ["Case study", "Lead member", "DfE", "Leads at DfE meeting"])
def test_near_misses_are_not_labels(text: str) -> None:
    assert T.match_field_label(text) is None


def test_dfe_after_the_role_in_a_table_row_and_an_inline_line() -> None:
    layout = build(
        ("row", [["Authority"], ["Northshire County Council"]]),
        ("row", [["Case lead at the DfE"], ["Tomasz Nowak"]]),
    )
    assert segment(layout, T).fields["case_lead"].text == "Tomasz Nowak"

    layout = build("Local authority: Eastmoor", "Case Lead (DfE):\tRuth Adebayo",
                   "HEADLINE MESSAGES", "All is well.")
    fields = segment(layout, T).fields
    assert fields["case_lead"].text.strip() == "Ruth Adebayo"
    assert fields["authority"].text.strip() == "Eastmoor"
