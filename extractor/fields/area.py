"""Stable keys for assessment rows: the five Ofsted judgement areas, else a slug of the title."""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz import fuzz, process

from extractor.fields._data import load_toml
from extractor.fields._text import fold, slug

__all__ = ["OFSTED_AREA_KEYS", "area_key", "unique_area_keys"]

_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NUMBERING = re.compile(
    r"^\s*(?:[\u2022\u25aa\u25cf\u2013\u2014*-]+|\(?[0-9ivx]{1,4}[.)]|[a-h][.)])\s*", re.IGNORECASE
)
_NUMBER_AFTER_NOISE = re.compile(r"^(?:\d{1,2}[a-z]?|[ivx]{1,4})\s+")  # "Ofsted area 1 - ..."
_UNTITLED = "untitled"
_MIN_OPENING_WORDS = 2


@cache
def _variants() -> tuple[dict[str, str], tuple[str, ...], float]:
    data = load_toml("areas.toml")
    by_variant = {fold(v): key for key, variants in data["areas"].items() for v in variants}
    noise = tuple(sorted((fold(n) for n in data["noise"]), key=len, reverse=True))
    return by_variant, noise, float(data["fuzzy_cutoff"])


OFSTED_AREA_KEYS: tuple[str, ...] = tuple(load_toml("areas.toml")["areas"])


def _core(title: str) -> str:
    """The folded title without brackets, numbering and leading noise words (each with the
    number that may follow it: "Ofsted area 2 – Children in care")."""
    text = _NUMBERING.sub("", _BRACKETED.sub(" ", title)).strip().rstrip(":").strip()
    core = fold(text)
    _, noise, _ = _variants()
    changed = True
    while changed:
        changed = False
        for word in noise:
            if core.startswith(word + " "):
                core, changed = _NUMBER_AFTER_NOISE.sub("", core[len(word) + 1:]), True
    return core


def area_key(title: str) -> str:
    """The row's stable key: an Ofsted area key for any wording of the five judgement areas
    (exact, then fuzzy, then a title that opens with a known wording), else the snake_case
    slug of the title ("SOCIAL WORK PRACTICE" → "social_work_practice"). Never raises."""
    core = _core(title or "")
    if not core:
        return slug(title or "") or _UNTITLED
    by_variant, _, cutoff = _variants()
    if core in by_variant:
        return by_variant[core]
    best = process.extractOne(core, tuple(by_variant), scorer=fuzz.ratio, score_cutoff=cutoff)
    if best is not None:
        return by_variant[best[0]]
    opening = max(
        (v for v in by_variant if v.count(" ") + 1 >= _MIN_OPENING_WORDS
         and core.startswith(v + " ")),
        key=len, default=None,
    )
    return by_variant[opening] if opening else core.replace(" ", "_")


def unique_area_keys(titles: list[str]) -> list[str]:
    """The key of each row of one report, no key twice: a later row under an Ofsted area
    already taken ("Children in care – health" after "Children in care") gets the slug of its
    own title, then a number if even that is taken."""
    keys: list[str] = []
    for title in titles:
        key = area_key(title)
        if key in keys:
            core = _core(title)
            key = core.replace(" ", "_") if core else slug(title) or _UNTITLED
        base, number = key, 2
        while key in keys:
            key, number = f"{base}_{number}", number + 1
        keys.append(key)
    return keys
