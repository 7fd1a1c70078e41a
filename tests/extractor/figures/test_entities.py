"""Entities of the shared pipeline and the pipeline itself."""

from __future__ import annotations

from pathlib import Path

import pytest

import extractor.nlp as nlp
from extractor.figures import TextPiece, find_entities


def _labels(text: str) -> dict[str, str]:
    return {e.text: e.label for e in find_entities([TextPiece(text, 0)])}


def test_organisations_roles_and_dates() -> None:
    got = _labels("Ofsted met the DCS, the Principal Social Worker and CAMHS on 9.10.20; the "
                  "police attended the MASH in October 2020.")
    assert got["Ofsted"] == "ORG" and got["CAMHS"] == "ORG" and got["MASH"] == "ORG"
    assert got["DCS"] == "ROLE" and got["Principal Social Worker"] == "ROLE"
    assert got["9.10.20"] == "DATE" and got["October 2020"] == "DATE"


def test_may_the_verb_is_not_a_date() -> None:
    got = _labels("The service may improve by May 2021.")
    assert got == {"May 2021": "DATE"}


def test_offsets_are_in_report_coordinates() -> None:
    text = "Preamble text.\n\nThe Director of Children's Services wrote to Ofsted."
    start = text.index("The Director")
    found = find_entities([TextPiece(text[start:], start)])
    assert {(text[e.start:e.end], e.label) for e in found} == {
        ("Director of Children's Services", "ROLE"), ("Ofsted", "ORG")}


def test_pipeline_is_built_once_and_sentencizes() -> None:
    assert nlp.get_nlp() is nlp.get_nlp()
    docs = list(nlp.pipe(["One sentence here. Another one there."], entities=False))
    assert len(list(docs[0].sents)) == 2 and docs[0].ents == ()


def test_authority_patterns_tolerate_a_missing_gazetteer(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    monkeypatch.setattr(nlp, "_DATA", tmp_path)
    assert nlp.authority_patterns() == []


def test_authority_patterns_from_the_gazetteer(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    (tmp_path / "authorities.csv").write_text(
        "canonical,name,kind,aliases\nNorthshire,Northshire County Council,county,Northshire CC;"
        "N'shire\n", encoding="utf-8")
    monkeypatch.setattr(nlp, "_DATA", tmp_path)
    got = {(p["pattern"], p["label"]) for p in nlp.authority_patterns()}
    assert got == {("Northshire County Council", "ORG"), ("Northshire", "GPE"),
                   ("Northshire CC", "GPE"), ("N'shire", "GPE")}
