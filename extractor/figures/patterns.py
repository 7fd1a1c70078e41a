"""The compiled patterns of ``extractor/data/figure_patterns.toml`` (loaded once per process)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["FigurePatterns", "load_patterns"]

_I = re.IGNORECASE


@dataclass(frozen=True)
class FigurePatterns:
    """Every regex and word list the figure finder uses, compiled."""

    number: re.Pattern[str]
    word_numbers: dict[str, float]
    word_number: re.Pattern[str]
    word_choice_left: re.Pattern[str]
    months: dict[str, int]
    month_mention: re.Pattern[str]
    units: dict[str, re.Pattern[str]]
    money: re.Pattern[str]
    multipliers: dict[str, float]
    ratio: re.Pattern[str]
    ranges: tuple[re.Pattern[str], ...]
    proportions: re.Pattern[str]
    not_figures: dict[str, tuple[re.Pattern[str], ...]]
    ascending_only: frozenset[str]  # not_figures rules that block rising pairs only
    approximate: re.Pattern[str]
    count_noun: re.Pattern[str]
    parenthesised_count: re.Pattern[str]
    count_before: re.Pattern[str]
    count_before_not_after: re.Pattern[str]
    count_qualifier: re.Pattern[str]
    bracket_qualifier: re.Pattern[str]
    anchors: re.Pattern[str]
    target_left: tuple[re.Pattern[str], ...]
    target_right: tuple[re.Pattern[str], ...]
    comparator_left: tuple[re.Pattern[str], ...]
    comparator_right: tuple[re.Pattern[str], ...]
    previous_left: tuple[re.Pattern[str], ...]
    previous_right: re.Pattern[str]
    compared_left: re.Pattern[str]
    compared_earlier_right: re.Pattern[str]
    change_left: re.Pattern[str]
    money_level_left: re.Pattern[str]
    change_amount_right: re.Pattern[str]
    change_right: re.Pattern[str]
    coordinated_right: re.Pattern[str]
    coordinated_between: re.Pattern[str]
    target_for: re.Pattern[str]
    no_forward: re.Pattern[str]
    anaphoric_start: re.Pattern[str]
    restated_left: re.Pattern[str]
    hypothetical_left: re.Pattern[str]
    hypothetical_right: re.Pattern[str]
    not_measure_month: re.Pattern[str]
    month_range: re.Pattern[str]
    month_after_figure: re.Pattern[str]
    month_after_bracket: re.Pattern[str]
    month_clause_break: re.Pattern[str]
    month_sentence_break: re.Pattern[str]
    clause_breakers: re.Pattern[str]
    clause_starts: re.Pattern[str]
    weak_clause_starts: re.Pattern[str]
    right_fallback_not: re.Pattern[str]
    money_right: re.Pattern[str]
    count_copula: re.Pattern[str]
    anaphora: re.Pattern[str]
    elided_month_right: re.Pattern[str]
    elided_month_between: re.Pattern[str]
    elision_cut: re.Pattern[str]
    since_month: re.Pattern[str]
    between: re.Pattern[str]
    subject_verb: re.Pattern[str]
    leading: tuple[re.Pattern[str], ...]
    trailing: tuple[re.Pattern[str], ...]
    empty_labels: frozenset[str]
    relative_start: re.Pattern[str]
    right_start: re.Pattern[str]
    passive_start: re.Pattern[str]
    not_content: frozenset[str]
    generic_bases: frozenset[str]
    stop_words: frozenset[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _word_numbers(raw: dict[str, Any]) -> dict[str, float]:
    """Every number in words the patterns read, with its value ("twenty-six": 26)."""
    units, teens, tens = raw["units"], raw["teens"], raw["tens"]
    found = {**units, **teens, **tens, **{f"{ten}-{unit}": tens[ten] + units[unit]
                                           for ten in tens for unit in units}}
    return {word: float(value) for word, value in found.items() if word not in raw["not_alone"]}


@lru_cache(maxsize=1)
def load_patterns() -> FigurePatterns:
    """Read and compile ``figure_patterns.toml``."""
    raw = tomllib.loads(
        resources.files("extractor").joinpath("data/figure_patterns.toml").read_text("utf-8")
    )
    months: dict[str, int] = raw["months"]
    month_alt = f"(?:{_alternation(list(months))})"
    counts = raw["counts"]
    subs = {"{NUM}": raw["number"], "{MONTH}": month_alt,
            "{NOUNS}": _alternation(counts["nouns"]),
            "{SUBJECT_NOUNS}": _alternation(counts["subject_nouns"])}
    subs["{COUNTED}"] = counts["counted_after"].replace("{NOUNS}", subs["{NOUNS}"])

    def fill(rx: str) -> str:
        for key, value in subs.items():
            rx = rx.replace(key, value)
        return rx

    def one(rx: str, flags: int = _I) -> re.Pattern[str]:
        return re.compile(fill(rx), flags)

    def many(rxs: list[str], flags: int = _I) -> tuple[re.Pattern[str], ...]:
        return tuple(one(rx, flags) for rx in rxs)

    nf: dict[str, Any] = raw["not_figures"]
    not_figures = {name: many(rxs) for name, rxs in nf.items()
                   if name not in ("named_case_sensitive", "ascending_only")}
    not_figures["named_case_sensitive"] = many(nf["named_case_sensitive"], 0)
    names = sorted(months, key=len, reverse=True)
    cased = "|".join(f"{n.capitalize()}|{n.upper()}" for n in names)
    month_mention = re.compile(
        rf"\b(?P<name>{cased})\b\.?(?:\s+(?P<year>\d{{4}}|\d{{2}})\b(?![\d.]*\s?(?:%|per\s?cent))"
        rf"(?!{subs['{COUNTED}']}))?"
    )
    modifier = rf"(?!(?:{_alternation(counts['not_modifiers'])})\s)[a-z][\w'’-]*"
    count_noun = re.compile(
        rf"\s+(?:{modifier}\s+){{0,2}}?(?P<noun>{_alternation(counts['nouns'])})\b(?!['’]s)", _I
    )
    word_numbers = _word_numbers(raw["word_numbers"])
    roles = raw["roles"]
    labels = raw["labels"]
    ctx = raw["months_context"]
    return FigurePatterns(
        number=re.compile(raw["number"]),
        word_numbers=word_numbers,
        word_number=re.compile(rf"(?<![\w-])(?:{_alternation(list(word_numbers))})(?![\w-])", _I),
        word_choice_left=one(counts["word_choice_left"]),
        months=months,
        month_mention=month_mention,
        units={unit: one(rx) for unit, rx in raw["units"].items()},
        money=one(raw["money"]["regex"]),
        multipliers={k.lower(): float(v) for k, v in raw["money"]["multipliers"].items()},
        ratio=one(raw["ratio"]["regex"]),
        ranges=many(raw["ranges"]["regexes"]),
        proportions=one(raw["proportions"]["regex"]),
        not_figures=not_figures,
        ascending_only=frozenset(nf["ascending_only"]),
        approximate=one(raw["approximate"]["left"]),
        count_noun=count_noun,
        parenthesised_count=one(counts["parenthesised"]),
        count_before=one(f"(?:{counts['before']})|(?:{counts['before_colon']})"),
        count_before_not_after=one(counts["before_not_after"]),
        count_qualifier=one(f"(?:{counts['previous_count']})|(?:{counts['bracket_count']})"),
        bracket_qualifier=one(counts["bracket_qualifier"]),
        anchors=one(raw["anchors"]["regex"]),
        target_left=many(roles["target_left"]),
        target_right=many(roles["target_right"]),
        comparator_left=many(roles["comparator_left"]),
        comparator_right=many(roles["comparator_right"]),
        previous_left=many(roles["previous_left"]),
        previous_right=one(roles["previous_right"]),
        compared_left=one(roles["compared_left"]),
        compared_earlier_right=one(roles["compared_earlier_right"]),
        change_left=one(roles["change_left"]),
        money_level_left=one(roles["money_level_left"]),
        change_amount_right=one(roles["change_amount_right"]),
        change_right=one(roles["change_right"]),
        coordinated_right=one(roles["coordinated_right"]),
        coordinated_between=one(roles["coordinated_between"]),
        target_for=one(roles["target_for"]),
        no_forward=one(roles["no_forward"]),
        anaphoric_start=one(roles["anaphoric_start"]),
        restated_left=one(roles["restated_left"]),
        hypothetical_left=one(roles["hypothetical_left"]),
        hypothetical_right=one(roles["hypothetical_right"]),
        not_measure_month=one(ctx["not_the_measure_month"]),
        month_range=one(ctx["month_range"]),
        month_after_figure=one(ctx["after_figure"]),
        month_after_bracket=one(ctx["after_bracket"]),
        month_clause_break=one(ctx["month_clause_break"]),
        month_sentence_break=one(ctx["month_sentence_break"]),
        clause_breakers=one("|".join(f"(?:{rx})" for rx in labels["clause_breakers"])),
        clause_starts=one(labels["clause_starts"]),
        weak_clause_starts=one(labels["weak_clause_starts"]),
        right_fallback_not=one(labels["right_fallback_not"]),
        money_right=one(labels["money_right"]),
        count_copula=one(labels["count_copula"]),
        anaphora=one(labels["anaphora"]),
        elided_month_right=one(labels["elided_month_right"]),
        elided_month_between=one(labels["elided_month_between"]),
        elision_cut=one(labels["elision_cut"]),
        since_month=one(ctx["since_month"]),
        between=one(ctx["between"]),
        subject_verb=one(rf"\b(?:{_alternation(labels['subject_verbs'])})\b"),
        leading=many(labels["leading"]),
        trailing=many(labels["trailing"]),
        empty_labels=frozenset(labels["empty_labels"]),
        relative_start=one(labels["relative_starts"]),
        right_start=one(labels["right_starts"]),
        passive_start=one(labels["passive_start"]),
        not_content=frozenset([*labels["not_content"], *months]),
        generic_bases=frozenset(labels["generic_bases"]),
        stop_words=frozenset(labels["stop_words"]),
    )
