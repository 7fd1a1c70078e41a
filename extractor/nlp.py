"""The shared spaCy pipeline: blank English, a sentencizer and entity rulers, no downloads.

Built once per process on first use (spaCy itself is imported only then). Entity patterns come
from ``extractor/data/entities.toml`` (organisations, roles, legislation, dates) and from the
authority gazetteer ``extractor/data/authorities.csv`` when it is present. Feed paragraphs
through :func:`pipe` in batches: one long Doc tokenizes several times slower.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["get_nlp", "pipe", "entity_patterns", "authority_patterns", "BATCH_SIZE"]

BATCH_SIZE = 128
_DATA = resources.files("extractor").joinpath("data")

Pattern = dict[str, Any]


def _date_patterns(raw: dict[str, Any]) -> list[Pattern]:
    cased = set(raw["cased_only"])
    lower = [m for m in raw["months"] if m not in cased]
    texts = [form for m in cased for form in (m.capitalize(), m.upper())]
    year = {"SHAPE": {"IN": raw["year_shapes"]}, "OP": "?"}
    day = {"SHAPE": {"IN": raw["day_shapes"]}}
    patterns: list[Pattern] = []
    for month in ({"LOWER": {"IN": lower}}, {"TEXT": {"IN": texts}}):
        patterns.append({"label": "DATE", "pattern": [month, year]})
        patterns.append({"label": "DATE", "pattern": [day, month, year]})
    patterns.append({"label": "DATE", "pattern": [{"SHAPE": {"IN": raw["date_shapes"]}}]})
    return patterns


def entity_patterns() -> list[Pattern]:
    """EntityRuler patterns of ``entities.toml``: phrases (case-insensitive) and dates."""
    raw = tomllib.loads(_DATA.joinpath("entities.toml").read_text("utf-8"))
    patterns: list[Pattern] = [
        {"label": label, "pattern": phrase}
        for label, table in raw["phrases"].items()
        for phrase in table["phrases"]
    ]
    return patterns + _date_patterns(raw["dates"])


def authority_patterns() -> list[Pattern]:
    """Case-sensitive patterns of the authority gazetteer: full names ORG, short names GPE.

    Empty when ``authorities.csv`` is absent.
    """
    path = _DATA.joinpath("authorities.csv")
    if not path.is_file():
        return []
    patterns: list[Pattern] = []
    for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")):
        names = [row.get("name") or "", row.get("canonical") or ""]
        names += (row.get("aliases") or "").split(";")
        for name in sorted({n.strip() for n in names if n and n.strip()}):
            label = "ORG" if "council" in name.lower() else "GPE"
            patterns.append({"label": label, "pattern": name})
    return patterns


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The pipeline: ``sentencizer``, ``entity_ruler`` (LOWER phrases) and ``authority_ruler``."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns(entity_patterns())  # type: ignore[attr-defined]
    authorities = authority_patterns()
    if authorities:
        gazetteer = nlp.add_pipe("entity_ruler", name="authority_ruler")
        gazetteer.add_patterns(authorities)  # type: ignore[attr-defined]
    return nlp


# spaCy's tokenizer peels prefixes off a word one at a time, so a crafted "word" of 30,000
# brackets takes minutes. No figure or name is that long: such a run is blanked (same length,
# so every offset stays true) before tokenizing.
_LONG_WORD = re.compile(r"\S{200,}")


def pipe(texts: Iterable[str], *, entities: bool = True) -> Iterator[Doc]:
    """Docs of ``texts`` in order, in batches; ``entities=False`` runs the sentencizer only."""
    nlp = get_nlp()
    disable = [] if entities else [n for n in nlp.pipe_names if n != "sentencizer"]
    safe = (_LONG_WORD.sub(lambda m: " " * len(m.group()), text) for text in texts)
    yield from nlp.pipe(safe, batch_size=BATCH_SIZE, disable=disable)
