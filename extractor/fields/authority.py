"""Local authority names: the gazetteer lookup behind ``authority.canonical``.

A name is looked up exactly, then by alias, then without council wording ("County Council",
"London Borough of", ...), then fuzzily (a misspelling such as "Gloucestshire"). A name the
gazetteer does not know keeps its own words minus the council wording, so fictional and
newly created authorities work too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from extractor.fields._data import load_csv, load_toml
from extractor.fields._text import fold, squash, title_case
from extractor.fields.people import is_redacted
from models.report import Authority

__all__ = ["GazetteerEntry", "gazetteer", "canonical_authority", "find_authority_in_text"]

_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_LABEL = re.compile(r"^[^:]{1,40}:\s*")
_EDGE_PUNCTUATION = " ,.;:-\u2013\u2014'\"()[]"
_NAME_WORD = r"[A-Z][\w'\u2019-]*"
_COUNCIL_FORM = re.compile(
    rf"(?:\b(?:London|Royal|LONDON|ROYAL) (?:Borough|BOROUGH) (?:of|OF) {_NAME_WORD}"
    rf"(?: (?:and|upon|on|AND|UPON|ON) {_NAME_WORD}| {_NAME_WORD}){{0,3}})"
    rf"|(?:\b{_NAME_WORD}(?: (?:and|upon|on|with|AND|UPON|ON|WITH) {_NAME_WORD}| {_NAME_WORD})"
    rf"{{0,5}} (?:Council|COUNCIL)\b)"
)
_TEXT_WINDOW = 3000
_MAX_NAME_WORDS = 6
_JOINING_WORDS = frozenset({"and", "of", "upon", "on", "with", "the", "in"})
_MIN_FUZZY_LENGTH = 6


@dataclass(frozen=True)
class GazetteerEntry:
    """One row of ``authorities.csv``. ``kind`` is county, unitary, metropolitan, london,
    sui_generis (City of London, Isles of Scilly) or former (abolished since 2019, kept so
    older reports still resolve: Northamptonshire, Cumbria, Bournemouth, Poole)."""

    canonical: str
    name: str
    kind: str
    aliases: tuple[str, ...]


@cache
def gazetteer() -> tuple[GazetteerEntry, ...]:
    """Every English local authority with children's services (and recent former ones)."""
    return tuple(
        GazetteerEntry(
            canonical=row["canonical"].strip(),
            name=row["name"].strip(),
            kind=row["kind"].strip(),
            aliases=tuple(a.strip() for a in (row["aliases"] or "").split(";") if a.strip()),
        )
        for row in load_csv("authorities.csv")
    )


@dataclass(frozen=True)
class _Rules:
    """``authority_names.toml``: council wording, blanks and matching thresholds."""

    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    blanks: frozenset[str]
    fuzzy_cutoff: float
    ambiguous: frozenset[str]
    title_words: frozenset[str]
    labels: re.Pattern[str]
    on_behalf: re.Pattern[str]


@cache
def _rules() -> _Rules:
    data = load_toml("authority_names.toml")
    return _Rules(
        prefixes=tuple(sorted(data["prefixes"], key=len, reverse=True)),
        suffixes=tuple(sorted(data["suffixes"], key=len, reverse=True)),
        blanks=frozenset(data["blanks"]),
        fuzzy_cutoff=float(data["fuzzy_cutoff"]),
        ambiguous=frozenset(data["ambiguous"]),
        title_words=frozenset(data["title_words"]),
        labels=_label_regex(data["labels"]),
        on_behalf=re.compile(r",?\s+(?:" + "|".join(
            re.escape(p) for p in sorted(data["on_behalf"], key=len, reverse=True)) + r")\s+",
            re.IGNORECASE),
    )


def _label_regex(labels: list[str]) -> re.Pattern[str]:
    """A label column, then its value column: the label starts the text or follows a space and
    ends with a run of two or more spaces or a tab (a colon allowed before it); the value runs
    to the next such run or the end."""
    alternatives = "|".join(r"\s+".join(re.escape(w) for w in label.split())
                            for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=\s))(?P<label>{alternatives})\s*:?(?:\t|[ \u00a0]{{2,}})\s*"
                      rf"(?P<value>\S+(?: \S+)*)", re.IGNORECASE)


def _strip_affixes(words: list[str]) -> list[str]:
    """``words`` without leading/trailing council wording (compared by their folded form)."""
    rules = _rules()
    changed = True
    while changed and words:
        changed = False
        for affix in rules.prefixes:
            size = len(affix.split())
            if len(words) > size and fold(" ".join(words[:size])) == affix:
                words, changed = words[size:], True
                break
        for affix in rules.suffixes:
            size = len(affix.split())
            if len(words) > size and fold(" ".join(words[-size:])) == affix:
                words, changed = words[:-size], True
                break
    return words


@cache
def _index() -> tuple[dict[str, GazetteerEntry], tuple[str, ...]]:
    """Matching key → entry for every canonical, name, alias and their stripped cores; and
    the keys a misspelling may be matched to (no abbreviations such as "BANES" or "Glos")."""
    index: dict[str, GazetteerEntry] = {}
    for entry in gazetteer():
        for form in (entry.canonical, entry.name, *entry.aliases):
            index.setdefault(fold(form), entry)
    for entry in gazetteer():
        for form in (entry.canonical, entry.name, *entry.aliases):
            index.setdefault(fold(" ".join(_strip_affixes(form.split()))), entry)
    spelled_out = {
        fold(" ".join(_strip_affixes(form.split())))
        for entry in gazetteer()
        for form in (entry.canonical, entry.name, *entry.aliases)
        if len(form) >= _MIN_FUZZY_LENGTH and " " in form or form == entry.canonical
    }
    return index, tuple(sorted(spelled_out))


def _lookup(value: str) -> GazetteerEntry | None:
    index, keys = _index()
    key = fold(value)
    core = fold(" ".join(_strip_affixes(value.split())))
    entry = index.get(key) or index.get(core)
    if entry is None and len(core) >= _MIN_FUZZY_LENGTH:
        best = process.extractOne(core, keys, scorer=fuzz.ratio,
                                  score_cutoff=_rules().fuzzy_cutoff)
        entry = index[best[0]] if best else None
    return entry


def canonical_authority(name: str) -> Authority | None:
    """The authority a header cell names: ``name`` as written, ``canonical`` short form.

    A trust or company running the services "on behalf of" a council names that council. None
    for a blank, placeholder or redacted cell. Never raises.
    """
    written = squash(name or "")
    written = _rules().on_behalf.split(written, maxsplit=1)[-1]
    value = squash(_BRACKETED.sub(" ", written))
    rules = _rules()
    label = _LABEL.match(value)
    if label and fold(label.group(0)) in rules.blanks:
        value = value[label.end():]
    value = value.strip(_EDGE_PUNCTUATION)
    noise = rules.blanks | set(rules.suffixes) | set(rules.prefixes)
    if not value or is_redacted(written) or fold(value) in noise:
        return None
    entry = _lookup(value)
    if entry is not None:
        return Authority(name=written, canonical=entry.canonical)
    core = " ".join(_strip_affixes(value.split())).strip(_EDGE_PUNCTUATION)
    if not any(c.isalpha() for c in core):
        return None
    return Authority(name=written, canonical=title_case(core) if core.isupper() else core)


def _surface_pattern(form: str) -> str:
    """A regex for ``form`` that tolerates "&"/"and", hyphen/space and apostrophe variants."""
    parts = []
    for word in re.split(r"[\s-]+", form):
        if word.lower() == "and" or word == "&":
            parts.append(r"(?:and|&)")
        else:
            parts.append(re.escape(word).replace("'", "['\u2019]?"))
    return r"[\s-]+".join(parts)


@cache
def _surface_regex() -> re.Pattern[str]:
    forms = {f for e in gazetteer() for f in (e.canonical, e.name, *e.aliases) if len(f) >= 4}
    alternatives = "|".join(_surface_pattern(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w&-])(?:{alternatives})(?![\w&-])", re.IGNORECASE)


def _credible(match: str, entry: GazetteerEntry) -> bool:
    """Reject lower-case words ("reading") and bare surnames or common words ("Sutton")."""
    if match.islower():
        return False
    ambiguous = entry.canonical in _rules().ambiguous
    bare = fold(match) == fold(entry.canonical)
    return not (ambiguous and bare and not match.isupper())


def _labelled(window: str) -> Authority | None:
    """The value of an authority label column ("LOCAL AUTHORITY    Eastmoor Borough"), when it
    is written as a name: every word capitalised but the joining words, at most six words, none
    of them a title word (a blank value leaves the next label, "REPORTING PERIOD", in its place).
    """
    rules = _rules()
    for match in rules.labels.finditer(window):
        label, words = match.group("label"), match.group("value").split()
        if label.islower() or len(words) > _MAX_NAME_WORDS or any(
                fold(w) in rules.title_words for w in words):
            continue
        if all(w[:1].isupper() or fold(w) in _JOINING_WORDS for w in words):
            authority = canonical_authority(" ".join(words))
            if authority is not None:
                return authority
    return None


def find_authority_in_text(text: str) -> Authority | None:
    """The authority in ``text`` (a title or opening lines): the value of an authority label
    column, else the first gazetteer authority named, else the first "… Council" / "London
    Borough of …" name. None when nothing names an authority."""
    window = (text or "")[:_TEXT_WINDOW]
    labelled = _labelled(window)
    if labelled is not None:
        return labelled
    for match in _surface_regex().finditer(window):
        found = squash(match.group(0))
        entry = _lookup(found)
        if entry is not None and _credible(found, entry):
            return Authority(name=found, canonical=entry.canonical)
    for match in _COUNCIL_FORM.finditer(window):
        words = match.group(0).split()
        title_words = [i for i, word in enumerate(words) if fold(word) in _rules().title_words]
        authority = canonical_authority(" ".join(words[title_words[-1] + 1:] if title_words
                                                 else words))
        if authority is not None:
            return authority
    return None
