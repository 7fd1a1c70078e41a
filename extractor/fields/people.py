"""Adviser and case-lead names: strip role noise and contact details, recognise redactions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractor.fields._data import load_toml
from extractor.fields._text import fold, squash, title_case

__all__ = ["PersonReading", "clean_person", "is_redacted"]

_CONTACT = re.compile(r"\S+@\S+|\+?\d[\d ()-]{6,}\d")
_SEPARATORS = re.compile(r"\s*(?:[,;|(\[]|\s[-\u2013\u2014]\s|:)\s*")


@dataclass(frozen=True)
class PersonReading:
    """A person field as read: ``name`` (None when absent or withheld) and ``redacted``."""

    name: str | None
    redacted: bool = False


@dataclass(frozen=True)
class _Vocabulary:
    """``people.toml`` compiled."""

    redaction: re.Pattern[str]
    blanks: frozenset[str]
    vacancy_words: frozenset[str]
    titles: frozenset[str]
    post_nominals: frozenset[str]
    roles: frozenset[str]


@cache
def _vocabulary() -> _Vocabulary:
    data = load_toml("people.toml")
    return _Vocabulary(
        redaction=re.compile("|".join(f"(?:{p})" for p in data["redactions"]), re.IGNORECASE),
        blanks=frozenset(data["blanks"]),
        vacancy_words=frozenset(data["vacancy_words"]),
        titles=frozenset(data["titles"]),
        post_nominals=frozenset(data["post_nominals"]),
        roles=frozenset(data["roles"]),
    )


def is_redacted(text: str) -> bool:
    """True when ``text`` says a value was withheld ("[Redacted under s40(2)]", "█████")."""
    return bool(_vocabulary().redaction.search(text or ""))


def _is_role(part: str, roles: frozenset[str]) -> bool:
    return any(word in roles for word in fold(part).split())


def _strip_roles(words: list[str], vocabulary: _Vocabulary) -> list[str]:
    """``words`` without role words at either end."""
    kept = list(words)
    while kept and fold(kept[0]) in vocabulary.roles:
        kept.pop(0)
    while kept and fold(kept[-1]) in vocabulary.roles:
        kept.pop()
    return kept


def _names_someone(words: list[str], vocabulary: _Vocabulary) -> bool:
    """True when ``words`` hold more than an honorific or post-nominal."""
    courtesy = vocabulary.titles | vocabulary.post_nominals
    return any(fold(word) not in courtesy for word in words)


def _in_letter_case(name: str, vocabulary: _Vocabulary) -> str:
    """``name`` title-cased when written in capitals, its post-nominals left in capitals."""
    if not (name.isupper() and len(name) > 3):
        return name
    return " ".join(word if fold(word) in vocabulary.post_nominals else title_case(word)
                    for word in name.split())


def clean_person(text: str) -> PersonReading:
    """The person named in a header cell, without roles, contact details or labels.

    Honorifics and post-nominals stay as written ("Dr Anne O'Neil", "Colin McArdle OBE").
    Redaction marks give ``PersonReading(None, redacted=True)``; blanks, "TBC", Word's
    placeholder text and values with digits (a date in the wrong place) give
    ``PersonReading(None)``, as does a value saying the post is vacant. A name written in
    capitals is title-cased.
    """
    vocabulary = _vocabulary()
    value = squash(text or "")
    if is_redacted(value):
        return PersonReading(None, redacted=True)
    if fold(value) in vocabulary.blanks or vocabulary.vacancy_words & set(fold(value).split()):
        return PersonReading(None)
    value = _CONTACT.sub(" ", value)
    parts = [p for p in _SEPARATORS.split(value) if p and p.strip(")] ")]
    named = [p for p in parts if not _is_role(p, vocabulary.roles)] or parts
    for part in named:
        words = _strip_roles(part.strip(")] ").split(), vocabulary)
        name = " ".join(words).strip(".-'\u2019/ ")
        if (sum(c.isalpha() for c in name) > 1 and fold(name) not in vocabulary.blanks
                and _names_someone(words, vocabulary)
                and not any(c.isdigit() for c in name)):  # a date or period, not a person
            return PersonReading(_in_letter_case(name, vocabulary))
    return PersonReading(None)
